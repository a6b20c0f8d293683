import Foundation
import Testing

/// The run registry (issue 16): every run and rerun recorded with its exit code and counts;
/// a killed run shows as KILLED, and the next run says so.
@Suite struct RunsCommandTests {
    func lines(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func runsAreListedNewestFirstWithTheirExitCodesAndCounts() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        try "x".write(to: root.appendingPathComponent("inbox/not-a-valid-name.txt"), atomically: true, encoding: .utf8)
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"]).status == 65)
        #expect(try ZhubaoProcess.run(["rerun", "--root", root.path, "--from", "2026-01-31", "--to", "2026-01-31"]).status == 0)
        let listing = try ZhubaoProcess.run(["runs", "--root", root.path])
        #expect(listing.status == 0, "\(listing.stderr)")
        let rows = lines(listing.stdout)
        #expect(rows.count == 3)
        // id, command, as-of, started, ended, status, exit, imported, rejected, unreadable, exceptions
        #expect(rows[0][1] == "rerun" && rows[0][2] == "2026-01-31" && rows[0][5] == "DONE" && rows[0][6] == "0")
        #expect(rows[1][1] == "run" && rows[1][5] == "DONE" && rows[1][6] == "65")
        #expect(rows[1][7] == "1" && rows[1][8] == "1" && rows[1][9] == "0")
        #expect(rows[1][10].contains("\"E001\":1"))
        #expect(rows[2][1] == "init" && rows[2][2] == "-" && rows[2][5] == "DONE" && rows[2][6] == "0")
        #expect(listing.stdout.hasPrefix("编号\t命令\t业务日期\t开始\t结束\t状态\t退出码\t导入\t拒收\t无法读取\t异常（按代码）\n"))
        #expect(listing.stdout.hasSuffix("共 3 次运行\n"))
        #expect(try lines(ZhubaoProcess.run(["runs", "--root", root.path, "--last", "1"]).stdout).count == 1)
    }

    @Test func aKilledRunShowsAsKilledAndTheNextRunSaysSo() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        // A first run creates the store, so that the killed one has somewhere to be recorded.
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-14"]).status == 0)
        for seq in 1...400 {
            let file = disbursementFile(date: "20260115", seq: seq, loan: "L\(seq)")
            try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: false, encoding: .utf8)
        }
        // Killed inside the intake, after the run has recorded itself RUNNING.
        let (process, _, _) = try ZhubaoProcess.start(["run", "--root", root.path, "--as-of", "2026-01-31"])
        let killed = killOnceStaged(process, root: root)
        try #require(killed, "no run was killed mid-way")
        let next = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("上次运行未正常结束"))
        let rows = lines(try ZhubaoProcess.run(["runs", "--root", root.path]).stdout)
        #expect(rows.first?[5] == "DONE")
        #expect(rows.contains { $0[5] == "KILLED" && $0[1] == "run" && $0[6] == "-" })
        #expect(!rows.contains { $0[5] == "RUNNING" })
    }
}
