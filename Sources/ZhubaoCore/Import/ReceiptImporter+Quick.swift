import Foundation
import ZhubaoSystem

/// The quick path of the receipts' importer: libxml2's SAX parser with `ReceiptQuickReader` (the
/// XSD written out by hand) in place of the text reader validating against the XSD, which
/// costs three times the parse. A file it declines — anything not plain and valid, or whose
/// header, count, total or records have any error — is read again the ordinary way after the
/// rows already written are discarded, so a rejected file gets exactly the ordinary path's
/// reasons, and a file the quick path takes is stored and reported exactly as the ordinary
/// path would (a test imports files both ways and compares).
extension ReceiptImporter {
    /// How many receipts go to the writing thread at a time.
    static let quickBatch = 256

    /// Imports the file the quick way, or returns nil having written nothing that stays.
    func readQuickly(_ url: URL, name: FileName, context: ImportContext,
                     into sink: inout some RecordSink) throws -> ImportOutcome? {
        guard (try? XMLSchemaCache.shared.digest("tax-receipt.xsd", in: context.schemaDirectory))
                == ReceiptQuickReader.schemaDigest,
              let source = try? context.source(url, name) else { return nil }
        let file = name.raw
        guard let (reader, handler) = try? Self.quickReader(source, file) else {
            source.close()
            return nil
        }
        defer { reader.close() }
        let results = ReceiptFields.Results()
        let sourcePrefix = Array("\(file):\(Self.recordsPath)[".utf8)
        func send(_ batch: QuickReceipts) throws {
            guard batch.count > 0 else { return }
            try sink.whereRowsGo { sink in
                for i in 0..<batch.count {
                    if let amount = try batch.store(i, source: sourcePrefix, into: &sink) {
                        results.sum.add(amount)
                        continue
                    }
                    let read = ReceiptFields.Read(values: batch.values(i), index: batch.firstIndex + i, mentioned: [],
                                                  start: batch.recordLines[i], position: 0)
                    let (diagnostics, amount) = try ReceiptFields.check(read, file: file, into: &sink)
                    results.sum.add(amount)
                    results.add(diagnostics, position: 0)
                }
            }
        }
        // A declined file is read again the ordinary way: stop as soon as it is known — a
        // receipt with an error, a header that does not match the file's name.
        while (try? reader.next()) ?? false, handler.reader.declined == nil, !results.failed,
              Self.headerMatches(handler.reader.header, name) {
            for batch in handler.reader.takeBatches() { try send(batch) }
        }
        let taken = reader.isClean && handler.reader.isComplete
        if taken { for batch in handler.reader.takeBatches(last: true) { try send(batch) } }
        try sink.settle()
        if taken, let outcome = Self.quickOutcome(handler.reader, results, name: name) { return outcome }
        try sink.discardRows()
        return nil
    }

    private static func quickReader(_ source: ByteSource, _ file: String) throws -> (XMLSAXReader, ReceiptQuickHandler) {
        let reader = try XMLSAXReader(source: source, fileName: file)
        let handler = ReceiptQuickHandler(ReceiptQuickReader(names: reader, batchSize: quickBatch))
        reader.handler = handler
        return (reader, handler)
    }

    /// False once the header's Region or BusinessDate is read and differs from the file name's.
    private static func headerMatches(_ header: [String?], _ name: FileName) -> Bool {
        mismatches(name, header: { header[$0.rawValue] }).isEmpty
    }

    /// The outcome when everything the ordinary path would also check holds; nil otherwise.
    private static func quickOutcome(_ handler: ReceiptQuickReader, _ results: ReceiptFields.Results,
                                     name: FileName) -> ImportOutcome? {
        typealias H = HeaderField
        let header = handler.header
        guard headerMatches(header, name), header[H.region.rawValue] != nil, header[H.businessDate.rawValue] != nil,
              let stated = header[H.recordCount.rawValue], XMLImport.countMatches(stated, counted: handler.count) == true,
              let total = header[H.totalAmount.rawValue], Fen(total: total) != nil, results.sum.total != nil,
              totalMismatch(total, results.sum.total) == nil, !results.failed
        else { return nil }
        var outcome = ImportOutcome()
        for (_, diagnostics) in results.diagnostics {
            for diagnostic in diagnostics { outcome.diagnostics.append(diagnostic) }
        }
        outcome.recordCount = handler.count
        return outcome
    }
}
