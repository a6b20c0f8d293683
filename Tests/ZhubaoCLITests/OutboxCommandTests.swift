import Foundation
import Testing

/// `zhubao outbox list`, and: only `run` writes to the outbox — never `rerun`, `claim` or `validate`.
@Suite struct OutboxCommandTests {
    @Test func runSendsOnceAndOnlyRunSends() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        // init creates outbox/ with the run layout, owner and group only.
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("outbox").path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
        for name in try FileManager.default.contentsOfDirectory(atPath: RerunTests.samples.path) where name.contains("_360700_") {
            try FileManager.default.copyItem(at: RerunTests.samples.appendingPathComponent(name), to: root.appendingPathComponent("inbox/\(name)"))
        }
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2027-01-20"]).status == 0)
        // summary.json counts the files dated that day; the metrics those the run wrote.
        let summary = try String(contentsOf: root.appendingPathComponent("out/daily/2027-01-20/summary.json"), encoding: .utf8)
        #expect(summary.contains("\"outbox\":{\"B105\":{\"ELIG\":1,\"FDBK\":1}}"))
        let metrics = try String(contentsOf: root.appendingPathComponent("metrics/zhubao.prom"), encoding: .utf8)
        #expect(metrics.contains("zhubao_last_run_outbox_files{recipient=\"B105\",kind=\"FDBK\"} 1\n"))
        #expect(metrics.contains("zhubao_last_run_outbox_files{recipient=\"B105\",kind=\"ELIG\"} 1\n"))
        let list = try ZhubaoProcess.run(["outbox", "list", "--root", root.path])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        // The samples' E501 goes back to bank 105, with the bank's 2026 subsidy list (review date not yet passed).
        #expect(lines.first == "共 2 个文件（各列：文件日期、接收方、种类、年度、文件名、行数、合计金额（元）、SHA-256 前 16 位、写出它的运行日期与时间）")
        #expect(lines.dropFirst().map { $0.split(separator: " ").prefix(5).joined(separator: " ") } == [
            "2027-01-20 B105 ELIG 2026 SI_ELIG_360700_20270120_001.txt",
            "2027-01-20 B105 FDBK - SI_FDBK_360700_20270120_001.txt",
        ])
        let filtered = try ZhubaoProcess.run(["outbox", "list", "--root", root.path, "--kind", "FDBK", "--from", "2027-01-20", "--to", "2027-01-20"])
        let filteredLines = filtered.stdout.split(separator: "\n").map(String.init)
        #expect(filteredLines.count == 2 && filteredLines[0].hasPrefix("共 1 个文件（各列：") && filteredLines[1].hasPrefix("2027-01-20 B105  FDBK -"))
        #expect(try ZhubaoProcess.run(["outbox", "list", "--root", root.path, "--recipient", "TAX"]).stdout == "共 0 个文件\n")
        #expect(try ZhubaoProcess.run(["outbox", "list", "--root", root.path, "--kind", "XXX"]).status == 64)
        #expect(try ZhubaoProcess.run(["outbox", "list", "--root", root.path, "--from", "2027-02-01", "--to", "2027-01-01"]).status == 64)
        let folder = root.appendingPathComponent("outbox/B105")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(before == ["SI_ELIG_360700_20270120_001.txt", "SI_FDBK_360700_20270120_001.txt"])
        // A partner checks what it received.
        let check = try ZhubaoProcess.run(["validate", "--root", root.path] + before.map { folder.appendingPathComponent($0).path })
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("SI_FDBK_360700_20270120_001.txt: 通过，1 条记录"))
        // rerun, claim, validate and a second run of the date write nothing to the outbox.
        #expect(try ZhubaoProcess.run(["rerun", "--root", root.path, "--from", "2027-01-20", "--to", "2027-01-20"]).status == 0)
        #expect(try ZhubaoProcess.run(["claim", "--root", root.path, "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2027-01-20"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        // The second run wrote nothing: its metrics say so; summary.json still counts the day's files.
        let again = try String(contentsOf: root.appendingPathComponent("metrics/zhubao.prom"), encoding: .utf8)
        #expect(!again.contains("zhubao_last_run_outbox_files{"))
        #expect(try String(contentsOf: root.appendingPathComponent("out/daily/2027-01-20/summary.json"), encoding: .utf8) == summary)
        #expect(try ZhubaoProcess.run(["outbox", "list", "--root", root.path]).stdout.hasPrefix("共 2 个文件（"))
    }
}
