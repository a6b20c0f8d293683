import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// The outputs of a fixed-seed generated city of each profile, delivered and run day by day
/// as the demo does (every fault the generator knows injected), compared byte for byte with
/// `fixtures/golden/` — recorded from main before the typed rebuild, so that a refactoring that
/// changes a byte nobody meant fails here. Re-record with `ZHUBAO_RECORD_GOLDEN=1` and say why
/// in the commit.
@Suite struct GoldenOutputTests {
    static let dailyFiles = ["exceptions.jsonl", "summary.json", "exceptions.csv"]

    /// Runs the demo pipeline over `borrowers` borrowers from 2026-01-01 to 2027-01-31 in a
    /// temporary folder and hands back its workspace.
    func city(_ profile: Profile, borrowers: Int) throws -> (Workspace, DemoJob.Result) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-golden-\(UUID().uuidString)")
        let workspace = Workspace(root: root)
        let result = try DemoJob(workspace: workspace, profile: profile, borrowers: borrowers, logger: Logger(label: "test")).run()
        return (workspace, result)
    }

    /// The daily outputs of the last run in June 2026 (mid-year: NEW, OPEN and RESOLVED all
    /// occur) and of the last day.
    func compareDaily(_ workspace: Workspace, profile: String) throws {
        let runs = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("out/daily").path).sorted()
        let midYear = try #require(runs.last { $0 <= "2026-06-30" })
        #expect(runs.last == "2027-01-31")
        for date in [midYear, "2027-01-31"] {
            let folder = workspace.daily(Day(iso: date)!)
            for name in Self.dailyFiles {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                try Golden.assertMatches(data, "\(profile)/daily/\(date)/\(name)")
            }
        }
    }

    @Test func aGanzhouCityGivesItsRecordedOutputs() throws {
        let (workspace, result) = try city(.ganzhou2021, borrowers: 40)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        #expect(result.faultsInjected > 20)
        try compareDaily(workspace, profile: "ganzhou-2021")
        #expect(!result.claims.isEmpty)
        let xml = result.claims.filter { $0.pathExtension == "xml" }
        if !Golden.recording {
            // The same claim files, no more and no fewer.
            let recorded = try FileManager.default.contentsOfDirectory(atPath: Golden.folder.appendingPathComponent("ganzhou-2021/claims/2026").path)
            #expect(xml.map(\.lastPathComponent).sorted() == recorded.sorted())
        }
        for claim in xml {
            try Golden.assertMatches(try Data(contentsOf: claim), "ganzhou-2021/claims/2026/\(claim.lastPathComponent)")
        }
    }

    @Test func aTonglingCityGivesItsRecordedOutputs() throws {
        let (workspace, result) = try city(.tongling2022, borrowers: 40)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        #expect(result.faultsInjected > 10)
        try compareDaily(workspace, profile: "tongling-2022")
    }
}
