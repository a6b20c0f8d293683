import Foundation
import Testing
import ZhubaoCore

@Suite struct RebuildTests {
    /// The store deleted; rebuilt from archive/, quarantine/ and the journal: a rerun of each run
    /// date writes the bytes it wrote before, the listing, the acknowledgements and the claims are as they were.
    @Test func rebuildGivesBackEveryOutput() throws {
        let w = try SampleWorkspace()
        let short = try #require(try w.shortID(of: "E501"))
        #expect(try w.zhubao(["exceptions", "ack", short, "--note", "已联系银行", "--by", "王会计", "--as-of", "2027-01-20"]).status == 0)
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        // After the ack and the claim: a rejected file and a conflicting redelivery (E001, E002).
        try "x".write(to: w.root.appendingPathComponent("inbox/not-a-valid-name.txt"), atomically: true, encoding: .utf8)
        try "H|105|360700|DISB|20260115|other|1.0\n".write(to: w.root.appendingPathComponent("inbox/B105_DISB_360700_20260115_001.txt"),
                                                       atomically: true, encoding: .utf8)
        #expect(try w.zhubao(["run", "--as-of", "2027-01-21"]).status == 65)
        #expect(try w.rows("SELECT status FROM inputFile WHERE status != 'IMPORTED' ORDER BY id") == ["[status:\"REJECTED\"]", "[status:\"CONFLICT\"]"])
        let claim = try Data(contentsOf: w.claimXML)
        let tables = ["SELECT * FROM inputFile", "SELECT * FROM acknowledgement", "SELECT id, year, bankCode, asOf, createdAt, state, files FROM claimRun",
                      "SELECT * FROM claimApproval", "SELECT asOf, key, firstSeen, payload FROM dailyException ORDER BY asOf, key",
                      "SELECT count(*) FROM receipt", "SELECT count(*) FROM drawdown", "SELECT count(*) FROM claimLine"]
        // What the store gives for each date (the ack, effective 2027-01-20, shows on a rerun of that date).
        func rerunEachDate() throws -> [String: Data] {
            // A range too: its dates without a run become runs, and rebuild must give them back.
            #expect(try w.zhubao(["rerun", "--from", "2026-01-14", "--to", "2026-01-20"]).status == 0)
            for day in SampleWorkspace.runDates + ["2027-01-21"] {
                #expect(try w.zhubao(["rerun", "--from", day, "--to", day]).status == 0)
            }
            return try w.dailyOutputs()
        }
        let outputs = try rerunEachDate()
        let listing = try w.zhubao(["exceptions", "list"]).stdout
        let before = try tables.map(w.rows)  // after the reruns, which recompute (and journal) each date

        try w.removeStore()
        let verify = try w.zhubao(["verify"])
        #expect(verify.status == 74)
        #expect(verify.stdout.contains("zhubao rebuild"))
        let rebuilt = try w.zhubao(["rebuild"])
        #expect(rebuilt.status == 0, "\(rebuilt.stdout) \(rebuilt.stderr)")
        #expect(try tables.map(w.rows) == before)
        #expect(try rerunEachDate() == outputs)
        #expect(try w.zhubao(["exceptions", "list"]).stdout == listing)
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20", "--force"]).status == 0)
        #expect(try Data(contentsOf: w.claimXML) == claim)
        #expect(try w.zhubao(["verify"]).status == 0)
    }

    @Test func aHealthyStoreIsReplacedOnlyWithForceAndKeptAside() throws {
        let w = try SampleWorkspace()
        let refused = try w.zhubao(["rebuild"])
        #expect(refused.status == 64)
        #expect(refused.stdout.contains("--force"))
        let files = try w.rows("SELECT * FROM inputFile")
        let forced = try w.zhubao(["rebuild", "--force"])
        #expect(forced.status == 0, "\(forced.stdout) \(forced.stderr)")
        let state = try FileManager.default.contentsOfDirectory(atPath: w.root.appendingPathComponent("state").path)
        #expect(state.contains { $0.hasPrefix("zhubao.sqlite.before-rebuild-") })
        #expect(try w.rows("SELECT * FROM inputFile") == files)
        let mode = try FileManager.default.attributesOfItem(atPath: w.storePath)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func verifyFindsAnEditedJournalAChangedArchiveAndADamagedStore() throws {
        let w = try SampleWorkspace()
        #expect(try w.zhubao(["verify"]).status == 0)
        let journal = w.root.appendingPathComponent("state/journal.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
        try text.replacingOccurrences(of: "\"asOf\":\"2026-01-20\"", with: "\"asOf\":\"2026-01-19\"")
            .write(to: journal, atomically: true, encoding: .utf8)
        let edited = try w.zhubao(["verify"])
        #expect(edited.status == 74)
        #expect(edited.stdout.contains("日志第 3 行"))
        #expect(try w.zhubao(["rebuild", "--force"]).status == 74, "a broken chain is no ground to rebuild on")
        try text.write(to: journal, atomically: true, encoding: .utf8)

        let archived = w.root.appendingPathComponent("archive/2026/01/B105_DISB_360700_20260115_001.txt")
        let original = try Data(contentsOf: archived)
        try (original + Data("\n".utf8)).write(to: archived)
        let changed = try w.zhubao(["verify"])
        #expect(changed.status == 74)
        #expect(changed.stdout.contains("B105_DISB_360700_20260115_001.txt"))
        try original.write(to: archived)
        #expect(try w.zhubao(["verify"]).status == 0)

        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: w.storePath))
        let damaged = try w.zhubao(["verify"])
        #expect(damaged.status == 74)
        #expect(damaged.stdout.contains("rebuild"))
    }

    /// Kept files but no journal (say, a lost state/ folder): rebuilding would lose the history.
    @Test func withoutTheJournalRebuildRefuses() throws {
        let w = try SampleWorkspace()
        try w.removeStore()
        try FileManager.default.removeItem(at: w.root.appendingPathComponent("state/journal.jsonl"))
        let refused = try w.zhubao(["rebuild"])
        #expect(refused.status == 74)
        #expect(refused.stdout.contains("日志"))
        #expect(!FileManager.default.fileExists(atPath: w.storePath))
    }
}
