import Foundation
import Testing
@testable import ZhubaoCore

@Suite struct BankFileImportTests {
    let disbName = "B105_DISB_360700_20260115_001.txt"
    let detail = "D|GZ105-2026-000017-01|GZ105-2026-000017|360702196703150030|刘建国|A|8904.00|3.0000|20260115|20270114|202601|202612|36070001199000000001|N"

    func disb(_ lines: [String], ending: String = "\n") -> String { lines.joined(separator: ending) + ending }

    @Test func importsTheSampleFilesOfEveryBankKind() throws {
        let probe = try ImportProbe()
        let names = SampleFiles.names.filter { $0.hasPrefix("B") }
        // The samples hold every bank kind: DISB (two banks), DEDU, CLAIM. Absent samples fail here.
        #expect(Set(names.compactMap { $0.split(separator: "_").dropFirst().first.map(String.init) }) == ["DISB", "DEDU", "CLAIM"])
        #expect(names.count == 4)
        for name in names {
            let report = try probe.validate(name, bytes: try SampleFiles.bytes(name))
            #expect(report.errors.isEmpty, "\(name): \(report.errorLines)")
        }
    }

    @Test func storesAGB18030DrawdownWithCRLF() throws {
        let probe = try ImportProbe()
        let text = disb(["H|105|360700|DISB|20260115|B1|1.0", detail.replacingOccurrences(of: "刘建国", with: "钟淑堃𠮷"), "T|1|8904.00"], ending: "\r\n")
        let (outcome, rows) = try probe.importFile(disbName, bytes: try ImportProbe.gb18030(text), as: DrawdownRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.name == "钟淑堃𠮷")
        #expect(row.amount == Fen(890_400))
        #expect(row.rate == Rate(units: 30_000))
        #expect(row.disbursedOn.iso == "2026-01-15")
        #expect(row.coverTo.iso == "2026-12")
        #expect(row.bankCode == "105")
        #expect(row.line == 2)
        #expect(row.idValid)
    }

    @Test func acceptsATrailerWithoutAFinalLineEnding() throws {
        let report = try ImportProbe().validate(disbName, gb18030: "H|105|360700|DISB|20260115|B1|1.0\n\(detail)\nT|1|8904.00")
        #expect(report.errors.isEmpty)
    }

    /// Each E001 reason of a bank file, with the line it names.
    @Test(arguments: [
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|2|8904.00\n", "3: 尾记录笔数 2 与明细行数 1 不符"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.01\n", "3: 尾记录合计 8904.01 与明细合计 8904.00 不符"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n\n", "4: 尾记录（第 3 行）之后还有空行"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\nD|x\n", "4: 尾记录（第 3 行）之后还有内容"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\n", "2: 缺少尾记录 T|笔数|合计（文件可能被截断）"),
        ("H|105|360700|DISB|20260115|B1|1.0\nH|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "2: 第二个头记录"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "2: 明细之间有空行"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\r\n\n\r\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "2: 明细之间有 3 个连续空行"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\r\n\r\n\r\n", "4: 尾记录（第 3 行）之后还有 2 个连续空行"),
        ("\n\nH|105|360700|DISB|20260115|B1|1.0\n", "1: 第一行应为头记录 H|…，实为 2 个连续空行"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail.replacingOccurrences(of: "|A|", with: "|A\t|"))\nT|1|8904.00\n",
         "2: 字段中有控制字符，拒收：字段不得含 NUL 或其他 U+0020 以下的控制字符（U+0009 制表符 TAB）"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\r\r\n", "3: 字段中有控制字符，拒收：字段不得含 NUL 或其他 U+0020 以下的控制字符（U+000D 回车 CR）"),
        ("H|103|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "1: 头记录的行别代码“103”与文件名中的“105”不一致"),
        ("H|105|360702|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "1: 头记录的地区“360702”与文件名中的“360700”不一致"),
        ("H|105|360700|DEDU|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "1: 头记录的文件类型“DEDU”与文件名中的“DISB”不一致"),
        ("H|105|360700|DISB|20260116|B1|1.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "1: 头记录的业务日期“20260116”与文件名中的“20260115”不一致"),
        ("H|105|360700|DISB|20260115|B1|2.0\n\(BankFileImportTests.sampleDetail)\nT|1|8904.00\n", "1: 版本应为 1.0，实为“2.0”"),
        ("H|105|360700|DISB|20260115|B1|1.0\nD|a|b\nT|1|8904.00\n", "2: 明细应有 14 个字段，实为 3 个"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail.replacingOccurrences(of: "8904.00", with: "8904.0"))\nT|1|8904.00\n", "2: 金额“8904.0”应为恰好两位小数的元，绝对值不超过 99999999.99"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail.replacingOccurrences(of: "8904.00", with: "8.904E3"))\nT|1|8904.00\n", "2: 金额“8.904E3”应为恰好两位小数的元，绝对值不超过 99999999.99"),
        ("H|105|360700|DISB|20260115|B1|1.0\n\(BankFileImportTests.sampleDetail.replacingOccurrences(of: "|20270114|", with: "|20270230|"))\nT|1|8904.00\n", "2: 日期“20270230”不是有效的 YYYYMMDD 日期"),
        ("", "1: 文件为空，缺少头记录"),
    ])
    func rejectsWithTheReasonAndLine(text: String, expected: String) throws {
        let report = try ImportProbe().validate(disbName, gb18030: text)
        #expect(report.rejected)
        #expect(report.errorLines.contains(expected), "\(report.errorLines)")
    }

    static let sampleDetail = "D|GZ105-2026-000017-01|GZ105-2026-000017|360702196703150030|刘建国|A|8904.00|3.0000|20260115|20270114|202601|202612|36070001199000000001|N"

    @Test func rejectsBytesThatAreNotGB18030AndNamesTheLine() throws {
        var bytes = try ImportProbe.gb18030("H|105|360700|DISB|20260115|B1|1.0\n\(detail)\n")
        bytes += [0x44, 0x7C, 0xFF, 0xFF, 0x0A]   // "D|" then bytes no GB18030 sequence starts with
        bytes += Array("T|2|8904.00\n".utf8)
        let report = try ImportProbe().validate(disbName, bytes: bytes)
        #expect(report.rejected)
        #expect(report.errors.first?.location.line == 3)
    }

    @Test func keepsARecordWithAnInvalidIDAndWarnsE003() throws {
        let bad = detail.replacingOccurrences(of: "360702196703150030", with: "360702196703150031")
        let (outcome, rows) = try ImportProbe().importFile(disbName, bytes: try ImportProbe.gb18030("H|105|360700|DISB|20260115|B1|1.0\n\(bad)\nT|1|8904.00\n"), as: DrawdownRecord.self)
        #expect(!outcome.rejects)
        #expect(rows.count == 1 && rows[0].idValid == false)
        #expect(outcome.diagnostics.items.map(\.code) == [.e003])
    }

    @Test func anEmptyIDNumberInABankFileIsAnInvalidIDNotAMissingField() throws {
        let empty = detail.replacingOccurrences(of: "360702196703150030", with: "")
        let (outcome, rows) = try ImportProbe().importFile(disbName, bytes: try ImportProbe.gb18030("H|105|360700|DISB|20260115|B1|1.0\n\(empty)\nT|1|8904.00\n"), as: DrawdownRecord.self)
        #expect(!outcome.rejects)
        #expect(rows.count == 1 && rows[0].idNumber == "")
    }

    @Test func aRejectedFileStoresNothing() throws {
        let (outcome, rows) = try ImportProbe().importFile(disbName, bytes: try ImportProbe.gb18030("H|105|360700|DISB|20260115|B1|1.0\n\(detail)\nT|1|1.00\n"), as: DrawdownRecord.self)
        #expect(outcome.rejects)
        #expect(rows.isEmpty)
    }

    @Test func theTotalOfADeductionFileIsPrincipalPlusInterest() throws {
        let probe = try ImportProbe()
        let name = "B105_DEDU_360700_20260410_001.txt"
        let line = "D|T1|L1|C1|360721196601072026|赖福生|20260410|P|600.00|575.00|25.00|S|1386.50|0.00|7760.00|6217002030005550001"
        #expect(try probe.validate(name, gb18030: "H|105|360700|DEDU|20260410|B|1.0\n\(line)\nT|1|600.00\n").errors.isEmpty)
        #expect(try probe.validate(name, gb18030: "H|105|360700|DEDU|20260410|B|1.0\n\(line)\nT|1|575.00\n").rejected)
    }
}
