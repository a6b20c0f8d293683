import Foundation
import Testing

/// `zhubao run --dry-run` and `zhubao explain` from the command line (issue 16).
@Suite struct OperatorCommandTests {
    @Test func aDryRunPrintsWhatARunWouldDoAndIsNotRecorded() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-14"]).status == 0)
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        let dry = try ZhubaoProcess.run(["run", "--dry-run", "--root", root.path, "--as-of", "2026-01-15"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("将导入 1 个文件\n  \(file.name)（1 条记录）"))
        #expect(dry.stdout.contains("正式运行的退出码将为 0"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inbox/\(file.name)").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/daily/2026-01-15").path))
        let runs = try ZhubaoProcess.run(["runs", "--root", root.path])
        // init and the run; not the dry run.
        let commands = runs.stdout.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\t")[1] }
        #expect(commands == ["run", "init"], "\(runs.stdout)")
        #expect(runs.stdout.hasSuffix("共 2 次运行\n"), "\(runs.stdout)")
    }

    @Test func explainNamesWhyNothingIsDueAndRefusesAnUnknownLoan() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"]).status == 0)
        // The drawdown's borrower has no approved loan in any register: E201, no subsidy.
        let known = try ZhubaoProcess.run(["explain", "L1", "--year", "2026", "--as-of", "2026-01-31", "--root", root.path])
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdout.hasPrefix("借据 L1 · 2026 年度贴息核定过程（按 2026-01-31 的数据）"))
        #expect(known.stdout.contains("该年度无应贴息金额：该借据的合同不是借款人在参保登记中的核准贷款（E201）"))
        #expect(known.stdout.contains("银行未申请该借据 2026 年的贴息"))
        let unknown = try ZhubaoProcess.run(["explain", "L9", "--year", "2026", "--as-of", "2026-01-31", "--root", root.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("没有借据号 L9 的放款记录"))
        #expect(try ZhubaoProcess.run(["explain", "L1", "--year", "2027", "--as-of", "2026-01-31", "--root", root.path]).status == 64)
    }
}
