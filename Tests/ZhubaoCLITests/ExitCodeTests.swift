import Foundation
import Testing
import ZhubaoCore

@Suite struct ExitCodeTests {
    @Test func aCleanRunExitsZero() throws {
        let root = temporaryRoot()
        #expect(try ZhubaoProcess.run(["init", "--root", root.path]).status == 0)
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("按 2026-01-31 运行：导入 1 个文件，拒收 0 个"))
    }

    @Test func aRejectedFileExits65() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        try "x".write(to: root.appendingPathComponent("inbox/not-a-valid-name.txt"), atomically: true, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 65)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("quarantine/not-a-valid-name.txt.reason.txt").path))
    }

    @Test func usageErrorsExit64() throws {
        let root = temporaryRoot()
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-02-30"]).status == 64)
        #expect(try ZhubaoProcess.run(["init", "--root", root.path, "--profile", "shanghai"]).status == 64)
        #expect(try ZhubaoProcess.run(["frobnicate"]).status == 64)
        // A folder that was never initialised is the operator's mistake, not an internal error.
        let uninitialised = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(uninitialised.status == 64)
        #expect(uninitialised.stderr.contains("zhubao init"))
    }

    @Test func aBrokenConfigurationExits64AndNamesTheKey() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        try "profile = \"ganzhou-2021\"\nregion = \"360700\"\n[settings]\nlump_sum_cap = 80000\n"
            .write(to: root.appendingPathComponent("zhubao.toml"), atomically: true, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("settings.lump_sum_cap"))
    }

    @Test func logsCarryNoPersonalData() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"],
                                           environment: ["ZHUBAO_LOG_LEVEL": "trace"])
        #expect(!result.stderr.contains("360702196703150030"))
        #expect(!result.stderr.contains("36070001199000000001"))
        #expect(!result.stderr.contains("Liu"))
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.contains(" zhubao") || $0.isEmpty })
    }
}
