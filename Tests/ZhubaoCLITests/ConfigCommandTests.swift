import Foundation
import Testing
import ZhubaoCore

/// The configuration and the command line as an operator meets them (issue 16).
@Suite struct ConfigCommandTests {
    @Test func noCommandIsAUsageError() throws {
        let result = try ZhubaoProcess.run([])
        #expect(result.status == 64)
        #expect(result.stderr.contains("SUBCOMMANDS"))
    }

    @Test func initRefusesARegionNothingKnowsUnlessAllowed() throws {
        let root = temporaryRoot()
        let refused = try ZhubaoProcess.run(["init", "--root", root.path, "--region", "110000"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("地区代码 110000 不在参考数据中"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("zhubao.toml").path))
        let allowed = try ZhubaoProcess.run(["init", "--root", root.path, "--region", "110000", "--allow-unknown-region"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try ZhubaoProcess.run(["init", "--root", temporaryRoot().path, "--region", "340700", "--profile", "tongling-2022"]).status == 0)
    }

    @Test func aMisspeltSettingStopsTheRunBeforeTheInbox() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let config = root.appendingPathComponent("zhubao.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "match_window_days = 10", with: "match_windw_days = 10")
            .write(to: config, atomically: true, encoding: .utf8)
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        let inbox = root.appendingPathComponent("inbox/\(file.name)")
        try file.text.write(to: inbox, atomically: true, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("未知的键 settings.match_windw_days（是否想写 settings.match_window_days？）"))
        #expect(FileManager.default.fileExists(atPath: inbox.path))
    }
}
