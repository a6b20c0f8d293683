import Foundation
import ZhubaoSystem

/// `TAX_RCPT_*.xml[.gz]` (formats.md §1): the tax bureau's contribution receipts. Streams the
/// file once, validating against `tax-receipt.xsd` while reading, and writes each `Receipt` as
/// it is read; what the XSD cannot check (header against the file name, count and total,
/// conditional elements, real dates, signs) is checked here. Nothing is kept per receipt.
struct ReceiptImporter: FileImporter {
    enum HeaderField: Int { case batchNo, region, taxOffice, businessDate, recordCount, totalAmount }
    static let headerNames = ["BatchNo", "Region", "TaxOffice", "BusinessDate", "RecordCount", "TotalAmount"]

    static let shape = XMLImport.Shape(
        root: "ContributionReceipts", namespace: "urn:zhubao:tax-receipt:1", header: "Header", list: "Receipts",
        record: "Receipt", headerNames: headerNames,
        recordLabels: Dictionary(uniqueKeysWithValues: ReceiptFields.names.map { ($0, $0) }))
    static let recordsPath = shape.recordsPath

    /// Whether a file may take the quick path (`readQuickly`); tests turn it off to compare.
    var quick = true

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        if quick, let outcome = try readQuickly(url, name: name, context: context, into: &sink) { return outcome }
        return try readFully(url, name: name, context: context, into: &sink)
    }

    /// The ordinary path: libxml2's text reader validating against the XSD as it streams.
    func readFully(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        let xml = try XMLImport(url: url, name: name, schema: "tax-receipt.xsd", context: context)
        var count: Int?
        var header: XMLFields?
        // The checks of each receipt run where its row goes (the writing thread, which idles
        // beside libxml2), a batch at a time; their diagnostics are put back in file order.
        let results = ReceiptFields.Results(), file = xml.file
        var batch: [ReceiptFields.Read] = []
        func send() throws {
            guard !batch.isEmpty else { return }
            let reads = batch
            batch.removeAll(keepingCapacity: true)
            try sink.whereRowsGo { sink in
                for read in reads {
                    let (diagnostics, amount) = try ReceiptFields.check(read, file: file, into: &sink)
                    results.sum.add(amount)
                    results.add(diagnostics, position: read.position)
                }
            }
        }
        let completed = try xml.run { reader in
            var fields = ReceiptFields(reader)
            count = try xml.walk(reader, Self.shape, header: {
                header = try Self.readHeader(reader, xml: xml, name: name)
            }, record: { index in
                try fields.read(reader)
                let mentioned = xml.finish(last: fields.values.lastLine)
                batch.append(ReceiptFields.Read(values: fields.values.read, index: index, mentioned: mentioned,
                                                start: xml.openStart, position: xml.outcome.diagnostics.appended))
                if batch.count == 256 { try send() }
            })
        }
        try send()
        try sink.settle()
        xml.outcome.diagnostics = xml.outcome.diagnostics.inserting(results.diagnostics)
        let sum = results.sum
        xml.outcome.recordCount = count ?? 0
        if completed, let count, let header {
            xml.checkCount(stated: header[HeaderField.recordCount], line: header.line(HeaderField.recordCount),
                           counted: count, Self.shape)
            if let (stated, total) = Self.totalMismatch(header[HeaderField.totalAmount], sum.total) {
                xml.error("合计金额 \(stated.yuan) 与 Amount 合计 \(total.yuan) 不符", line: header.line(HeaderField.totalAmount),
                          xpath: Self.shape.headerPath + "/TotalAmount")
            }
        }
        return xml.outcome
    }

    /// Reads `Header` and checks it against the file name.
    static func readHeader(_ reader: XMLStreamReader, xml: XMLImport, name: FileName) throws -> XMLFields {
        var header = XMLFields(reader, headerNames, prefix: "")
        try reader.forEachChild { _ = try header.take(reader) }
        _ = xml.finish(last: header.lastLine)
        for field in mismatches(name, header: { header[$0] }) {
            let text = InputQuote.quoted(header[field] ?? "")
            if field == .region {
                xml.error("Header/Region\(text)与文件名中的地区代码“\(name.region)”不一致",
                          line: header.line(field), xpath: shape.headerPath + "/Region")
            } else {
                xml.error("Header/BusinessDate\(text)与文件名中的业务日期 \(name.businessDate.iso) 不一致",
                          line: header.line(field), xpath: shape.headerPath + "/BusinessDate")
            }
        }
        return header
    }

    /// The header fields read so far that differ from the file name (Region, BusinessDate): the
    /// one decision of both paths.
    static func mismatches(_ name: FileName, header: (HeaderField) -> String?) -> [HeaderField] {
        var fields: [HeaderField] = []
        if let region = header(.region), region != name.region { fields.append(.region) }
        if let date = header(.businessDate), date != name.businessDate.iso { fields.append(.businessDate) }
        return fields
    }

    /// The stated `TotalAmount` and the receipts' sum when both read and differ: the one
    /// decision of both paths.
    static func totalMismatch(_ stated: String?, _ sum: Fen?) -> (stated: Fen, total: Fen)? {
        guard let stated = stated.flatMap({ Fen(total: $0) }), let sum, stated != sum else { return nil }
        return (stated, sum)
    }
}

/// The signed sum of the receipts' amounts; unknown once an amount cannot be read (the
/// record's own diagnostic says why, a total mismatch would only repeat it).
struct ReceiptSum {
    private(set) var total: Fen? = .zero

    mutating func add(_ amount: Fen?) {
        if let amount, let sum = total { total = sum + amount } else { total = nil }
    }
}
