import Foundation
import GRDB
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct ClaimStagingTests {
    let logger = Logger(label: "test")

    func setUp() throws -> (TemporaryWorkspace, Store, ClaimStaging) {
        let workspace = try TemporaryWorkspace()
        let store = try Store(path: workspace.workspace.storePath)
        return (workspace, store, ClaimStaging(workspace: workspace.workspace, store: store, logger: logger))
    }

    func run(_ asOf: String) -> ClaimRunRecord {
        ClaimRunRecord(id: nil, year: 2026, bankCode: nil, asOf: asOf, createdAt: "2027-01-20T00:00:00Z",
                       state: ClaimRunRecord.staged, files: "[]", forced: false)
    }

    func approval(_ approved: Int64) -> ClaimApprovalRecord {
        ClaimApprovalRecord(id: nil, claimRunId: 0, bankCode: "105", loanNo: "L1", year: 2026, computed: 26044, claimed: 27000, approved: approved)
    }

    @Test func aSecondRunKeepsTheFilesItReplaces() throws {
        let (workspace, store, staging) = try setUp()
        try staging.commit(run("2027-01-20"), files: [("a.xml", Data("old".utf8))], approvals: [approval(26044)], now: Date())
        try staging.commit(run("2027-01-25"), files: [("a.xml", Data("new".utf8))], approvals: [approval(20000)], now: Date())
        let folder = workspace.workspace.claims(year: 2026)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.xml"), encoding: .utf8) == "new")
        #expect(try String(contentsOf: folder.appendingPathComponent("superseded/2027-01-20/a.xml"), encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: staging.stagingFolder(year: 2026).path))
        let states = try store.database.read { db in try String.fetchAll(db, sql: "SELECT state FROM claimRun ORDER BY id") }
        #expect(states == ["DONE", "DONE"])
        #expect(try Journal(workspace: workspace.workspace).entries().compactMap(\.claimRun?.asOf) == ["2027-01-20", "2027-01-25"])
    }

    /// Killed after the STAGED commit, before any rename: the next command finishes the run.
    @Test func aStagedRunIsFinished() throws {
        let (workspace, store, staging) = try setUp()
        try staging.commit(run("2027-01-20"), files: [("a.xml", Data("old".utf8)), ("b.xml", Data("old b".utf8))],
                           approvals: [approval(26044)], now: Date())
        // What a kill after the commit of a second run leaves: staged files, a STAGED row, a.xml already moved.
        let folder = workspace.workspace.claims(year: 2026), stage = staging.stagingFolder(year: 2026)
        try AtomicFile.write("new b", to: stage.appendingPathComponent("b.xml"), mode: 0o640)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("superseded/2027-01-20"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("a.xml"), to: folder.appendingPathComponent("superseded/2027-01-20/a.xml"))
        try AtomicFile.write("new a", to: folder.appendingPathComponent("a.xml"), mode: 0o640)
        var second = run("2027-01-25")
        second.files = #"[{"name":"a.xml","replaces":"2027-01-20"},{"name":"b.xml","replaces":"2027-01-20"}]"#
        try store.database.write { db in
            try second.insert(db)
            var a = approval(1)
            a.claimRunId = second.id!
            try a.insert(db)
        }
        try staging.recover()
        #expect(try String(contentsOf: folder.appendingPathComponent("a.xml"), encoding: .utf8) == "new a")
        #expect(try String(contentsOf: folder.appendingPathComponent("b.xml"), encoding: .utf8) == "new b")
        #expect(try String(contentsOf: folder.appendingPathComponent("superseded/2027-01-20/b.xml"), encoding: .utf8) == "old b")
        #expect(try store.database.read { db in try String.fetchAll(db, sql: "SELECT state FROM claimRun") } == ["DONE", "DONE"])
        #expect(try Journal(workspace: workspace.workspace).entries().compactMap(\.claimRun?.asOf) == ["2027-01-20", "2027-01-25"])
    }

    /// Killed before the commit: the staged files are thrown away, the earlier claim stands.
    @Test func filesStagedBeforeTheCommitAreDropped() throws {
        let (workspace, store, staging) = try setUp()
        try staging.commit(run("2027-01-20"), files: [("a.xml", Data("old".utf8))], approvals: [approval(26044)], now: Date())
        try AtomicFile.write("half", to: staging.stagingFolder(year: 2026).appendingPathComponent("a.xml"), mode: 0o640)
        try staging.recover()
        #expect(!FileManager.default.fileExists(atPath: staging.stagingFolder(year: 2026).path))
        #expect(try String(contentsOf: workspace.workspace.claims(year: 2026).appendingPathComponent("a.xml"), encoding: .utf8) == "old")
        #expect(try store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM claimApproval") } == 1)
    }

    @Test func theLastRunCoversItsBanks() throws {
        let (workspace, store, staging) = try setUp()
        defer { withExtendedLifetime(workspace) {} }
        var bankRun = run("2027-01-25")
        bankRun.bankCode = "105"
        try staging.commit(run("2027-01-20"), files: [("a.xml", Data("x".utf8))], approvals: [], now: Date())
        try staging.commit(bankRun, files: [("b.xml", Data("x".utf8))], approvals: [], now: Date())
        #expect(try store.lastClaimRun(year: 2026, bank: "105")?.asOf == "2027-01-25")
        #expect(try store.lastClaimRun(year: 2026, bank: "103")?.asOf == "2027-01-20")
        #expect(try store.lastClaimRun(year: 2026, bank: nil)?.asOf == "2027-01-25")
        #expect(try store.lastClaimRun(year: 2025, bank: nil) == nil)
    }
}
