import Foundation
import Logging
import Testing
@testable import ZhubaoCore

/// The hostile reading corpus (`fixtures/hostile/reading/`, made by `scripts/make-hostile.sh`):
/// each file is delivered beside the specification's good samples and taken in by the intake.
/// The good files are imported; the hostile one is rejected with a reason that reads in
/// Chinese, names its line or element, and shows no ID number, name or account in full.
@Suite struct HostileReadingTests {
    static let folder = SampleFiles.projectRoot.appendingPathComponent("fixtures/hostile/reading", isDirectory: true)
    static let good = folder.appendingPathComponent("good", isDirectory: true)

    /// The samples' personal data, none of which a reason may show in full.
    static let personal = ["360702196703150030", "360731196908221041", "360721196601072026", "360703197002280511",
                           "刘建国", "钟淑堃", "赖福生", "温,小玲", "6217002030005550001", "36070001199000000001"]

    /// A small cap, so that the gigabyte of blank lines is refused after 16 MiB.
    static let cap = 16 << 20

    /// The prefix of the gigabyte file before its blank lines: its first two lines.
    static let hardshipPrefix = ((try? Data(contentsOf: good.appendingPathComponent("MZ_HARD_360700_20260131_001.csv"))) ?? Data())
        .split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false).prefix(2).reduce(0) { $0 + $1.count + 1 }

    /// (file, what the reason says, where: `:LINE` or the element's XPath).
    static let cases: [(String, String, String)] = [
        ("TAX_RCPT_360700_20260115_901.xml.gz", "元素 <Header> 的属性超过 32 个，拒收", ":3"),
        ("MZ_HARD_360700_20260131_902.csv.gz", "文件解压后超过 16777216 字节（设置 max_decompressed_bytes），未再读取，拒收",
         ":\(2 + (cap - hardshipPrefix) + 1)"),
        ("B105_DISB_360700_20260115_903.txt", "字段中有控制字符，拒收：字段不得含 NUL 或其他 U+0020 以下的控制字符（U+0000 NUL）", ":2: loanNo"),
        ("B105_DEDU_360700_20260410_904.txt", "字段中有控制字符，拒收：字段不得含 NUL 或其他 U+0020 以下的控制字符（U+0000 NUL）", ":2: txnNo"),
        ("MZ_HARD_360700_20260131_905.csv", "字段中有控制字符，拒收：字段不得含 NUL 或其他 U+0020 以下的控制字符（U+0009 制表符 TAB）", ":3: 姓名"),
        ("TAX_RCPT_360700_20260115_906.xml", "不是格式正确的 XML 1.0 文档，拒收（libxml2：xmlParseCharRef: invalid xmlChar value 1", ":13"),
        ("SI_PART_360700_20260107_907.xml", "不是格式正确的 XML 1.0 文档，拒收（libxml2：PCDATA invalid Char value 1", ":11"),
        ("TAX_RCPT_360700_20260115_908.xml", "元素 <Receipt> 有版式未规定的属性 kind，拒收", ":12"),
        ("SI_PART_360700_20260107_909.xml", "元素 <ParticipantRegister> 有版式未规定的属性 xsi:schemaLocation，拒收", ":2"),
        ("MZ_HARD_360700_20260131_910.csv", "第一行应为表头“身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因”，实为 7 列的“360702********0030,刘*国,最低生活保障对象,360702,2024/3/1,,”", ":1"),
        ("TAX_RCPT_360700_20260115_911.xml.gz", "gzip 压缩数据不完整（文件可能被截断），拒收（压缩文件第", ":"),
        ("B105_DISB_360700_20260115_912.txt.gz", "gzip 压缩数据损坏，拒收（压缩文件第", ":1"),
        ("B103_DISB_360700_20260115_913.txt.gz", "文件名以 .gz 结尾，但内容不是 gzip 格式，拒收（压缩文件第 0 字节处，解压后第 0 字节处；zlib：no gzip header）", ":1"),
        ("B105_DEDU_360700_20260410_914.txt", "此行含有不是 GB18030 编码的字节，拒收（文件第", ":2"),
        ("B105_CLAIM_360700_20270112_915.txt", "金额“360702********0030”应为恰好两位小数的元", ":2: claimed"),
        ("MZ_HARD_360700_20260131_916.csv", "类别“赖*生”不是 MZ 的类别", ":3: 人员类别"),
        ("TAX_RCPT_360700_20260115_917.xml", "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:tax-receipt:1}TotalAmount'", ":/ContributionReceipts/Header/TotalAmount"),
        ("B105_DISB_360700_20260115_918.txt", "尾记录合计 99999999999999.99 与明细合计 8904.00 不符", ":3: 合计"),
        ("TAX_RCPT_360700_20260115_919.xml.gz", "gzip 压缩数据损坏，拒收（压缩文件第", ":"),
    ]

    @Test func everyHostileFileHasItsCase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "good" }.sorted()
        #expect(files == Self.cases.map(\.0).sorted())
    }

    @Test(arguments: cases)
    func rejectedBesideGoodFiles(file: String, reason expected: String, place: String) throws {
        let ws = try TemporaryWorkspace()
        let good = try FileManager.default.contentsOfDirectory(atPath: Self.good.path).sorted()
        for name in good {
            try ws.deliver(name, Array(try Data(contentsOf: Self.good.appendingPathComponent(name))))
        }
        try ws.deliver(file, Array(try Data(contentsOf: Self.folder.appendingPathComponent(file))))
        var settings = ws.settings
        settings.maxDecompressedBytes = Self.cap
        let store = try Store(path: ws.workspace.storePath)
        let intake = Intake(workspace: ws.workspace, store: store,
                            context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()),
                            logger: Logger(label: "test"))
        let started = Date()
        let report = try intake.run(asOf: Day(iso: "2026-04-30")!)
        #expect(Date().timeIntervalSince(started) < 60, "a hostile file must not hang the intake (generous: CI runs every suite at once)")
        let rows = try ws.allDeliveries(store)
        #expect(rows.filter { $0.status == .imported }.map(\.name).sorted() == good)
        #expect(report.count(.rejected) == 1)
        let rejected = try #require(rows.first { $0.name == file })
        #expect(rejected.status == .rejected)
        let reason = rejected.reason ?? ""
        #expect(reason.contains(expected), "\(reason)")
        #expect(reason.contains(file + place), "\(reason)")
        for line in reason.split(separator: "\n") {
            #expect(line.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "not Chinese: \(line)")
        }
        for value in Self.personal { #expect(!reason.contains(value), "\(value) in \(reason)") }
        #expect(ws.files(in: ws.workspace.quarantine).contains(file))
    }
}
