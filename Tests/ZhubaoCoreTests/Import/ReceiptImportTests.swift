import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// TAX_RCPT documents for the tests: a header on lines 3–9, then one receipt per line from 11.
enum TaxXML {
    static let name = "TAX_RCPT_360700_20260115_001.xml"

    static func receipt(ticket: String = "336076260100000123", id: String = "360702196703150030", name: String = "刘建国",
                        insurance: String = "110", from: String = "2026-01", to: String = "2026-12", base: String? = "3710.00",
                        amount: String = "8904.00", channel: String = "LOAN", contract: String? = "GZ105-2026-000017",
                        bank: String? = "105", status: String = "NORMAL", reverses: String? = nil) -> String {
        func leaf(_ tag: String, _ value: String?) -> String { value.map { "<\(tag)>\($0)</\(tag)>" } ?? "" }
        return "<Receipt>" + leaf("TicketNo", ticket) + leaf("IdNumber", id) + leaf("Name", name)
            + leaf("InsuranceType", insurance) + leaf("PeriodFrom", from) + leaf("PeriodTo", to) + leaf("Base", base)
            + leaf("Amount", amount) + leaf("PaidOn", "2026-01-15") + leaf("Channel", channel) + leaf("ContractNo", contract)
            + leaf("BankCode", bank) + leaf("Status", status) + leaf("ReversesTicketNo", reverses) + "</Receipt>"
    }

    /// The count and total default to the receipts'.
    static func document(_ receipts: [String], count: Int? = nil, total: String? = nil, region: String = "360700",
                         date: String = "2026-01-15", namespace: String = "urn:zhubao:tax-receipt:1",
                         encoding: String = "UTF-8", prolog: String = "") -> String {
        let sum = receipts.compactMap { r -> Fen? in
            guard let a = r.range(of: "<Amount>"), let b = r.range(of: "</Amount>") else { return nil }
            return Fen(yuan: r[a.upperBound..<b.lowerBound])
        }.reduce(Fen.zero, +)
        return """
            <?xml version="1.0" encoding="\(encoding)"?>\(prolog)
            <ContributionReceipts xmlns="\(namespace)" version="1.0">
              <Header>
                <BatchNo>TAX3607002026011500001</BatchNo>
                <Region>\(region)</Region>
                <BusinessDate>\(date)</BusinessDate>
                <RecordCount>\(count ?? receipts.count)</RecordCount>
                <TotalAmount>\(total ?? sum.yuan)</TotalAmount>
              </Header>
              <Receipts>
            \(receipts.map { "    " + $0 }.joined(separator: "\n"))
              </Receipts>
            </ContributionReceipts>

            """
    }

    static let three = [receipt(), receipt(ticket: "T2", amount: "0.10"), receipt(ticket: "T3", amount: "0.20")]
}

extension Validator.Report {
    /// Whether an error names `xpath` (and `line`, when given) and its message contains `text`.
    func hasError(_ text: String, xpath: String?, line: Int? = nil) -> Bool {
        errors.contains { $0.message.contains(text) && $0.location.xpath == xpath && (line == nil || $0.location.line == line) }
    }
}

@Suite struct ReceiptImportTests {
    static let receipt1 = "/ContributionReceipts/Receipts/Receipt[1]"

    @Test func importsTheSampleWithItsStoredValues() throws {
        let name = "TAX_RCPT_360700_20260115_001.xml.gz"
        let (outcome, rows) = try ImportProbe().importFile(name, bytes: try SampleFiles.bytes(name), as: ReceiptRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(outcome.diagnostics.items.isEmpty && outcome.recordCount == 3)
        #expect(rows.map(\.amount.value) == [890_400, 3_120_000, 1_180_000])
        #expect(rows.map(\.source) == (1...3).map { "\(name):/ContributionReceipts/Receipts/Receipt[\($0)]" })
        #expect(rows.map(\.ticketNo) == ["336076260100000123", "336076260100000131", "336076260100000132"])
        let liu = try #require(rows.first)
        #expect(liu.idNumber == "360702196703150030" && liu.idValid && liu.name == "刘建国")
        #expect(liu.insuranceType == .employees && liu.periodFrom.iso == "2026-01" && liu.periodTo.iso == "2026-12")
        #expect(liu.base == Fen(371_000) && liu.paidOn.iso == "2026-01-15" && liu.channel == .loan)
        #expect(liu.contractNo == "GZ105-2026-000017" && liu.bankCode == "105" && liu.status == .normal)
        #expect(liu.reversesTicketNo == nil)
        #expect(rows[1].name == "钟淑堃" && rows[1].periodFrom.iso == "2016-01" && rows[2].base == Fen(320_000))
    }

    @Test func storesAReversalAndASelfPaidResidentsReceiptAsSent() throws {
        let reversal = TaxXML.receipt(ticket: "T9", amount: "-4452.00", status: "REVERSAL", reverses: "336076260100000099")
        let own = TaxXML.receipt(ticket: "T8", insurance: "170", base: nil, amount: "0.01", channel: "SELF", contract: nil, bank: nil)
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name, bytes: Array(TaxXML.document([reversal, own]).utf8),
                                                           as: ReceiptRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.map(\.amount.value) == [-445_200, 1])
        #expect(rows[0].status == .reversal && rows[0].reversesTicketNo == "336076260100000099")
        #expect(rows[1].base == nil && rows[1].contractNo == nil && rows[1].bankCode == nil && rows[1].channel == .selfPaid)
    }

    /// Regression: with `XML_PARSE_NOCDATA`, libxml2's text reader dropped a CDATA section's
    /// text, so `<Name><![CDATA[…]]></Name>` read as an empty name and rejected the file. Both
    /// paths (the quick one and the text reader) read it.
    @Test(arguments: [true, false])
    func readsTextInACDATASection(quick: Bool) throws {
        let text = TaxXML.document([TaxXML.receipt(name: "<![CDATA[刘<建国>]]>"),
                                    TaxXML.receipt(ticket: "T2", name: "钟<![CDATA[&]]>淑堃")])
        var importer = ReceiptImporter()
        importer.quick = quick
        let probe = try ImportProbe()
        let (outcome, store) = try probe.importIntoStore(TaxXML.name, bytes: Array(text.utf8), importer: importer)
        let rows = try store.database.read { db in try ReceiptRecord.fetchAll(db) }
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.map(\.name) == ["刘<建国>", "钟&淑堃"])
    }

    /// The schema's messages come from the reading thread, the receipts' own checks from the
    /// writing thread; the report lists them in file order all the same, receipt by receipt,
    /// over more than one batch of checks (256 receipts).
    @Test func diagnosticsOfReadingAndOfChecksComeInFileOrder() throws {
        var receipts = (1...600).map { TaxXML.receipt(ticket: "T\($0)", amount: "1.00") }
        receipts[0] = TaxXML.receipt(ticket: "T1", amount: "1.5")                             // schema: Amount format
        receipts[1] = TaxXML.receipt(ticket: "T2", amount: "-1.00")                           // check: negative NORMAL
        receipts[299] = TaxXML.receipt(ticket: "T300", id: "360702196703150031", amount: "1.00")  // check: E003 warning
        receipts[300] = TaxXML.receipt(ticket: "T301", channel: "CASH")                       // schema: Channel enumeration
        receipts[599] = TaxXML.receipt(ticket: "T600", channel: "LOAN", contract: nil)        // check: LOAN without ContractNo
        let report = try ImportProbe().validate(TaxXML.name, bytes: Array(TaxXML.document(receipts, total: "0.00").utf8))
        let (outcome, _) = try ImportProbe().importFile(TaxXML.name, bytes: Array(TaxXML.document(receipts, total: "0.00").utf8),
                                                        as: ReceiptRecord.self)
        func receiptNumbers(_ items: [Diagnostic]) -> [Int] {
            items.compactMap { $0.location.xpath?.split(separator: "[").dropFirst().first?.split(separator: "]").first.flatMap { Int($0) } }
        }
        let numbers = receiptNumbers(outcome.diagnostics.items)
        #expect(numbers == numbers.sorted() && Set(numbers) == [1, 2, 300, 301, 600], "\(numbers)")
        #expect(outcome.diagnostics.items.map(\.message) == report.diagnostics.map(\.message))
    }

    @Test func honoursAGB18030Declaration() throws {
        let text = TaxXML.document([TaxXML.receipt(name: "钟淑堃𠮷")], encoding: "GB18030")
        let bytes = try ImportProbe.gb18030(text)
        #expect(bytes.count < text.utf8.count && !bytes.contains(0xF0))  // really GB18030
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name, bytes: bytes, as: ReceiptRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.map(\.name) == ["钟淑堃𠮷"])
    }

    @Test func readsEveryMemberOfAMultiMemberGzip() throws {
        let scratch = try ReadingScratch()
        let receipts = (1...30).map { TaxXML.receipt(ticket: "T\($0)", amount: "\($0).00") }
        let bytes = Array(TaxXML.document(receipts).utf8)
        let thirds = [bytes[..<1000], bytes[1000..<2500], bytes[2500...]]
        let gz = try thirds.flatMap { try scratch.gzip(Array($0)) }
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name + ".gz", bytes: gz, as: ReceiptRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.count == 30 && rows.last?.source == "\(TaxXML.name).gz:/ContributionReceipts/Receipts/Receipt[30]")
        #expect(rows.map(\.amount.value).reduce(0, +) == 46_500)
    }

    /// Regression: a RecordCount the XSD accepts but written with a sign, leading zeros or
    /// spaces (`+4`) was not compared at all, so a wrong count passed. Each spelling is now read
    /// as the number it spells: right counts pass, wrong ones reject the file.
    @Test(arguments: [("+3", true), ("003", true), (" 3 ", true), ("+4", false), ("0004", false), ("-0", false)])
    func readsEverySpellingOfTheRecordCount(_ spelling: String, matches: Bool) throws {
        let text = TaxXML.document(TaxXML.three).replacingOccurrences(of: "<RecordCount>3<", with: "<RecordCount>\(spelling)<")
        let report = try ImportProbe().validate(TaxXML.name, bytes: Array(text.utf8))
        #expect(report.errors.isEmpty == matches, "\(report.errorLines)")
        if !matches {
            #expect(report.hasError("记录数 \(spelling) 与 Receipt 元素个数 3 不符", xpath: "/ContributionReceipts/Header/RecordCount", line: 7))
        }
    }

    /// A count the XSD itself refuses (25 significant digits, a no-break space) gets the
    /// schema's message only, not a second one comparing it.
    @Test(arguments: ["0000001000000000000000000000000", "&#xA0;3"])
    func leavesACountTheXSDRefusesToTheXSD(_ spelling: String) throws {
        let text = TaxXML.document(TaxXML.three).replacingOccurrences(of: "<RecordCount>3<", with: "<RecordCount>\(spelling)<")
        let report = try ImportProbe().validate(TaxXML.name, bytes: Array(text.utf8))
        #expect(report.errors.contains { $0.message.contains("RecordCount") && $0.message.hasPrefix("不符合 XML 架构") })
        #expect(!report.errors.contains { $0.message.hasPrefix("记录数") }, "\(report.errorLines)")
    }

    @Test func readsAnEmptyFilesCountOfMinusZero() throws {
        let text = TaxXML.document([], total: "0.00").replacingOccurrences(of: "<RecordCount>0<", with: "<RecordCount>-0<")
        let report = try ImportProbe().validate(TaxXML.name, bytes: Array(text.utf8))
        #expect(report.errors.isEmpty, "\(report.errorLines)")
    }

    /// Each E001 reason, with the element and line it names (receipt k is on line 10 + k).
    @Test(arguments: [
        (TaxXML.document(TaxXML.three, count: 2), "记录数 2 与 Receipt 元素个数 3 不符", "/ContributionReceipts/Header/RecordCount", 7),
        (TaxXML.document(TaxXML.three, total: "8904.31"), "合计金额 8904.31 与 Amount 合计 8904.30 不符", "/ContributionReceipts/Header/TotalAmount", 8),
        (TaxXML.document(TaxXML.three, region: "360702"), "Header/Region“360702”与文件名中的地区代码“360700”不一致", "/ContributionReceipts/Header/Region", 5),
        (TaxXML.document(TaxXML.three, date: "2026-01-16"), "Header/BusinessDate“2026-01-16”与文件名中的业务日期 2026-01-15 不一致", "/ContributionReceipts/Header/BusinessDate", 6),
        (TaxXML.document(TaxXML.three, namespace: "urn:zhubao:tax-receipt:2"), "根元素的命名空间应为“urn:zhubao:tax-receipt:1”，实为“urn:zhubao:tax-receipt:2”", "/ContributionReceipts", 2),
        (TaxXML.document([TaxXML.receipt(amount: "8904.001")], total: "8904.00"), "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:tax-receipt:1}Amount': [facet 'pattern'] The value '8904.001'", receipt1 + "/Amount", 11),
        (TaxXML.document([TaxXML.receipt(ticket: "")]), "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:tax-receipt:1}TicketNo': [facet 'minLength']", receipt1 + "/TicketNo", 11),
        (TaxXML.document([TaxXML.receipt(), TaxXML.receipt().replacingOccurrences(of: "<TicketNo>336076260100000123</TicketNo>", with: "")]),
         "Missing child element(s). Expected is one of ( {urn:zhubao:tax-receipt:1}TicketNo", "/ContributionReceipts/Receipts/Receipt[2]", 12),
        (TaxXML.document([TaxXML.receipt(contract: nil)]), "渠道 LOAN（贷款代缴）必须填写 ContractNo（贷款合同号）", receipt1 + "/ContractNo", 11),
        (TaxXML.document([TaxXML.receipt(bank: nil)]), "渠道 LOAN（贷款代缴）必须填写 BankCode（放款银行行别代码）", receipt1 + "/BankCode", 11),
        (TaxXML.document([TaxXML.receipt(amount: "-8904.00")]), "金额 -8904.00 为负：只有状态 REVERSAL（冲正）的税票可以为负数", receipt1 + "/Amount", 11),
        (TaxXML.document([TaxXML.receipt(status: "REVERSAL")]), "状态 REVERSAL（冲正）必须填写 ReversesTicketNo（被冲正的税票号）", receipt1 + "/ReversesTicketNo", 11),
        (TaxXML.document([TaxXML.receipt(base: nil)]), "险种 110（企业职工基本养老保险）必须填写 Base（缴费基数）", receipt1 + "/Base", 11),
        (TaxXML.document([TaxXML.receipt(from: "2026-12", to: "2026-01")]), "费款所属期止 2026-01 早于起 2026-12", receipt1 + "/PeriodTo", 11),
        (TaxXML.document([TaxXML.receipt().replacingOccurrences(of: "2026-01-15", with: "2026-02-30")]), "日期“2026-02-30”不是有效的 YYYY-MM-DD 日期", receipt1 + "/PaidOn", 11),
        (TaxXML.document(TaxXML.three) + "<ContributionReceipts/>\n", "不是格式正确的 XML 1.0 文档，拒收（libxml2：Extra content at the end of the document", nil, 16),
        (TaxXML.document(TaxXML.three).replacingOccurrences(of: "</Receipts>", with: "</Receipt>"), "不是格式正确的 XML 1.0 文档，拒收（libxml2：Opening and ending tag mismatch", nil, 14),
    ] as [(String, String, String?, Int)])
    func rejectsWithTheReasonAndPlace(text: String, message: String, xpath: String?, line: Int) throws {
        let report = try ImportProbe().validate(TaxXML.name, bytes: Array(text.utf8))
        #expect(report.rejected)
        #expect(report.hasError(message, xpath: xpath, line: line), "\(report.errors.map { "\($0.location) \($0.location.line ?? 0) \($0.message)" })")
    }

    @Test func listsEveryProblemOnceAndStoresNothing() throws {
        let text = TaxXML.document([TaxXML.receipt(amount: "1.234"), TaxXML.receipt(contract: nil), TaxXML.receipt(amount: "-1.00")],
                                   count: 4, total: "0.00", region: "340700")
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name, bytes: Array(text.utf8), as: ReceiptRecord.self)
        #expect(rows.isEmpty)
        // The region, the schema's pattern (not repeated by the field check), LOAN, the sign and
        // the count; no total check once an amount cannot be read.
        let places = outcome.diagnostics.errors.map { $0.location.xpath ?? "" }
        #expect(places == ["/ContributionReceipts/Header/Region", Self.receipt1 + "/Amount",
                           "/ContributionReceipts/Receipts/Receipt[2]/ContractNo", "/ContributionReceipts/Receipts/Receipt[3]/Amount",
                           "/ContributionReceipts/Header/RecordCount"], "\(outcome.reason)")
    }

    @Test func rejectsATruncatedGzip() throws {
        let scratch = try ReadingScratch()
        let gz = try scratch.gzip(Array(TaxXML.document(TaxXML.three).utf8))
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name + ".gz", bytes: Array(gz.dropLast(12)), as: ReceiptRecord.self)
        #expect(outcome.rejects && rows.isEmpty)
        #expect(outcome.diagnostics.errors.contains { $0.message.hasPrefix("gzip 压缩数据不完整（文件可能被截断），拒收（压缩文件第") }, "\(outcome.reason)")
    }

    @Test func rejectsAnEmptyFileAndOneThatIsNotGzip() throws {
        let probe = try ImportProbe()
        #expect(try probe.validate(TaxXML.name, bytes: []).errors.map(\.message) == ["文件为空（0 字节）"])
        let notGzip = try probe.validate(TaxXML.name + ".gz", bytes: Array(TaxXML.document(TaxXML.three).utf8))
        #expect(notGzip.errors.map(\.message) == ["文件名以 .gz 结尾，但内容不是 gzip 格式，拒收（压缩文件第 0 字节处，解压后第 0 字节处；zlib：no gzip header）"])
    }

    @Test func compilesEachSchemaOnce() throws {
        let cache = XMLSchemaCache.shared
        #expect(try cache.schema("tax-receipt.xsd", in: SchemaLocator.directory()) === cache.schema("tax-receipt.xsd", in: SchemaLocator.directory()))
    }

    @Test func keepsAReceiptWithAnInvalidIDAndWarnsE003() throws {
        let text = TaxXML.document([TaxXML.receipt(id: "360702196703150031")])
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name, bytes: Array(text.utf8), as: ReceiptRecord.self)
        #expect(!outcome.rejects)
        #expect(rows.count == 1 && rows[0].idValid == false && rows[0].idNumber == "360702196703150031")
        let warning = try #require(outcome.diagnostics.items.first)
        #expect(outcome.diagnostics.items.count == 1 && warning.code == .e003 && warning.severity == .warning)
        #expect(warning.location.xpath == Self.receipt1 + "/IdNumber" && warning.location.line == 11)
    }

    @Test func refusesAnExternalEntityWithoutReadingIt() throws {
        let scratch = try ReadingScratch()
        let secret = try scratch.write("secret.txt", "ZHUBAO-SECRET-41")
        for target in ["file:///etc/passwd", "file://\(secret)"] {
            let text = TaxXML.document([TaxXML.receipt(name: "&e;")],
                                       prolog: "\n<!DOCTYPE ContributionReceipts [<!ENTITY e SYSTEM \"\(target)\">]>")
            let (outcome, rows) = try ImportProbe().importFile(TaxXML.name, bytes: Array(text.utf8), as: ReceiptRecord.self)
            #expect(outcome.rejects && rows.isEmpty)
            #expect(outcome.diagnostics.errors.map(\.message) == ["文件含文档类型声明（<!DOCTYPE>），拒收：不读取 DTD，不展开也不获取任何实体"])
            #expect(!outcome.reason.contains("root:") && !outcome.reason.contains("ZHUBAO-SECRET"))
        }
    }

    @Test func refusesBillionLaughsQuickly() throws {
        var prolog = "\n<!DOCTYPE ContributionReceipts [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let inner = level == 1 ? "&lol;" : "&lol\(level - 1);"
            prolog += "<!ENTITY lol\(level) \"" + String(repeating: inner, count: 10) + "\">\n"
        }
        let text = TaxXML.document([TaxXML.receipt(name: "&lol9;")], prolog: prolog + "]>")
        let start = ContinuousClock.now
        let (outcome, rows) = try ImportProbe().importFile(TaxXML.name, bytes: Array(text.utf8), as: ReceiptRecord.self)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(outcome.rejects && rows.isEmpty)
        #expect(outcome.reason.utf8.count < 2000)
    }
}
