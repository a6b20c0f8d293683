import Foundation
import GRDB
import Testing
import ZhubaoCore

/// SIGKILL at random points of `claim` and `rebuild`: afterwards the claim files and the
/// approvals agree, every file is recorded exactly once, and `zhubao verify` passes.
@Suite struct ClaimRebuildKillTests {
    /// A seeded generator, so that a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    func kill(_ arguments: [String], after delay: Double) throws -> Bool {
        let (process, _, _) = try ZhubaoProcess.start(arguments)
        Thread.sleep(forTimeInterval: delay)
        let wasRunning = process.isRunning
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    /// The claim file of bank 105 says what the last finished claim run recorded.
    func expectClaimAgrees(_ w: SampleWorkspace) throws {
        let store = try Store.open(path: w.storePath)
        let (asOf, approved, staged) = try store.database.read { db in
            let run = try Row.fetchOne(db, sql: "SELECT id, asOf FROM claimRun WHERE state = 'DONE' ORDER BY id DESC LIMIT 1")!
            let approved = try Int64.fetchOne(db, sql: "SELECT sum(approved) FROM claimApproval WHERE claimRunId = ? AND bankCode = '105'",
                                              arguments: [run["id"] as Int64]) ?? 0
            return (run["asOf"] as String, approved, try Int.fetchOne(db, sql: "SELECT count(*) FROM claimRun WHERE state = 'STAGED'") ?? 0)
        }
        #expect(staged == 0)
        let xml = try String(contentsOf: w.claimXML, encoding: .utf8)
        #expect(xml.contains("<AsOf>\(asOf)</AsOf>"))
        #expect(xml.contains("<TotalApproved>\(Fen(approved).yuan)</TotalApproved>"))
        #expect(!FileManager.default.fileExists(atPath: w.claims.appendingPathComponent(".staging").path))
    }

    /// Kills between a tenth of a claim's time and nearly all of it land before the record
    /// (staging folder dropped), after it (STAGED run finished) or between the renames — each
    /// state is also made by hand in ClaimStagingTests, so that none depends on timing.
    @Test func aKilledClaimLeavesTheOldClaimOrTheNew() throws {
        let w = try SampleWorkspace()
        // Kills land at random points of a claim as long as this machine takes for one now.
        let started = Date()
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        let duration = max(0.02, Date().timeIntervalSince(started))
        var random = Seeded(state: 12)
        var killed = 0
        for round in 0..<20 {
            let asOf = round % 2 == 0 ? "2027-01-15" : "2027-01-20"  // the CLAIM file counts from 2027-01-12
            if try kill(["claim", "--root", w.root.path, "--year", "2026", "--as-of", asOf, "--force"],
                        after: duration * Double.random(in: 0.1...0.95, using: &random)) { killed += 1 }
            let verify = try w.zhubao(["verify"])  // finishes a claim the kill interrupted
            #expect(verify.status == 0, "round \(round): \(verify.stdout)")
            try expectClaimAgrees(w)
        }
        #expect(killed > 0, "no claim was killed mid-way")
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20", "--force"]).status == 0)
        try expectClaimAgrees(w)
    }

    @Test func aKilledRebuildIsDoneAgainByTheNext() throws {
        let w = try SampleWorkspace()
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        let files = try w.rows("SELECT * FROM inputFile")
        let approvals = try w.rows("SELECT * FROM claimApproval")
        // Kills land at random points of a rebuild as long as this machine takes for one now.
        let started = Date()
        #expect(try w.zhubao(["rebuild", "--force"]).status == 0)
        let duration = max(0.02, Date().timeIntervalSince(started))
        try w.removeStore()
        var random = Seeded(state: 7)
        var killed = 0
        for _ in 0..<6 {
            if try kill(["rebuild", "--root", w.root.path, "--force"], after: duration * Double.random(in: 0.1...0.95, using: &random)) { killed += 1 }
        }
        #expect(killed > 0, "no rebuild was killed mid-way")
        let done = try w.zhubao(["rebuild", "--force"])
        #expect(done.status == 0, "\(done.stdout) \(done.stderr)")
        #expect(try w.rows("SELECT * FROM inputFile") == files)
        #expect(try w.rows("SELECT name, count(*) FROM inputFile GROUP BY name HAVING count(*) > 1").isEmpty)
        #expect(try w.rows("SELECT * FROM claimApproval") == approvals)
        #expect(try w.zhubao(["verify"]).status == 0)
        try expectClaimAgrees(w)
    }
}
