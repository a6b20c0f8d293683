import Foundation
import Testing
import ZhubaoCore

@Suite struct ClaimAtomicityTests {
    /// Without --as-of the date is today (here before the claim's 2027-01-20): refused, nothing
    /// touched. With --force it is written and the replaced files are kept.
    @Test func anEarlierAsOfIsRefusedUnlessForced() throws {
        let w = try SampleWorkspace()
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        let first = try Data(contentsOf: w.claimXML)
        let refused = try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-15"])
        #expect(refused.status == 64)
        #expect(refused.stdout.contains("--force"))
        #expect(try Data(contentsOf: w.claimXML) == first)
        #expect(try w.rows("SELECT id FROM claimRun").count == 1)
        let forced = try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-15", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: w.claimXML, encoding: .utf8).contains("<AsOf>2027-01-15</AsOf>"))
        let kept = w.claims.appendingPathComponent("superseded/2027-01-20/SUBSIDY_CLAIM_360700_105_2026.xml")
        #expect(try Data(contentsOf: kept) == first)
        #expect(FileManager.default.fileExists(atPath: w.claims.appendingPathComponent("superseded/2027-01-20/claims.html").path))
        #expect(try w.rows("SELECT state FROM claimRun") == ["[state:\"DONE\"]", "[state:\"DONE\"]"])
    }

    /// Bank 103 lent (B103 DISB) but sent no CLAIM file: it gets no claim file.
    @Test func aBankWithoutAClaimFileGetsNoClaim() throws {
        let w = try SampleWorkspace()
        #expect(try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: w.claims.path).sorted()
        #expect(files == ["SUBSIDY_CLAIM_360700_105_2026.xlsx", "SUBSIDY_CLAIM_360700_105_2026.xml", "claims.html"])
        let none = try w.zhubao(["claim", "--year", "2026", "--bank", "103", "--as-of", "2027-01-20"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("未出具"))
        #expect(!FileManager.default.fileExists(atPath: w.claims.appendingPathComponent("claims_103.html").path))
    }

    /// claim and ack never create a store: without one they exit 74 and say how to restore it.
    @Test func withoutAStoreNothingIsDone() throws {
        let w = try SampleWorkspace()
        try w.removeStore()
        let claim = try w.zhubao(["claim", "--year", "2026", "--as-of", "2027-01-20"])
        #expect(claim.status == 74)
        #expect(claim.stderr.contains("zhubao rebuild"))
        #expect(try w.zhubao(["exceptions", "ack", "E501|GZ105-2026-000017-01|2026", "--note", "x", "--by", "y"]).status == 74)
        #expect(!FileManager.default.fileExists(atPath: w.storePath))
        #expect(!FileManager.default.fileExists(atPath: w.claims.path))
    }
}
