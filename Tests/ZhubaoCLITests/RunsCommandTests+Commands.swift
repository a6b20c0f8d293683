import Foundation
import Testing
import ZhubaoCore

/// Every command that changes the workspace is in the run registry (issue 16): init, run,
/// rerun, claim, exceptions ack and rebuild, each with its exit code, refusals included; a dry
/// run is not.
extension RunsCommandTests {
    @Test func claimsAcknowledgementsAndRebuildsAreListedWithTheirExitCodes() throws {
        let w = try SampleWorkspace()
        let short = try #require(try w.shortID(of: "E501"))
        #expect(try w.zhubao(["exceptions", "ack", short, "--note", "已联系银行", "--by", "王会计", "--as-of", "2027-01-20"]).status == 0)
        #expect(try w.zhubao(["exceptions", "ack", "E501|NOPE|2026", "--note", "x", "--by", "y"]).status == 64)
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-19"]).status == 64)  // earlier than the last: refused
        #expect(try w.zhubao(["rebuild"]).status == 64)  // a healthy store, no --force: refused
        #expect(try w.zhubao(["run", "--dry-run", "--as-of", "2027-01-21"]).status == 0)
        let rows = lines(try w.zhubao(["runs"]).stdout)
        // id, command, as-of, started, ended, status, exit, …: newest first.
        #expect(rows.map { "\($0[1]) \($0[2]) \($0[5]) \($0[6])" } == [
            "rebuild - DONE 64",
            "claim 2027-01-19 DONE 64",
            "claim 2027-01-20 DONE 0",
            "exceptions ack \(Day.today().iso) DONE 64",
            "exceptions ack 2027-01-20 DONE 0",
            "run 2027-01-20 DONE 0", "run 2026-01-20 DONE 0", "run 2026-01-14 DONE 0",
            "init - DONE 0",
        ])
        #expect(rows.allSatisfy { $0[4] != "-" }, "every run has its end")

        // A rebuild is recorded in the store it made; the history before it stays in the store kept aside.
        let rebuilt = try w.zhubao(["rebuild", "--force"])
        #expect(rebuilt.status == 0, "\(rebuilt.stdout) \(rebuilt.stderr)")
        #expect(rebuilt.stdout.hasPrefix("已重建："))
        #expect(lines(try w.zhubao(["runs"]).stdout).map { "\($0[1]) \($0[5]) \($0[6])" } == ["rebuild DONE 0"])
    }
}
