import Foundation
import Testing
@testable import ZhubaoCore

@Suite struct HardshipImportTests {
    let name = "MZ_HARD_360700_20260131_001.csv"
    let header = "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因"

    @Test func readsQuotedNamesWithCommasAndTheFourDateSpellings() throws {
        let text = """
        \(header)\r
        360702196703150030,"温,小玲",最低生活保障对象,360702,2024/3/1,,\r
        360721196601072026,"钟""淑""堃",特困人员,360721,2022-05-10,2026/01/20,正常退出\r
        \r
        360731196908221041,𠮷大,低收入家庭,360731,20250601,2026-01-20,撤销\r

        """
        let (outcome, rows) = try ImportProbe().importHardship(name, bytes: try ImportProbe.gb18030(text))
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.map(\.name) == ["温,小玲", "钟\"淑\"堃", "𠮷大"])
        #expect(rows.map(\.category.rawValue) == ["DB", "TK", "DSR"])
        #expect(rows.map(\.certifiedOn.iso) == ["2024-03-01", "2022-05-10", "2025-06-01"])
        #expect(rows.map(\.endsOn?.iso) == [nil, "2026-01-20", "2026-01-20"])
        #expect(rows.map(\.endReason?.rawValue) == [nil, "正常退出", "撤销"])
        #expect(rows.map(\.line) == [2, 3, 5])
    }

    @Test func readsUTF8AfterAByteOrderMark() throws {
        let text = "\(header)\n360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,\n"
        let (outcome, rows) = try ImportProbe().importHardship(name, bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.first?.name == "刘建国")
    }

    @Test(arguments: [
        ("身份证号,姓名,人员类别\n", "1: 第一行应为表头"),
        ("HEADER\n360702196703150030,刘建国,脱贫户,360702,2024-03-01,,\n", "1: 第一行应为表头"),
        ("H\n360702196703150030,刘建国,脱贫户,360702,2024-03-01,,\n", "2: 类别“脱贫户”属于 XC 部门，不应出现在 MZ 的名单中"),
        ("H\n360702196703150030,刘建国,困难户,360702,2024-03-01,,\n", "2: 类别“困*户”不是 MZ 的类别"),
        ("H\n360702196703150030,刘建国,特困人员,360702,2024.03.01,,\n", "2: 日期“2024.03.01”不是有效的"),
        ("H\n360702196703150030,刘建国,特困人员,3607,2024-03-01,,\n", "2: “3607”应为 6 位数字"),
        ("H\n360702196703150030,刘建国,特困人员,360702,2024-03-01\n", "2: 应有 7 列，实为 5 列"),
        ("H\n360702196703150030,刘建国,特困人员,360702,2024-03-01,,退出\n", "2: 终止原因“退*”应为空、正常退出或撤销"),
        ("H\n360702196703150030,\"刘建国,特困人员,360702,2024-03-01,,\n", "2: "),
    ])
    func rejectsWithTheReasonAndLine(text: String, expected: String) throws {
        let report = try ImportProbe().validate(name, gb18030: text.replacingOccurrences(of: "H\n", with: header + "\n"))
        #expect(report.rejected)
        #expect(report.errorLines.contains { $0.hasPrefix(expected) }, "\(report.errorLines)")
    }

    @Test func theSampleValidates() throws {
        let report = try ImportProbe().validate(name, bytes: try SampleFiles.bytes(name))
        #expect(report.errors.isEmpty, "\(report.errorLines)")
        #expect(report.recordCount == 3)
    }
}
