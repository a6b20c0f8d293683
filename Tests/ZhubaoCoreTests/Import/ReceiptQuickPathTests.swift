import Foundation
import GRDB
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// The receipts' quick path (SAX with the XSD written out by hand) must take only documents the
/// XSD accepts, and store and report them exactly as the ordinary path (the text reader
/// validating against the XSD) does; everything else it declines, and the ordinary path's
/// outcome stands. Each document below is imported both ways and the results compared.
@Suite struct ReceiptQuickPathTests {
    static let plain = TaxXML.document(TaxXML.three)

    /// Imports `text` with and without the quick path; returns both outcomes and rows, and
    /// whether the quick path took the file (rather than declining it).
    static func bothWays(_ text: String, name: String = TaxXML.name, bytes: [UInt8]? = nil) throws
        -> (taken: Bool, quick: (ImportOutcome, [ReceiptRecord]), full: (ImportOutcome, [ReceiptRecord])) {
        let data = bytes ?? Array(text.utf8)
        let probe = try ImportProbe()
        func run(quick: Bool) throws -> (ImportOutcome, [ReceiptRecord]) {
            var importer = ReceiptImporter()
            importer.quick = quick
            let (outcome, store) = try probe.importIntoStore(name, bytes: data, importer: importer)
            return (outcome, try store.database.read { db in try ReceiptRecord.order(Column("id")).fetchAll(db) })
        }
        let url = try probe.write(name, bytes: data)
        let context = ImportContext(settings: probe.settings, schemaDirectory: SchemaLocator.directory())
        var sink = DiscardingSink()
        let taken = try ReceiptImporter().readQuickly(url, name: try FileName.parse(name).get(), context: context, into: &sink) != nil
        return (taken, try run(quick: true), try run(quick: false))
    }

    static func expectSame(_ text: String, taken expected: Bool, name: String = TaxXML.name, bytes: [UInt8]? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (taken, quick, full) = try bothWays(text, name: name, bytes: bytes)
        #expect(taken == expected, "quick path \(taken ? "took" : "declined") it", sourceLocation: sourceLocation)
        #expect(quick.0.diagnostics.items == full.0.diagnostics.items, sourceLocation: sourceLocation)
        #expect(quick.0.recordCount == full.0.recordCount, sourceLocation: sourceLocation)
        #expect(quick.1 == full.1, sourceLocation: sourceLocation)
        // What the quick path takes, the ordinary path imports (with warnings at most).
        if taken { #expect(!full.0.rejects && !full.1.isEmpty || full.0.recordCount == 0, sourceLocation: sourceLocation) }
    }

    @Test func isPinnedToTheXSDItMirrors() throws {
        let xsd = SampleFiles.projectRoot.appendingPathComponent("schemas/tax-receipt.xsd")
        #expect(try FileDigest.of(xsd).sha256 == ReceiptQuickReader.schemaDigest,
                "schemas/tax-receipt.xsd changed: bring ReceiptQuickReader in line with it, then its schemaDigest")
    }

    /// Plain documents the XSD accepts: taken, and stored as the ordinary path stores them.
    @Test(arguments: [
        plain,
        TaxXML.document([TaxXML.receipt(id: "360702196703150031")]),  // invalid ID: kept, E003 on the same line
        TaxXML.document([TaxXML.receipt(ticket: "T9", amount: "-4452.00", status: "REVERSAL", reverses: "T1"),
                         TaxXML.receipt(ticket: "T8", insurance: "170", base: nil, amount: "0.01", channel: "SELF",
                                        contract: nil, bank: nil)]),
        TaxXML.document([]),
        TaxXML.document([TaxXML.receipt(name: "钟淑堃"), TaxXML.receipt(ticket: "T2", name: "𠮷大")]),
        TaxXML.document([TaxXML.receipt(name: "刘&amp;建国")]),
        TaxXML.document([TaxXML.receipt(name: "&#x5218;建国")]),
        TaxXML.document([TaxXML.receipt(name: "刘<!-- a comment -->建国")]),
        TaxXML.document([TaxXML.receipt(name: "刘建国 ")]),
        TaxXML.document([TaxXML.receipt(name: "刘<!-- c -->  <?pi x?>建国")]),
        TaxXML.document([TaxXML.receipt(amount: "0.00"), TaxXML.receipt(ticket: "T2", amount: "99999999.99")]),
        TaxXML.document([TaxXML.receipt(name: "刘\t建国")]),  // a tab is allowed in XML text
        // xs:all: any order of the leaves.
        TaxXML.document([TaxXML.receipt().replacingOccurrences(of: "<TicketNo>336076260100000123</TicketNo>", with: "")
            .replacingOccurrences(of: "</Receipt>", with: "<TicketNo>336076260100000123</TicketNo></Receipt>")]),
        plain.replacingOccurrences(of: "<Region>", with: "<TaxOffice>国家税务总局赣州市税务局</TaxOffice><Region>"),
        plain.replacingOccurrences(of: "\n", with: "\r\n"),
        plain.replacingOccurrences(of: "<Receipts>", with: "<Receipts><!-- 三张 --><?pi x?>"),
        plain.replacingOccurrences(of: "xmlns=", with: "xmlns:x=\"urn:other\" xmlns="),
    ])
    func takesPlainValidDocuments(_ text: String) throws {
        try Self.expectSame(text, taken: true)
    }

    @Test func takesAGB18030DocumentAndAGzipOne() throws {
        let text = TaxXML.document([TaxXML.receipt(name: "钟淑堃")], encoding: "GB18030")
        try Self.expectSame(text, taken: true, bytes: try ImportProbe.gb18030(text))
        let scratch = try ReadingScratch()
        let gzip = try scratch.gzip(Array(Self.plain.utf8.prefix(500))) + scratch.gzip(Array(Self.plain.utf8.dropFirst(500)))
        try Self.expectSame("", taken: true, name: TaxXML.name + ".gz", bytes: gzip)
    }

    /// A file the quick path gives up on after it handed rows to the store (a whitespace-only
    /// ID number in receipt 400 or in the last one, 700), but that the XSD and the checks
    /// accept: the rows it wrote go, the ordinary path's stay, once each.
    @Test(arguments: [400, 700])
    func discardsWhatItWroteWhenItDeclinesLate(_ late: Int) throws {
        var receipts = (1...700).map { TaxXML.receipt(ticket: "T\($0)", amount: "1.00") }
        receipts[late - 1] = receipts[late - 1].replacingOccurrences(of: "<IdNumber>360702196703150030</IdNumber>",
                                                                    with: "<IdNumber> </IdNumber>")
        let text = TaxXML.document(receipts)
        let (taken, quick, full) = try Self.bothWays(text)
        #expect(!taken)
        #expect(!full.0.rejects, "\(full.0.reason)")
        #expect(quick.1.count == 700 && quick.1 == full.1)
        #expect(quick.0.diagnostics.items == full.0.diagnostics.items)
    }

    static let r = TaxXML.receipt()

    /// Anything the XSD refuses, anything not plain, anything any check refuses: declined, and
    /// the ordinary path's outcome (its reasons, nothing stored) is the result either way.
    @Test(arguments: [
        TaxXML.document([r.replacingOccurrences(of: "<TicketNo>336076260100000123</TicketNo>", with: "")]),
        TaxXML.document([r.replacingOccurrences(of: "</Receipt>", with: "<Amount>1.00</Amount></Receipt>")]),
        TaxXML.document([r.replacingOccurrences(of: "</Receipt>", with: "<Foo>1</Foo></Receipt>")]),
        TaxXML.document([r.replacingOccurrences(of: "</Receipt>", with: "<x:Status xmlns:x=\"urn:x\">NORMAL</x:Status></Receipt>")]),
        TaxXML.document([r.replacingOccurrences(of: "<Receipt>", with: "<Receipt id=\"1\">")]),
        TaxXML.document([r.replacingOccurrences(of: "<Receipt>", with: "<Receipt>text")]),
        TaxXML.document([r.replacingOccurrences(of: "<Name>刘建国</Name>", with: "<Name>刘<b>建国</b></Name>")]),
        TaxXML.document([r.replacingOccurrences(of: "<Name>刘建国</Name>", with: "<Name></Name>")]),
        TaxXML.document([r.replacingOccurrences(of: "<IdNumber>360702196703150030</IdNumber>", with: "<IdNumber> </IdNumber>")]),
        TaxXML.document([TaxXML.receipt(amount: "1.5")]),
        TaxXML.document([TaxXML.receipt(amount: "01.00")]),
        TaxXML.document([TaxXML.receipt(amount: "123456789.00")]),
        TaxXML.document([TaxXML.receipt(amount: "-.50")]),
        TaxXML.document([TaxXML.receipt(to: "2026-13")]),
        TaxXML.document([TaxXML.receipt(from: "2026-1")]),
        TaxXML.document([TaxXML.receipt(bank: "1050")]),
        TaxXML.document([TaxXML.receipt(insurance: "111")]),
        TaxXML.document([TaxXML.receipt(channel: "loan")]),
        TaxXML.document([TaxXML.receipt(from: "2026-05", to: "2026-04")]),      // a check, not the XSD
        TaxXML.document([TaxXML.receipt(contract: nil)]),                         // LOAN needs ContractNo
        TaxXML.document([TaxXML.receipt(amount: "-1.00")]),                       // negative NORMAL
        TaxXML.document([TaxXML.receipt(base: nil)]),                             // 110 needs Base
        TaxXML.document(TaxXML.three, count: 4),
        TaxXML.document(TaxXML.three, total: "1.00"),
        TaxXML.document(TaxXML.three, region: "360800"),
        TaxXML.document(TaxXML.three, date: "2026-01-16"),
        TaxXML.document(TaxXML.three, namespace: "urn:zhubao:tax-receipt:2"),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "<RecordCount>3", with: "<RecordCount>+3"),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: " version=\"1.0\"", with: ""),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "version=", with: "lang=\"zh\" version="),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "<Receipts>", with: "<Header/><Receipts>"),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "</Receipts>", with: "</Receipts><Receipts/>"),
        TaxXML.document(TaxXML.three, prolog: "\n<!DOCTYPE ContributionReceipts [<!ENTITY x \"y\">]>"),
        TaxXML.document([TaxXML.receipt(name: "&x;")]),
        String(TaxXML.document(TaxXML.three).dropLast(30)),                       // cut short
        // Not plain: CDATA anywhere (refused by the XSD between elements, even when empty);
        // text starting with whitespace, which the text reader drops before markup and SAX
        // keeps; text over several lines; a very long text.
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "<Receipts>", with: "<Receipts><![CDATA[]]>"),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "<Receipts>", with: "<Receipts><![CDATA[ ]]>"),
        TaxXML.document(TaxXML.three).replacingOccurrences(of: "<Header>", with: "<Header><![CDATA[\n]]>"),
        TaxXML.document([r.replacingOccurrences(of: "<Receipt>", with: "<Receipt><![CDATA[]]>")]),
        TaxXML.document([TaxXML.receipt(name: "<![CDATA[刘<建国>]]>")]),
        TaxXML.document([TaxXML.receipt(name: "\n        <![CDATA[刘建国]]>\n      ")]),
        TaxXML.document([TaxXML.receipt(id: "<![CDATA[360702196703150030]]>\n      ")]),
        TaxXML.document([TaxXML.receipt(ticket: " <!-- x -->T1")]),
        TaxXML.document([TaxXML.receipt(name: "   &#x5218;建国")]),
        TaxXML.document([TaxXML.receipt(name: "<!-- c --> 刘建国")]),
        TaxXML.document([TaxXML.receipt(name: " 刘建国 ")]),
        TaxXML.document([TaxXML.receipt(id: "360702196703150031\n")]),
        TaxXML.document([TaxXML.receipt(name: "刘\r\n建国")]),
        TaxXML.document([TaxXML.receipt(name: String(repeating: "刘", count: 30_000))]),
        // Control totals of up to 14 integer digits (formats.md "Amounts"); 15 the XSD refuses.
        TaxXML.document(TaxXML.three, total: "99999999999999.99"),
        TaxXML.document(TaxXML.three, total: "-10000000000000.00"),
        TaxXML.document(TaxXML.three, total: "100000000000000.00"),
        TaxXML.document([TaxXML.receipt(amount: "100000000.00")]),
        // Control characters: libxml2 refuses all but tab, CR and LF, literal or referenced.
        TaxXML.document([TaxXML.receipt(name: "刘&#x1;建国")]),
        TaxXML.document([TaxXML.receipt(name: "刘\u{1}建国")]),
        // Attributes the layout does not name.
        plain.replacingOccurrences(of: "<Receipt>", with: "<Receipt id=\"1\">"),
        plain.replacingOccurrences(of: " version=\"1.0\">", with: " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"x\" version=\"1.0\">"),
    ])
    func declinesEverythingElse(_ text: String) throws {
        try Self.expectSame(text, taken: false)
    }
}
