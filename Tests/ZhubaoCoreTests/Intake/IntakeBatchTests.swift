import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// Files taken in batches (one transaction, a savepoint a file): each file still whole or
/// nothing, each placed only after the commit that records it.
@Suite struct IntakeBatchTests {
    /// A file rejected half-way (its first record good, its second not) between good files of
    /// the same batch: only its savepoint is rolled back. The good files keep every record, the
    /// bad one keeps none and goes to quarantine.
    @Test func aRejectedFileRollsBackOnlyItself() throws {
        let ws = try TemporaryWorkspace()
        let first = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        let last = SampleFiles.disbursement(date: "20260115", seq: 3, loan: "L00003")
        let good = SampleFiles.disbursement(date: "20260115", seq: 2, loan: "L00002").text.split(separator: "\n")
        let bad = "B105_DISB_360700_20260115_002.txt"
        let badLine = good[1].replacingOccurrences(of: "L00002", with: "L00009").replacingOccurrences(of: "8904.00", with: "89x4.00")
        try ws.deliver(first.name, text: first.text)
        try ws.deliver(bad, text: [good[0], good[1], Substring(badLine), "T|2|17808.00"].joined(separator: "\n") + "\n")
        try ws.deliver(last.name, text: last.text)
        let (report, store) = try ws.intake()
        #expect(report.count(.imported) == 2 && report.count(.rejected) == 1)
        let rows = try ws.allDeliveries(store)
        #expect(rows.map(\.status) == [.imported, .rejected, .imported])
        let drawdowns = try store.database.read { db in try Row.fetchAll(db, sql: "SELECT fileId, loanNo FROM drawdown ORDER BY id") }
        #expect(drawdowns.map { $0["loanNo"] as String } == ["L00001", "L00003"])
        #expect(drawdowns.map { $0["fileId"] as Int64? } == [rows[0].id, rows[2].id])
        #expect(ws.files(in: ws.workspace.archive.appendingPathComponent("2026/01")) == [first.name, last.name])
        #expect(ws.files(in: ws.workspace.quarantine) == [bad, bad + ".reason.txt"])
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
        #expect(ws.files(in: ws.workspace.state.appendingPathComponent("intake")).isEmpty)
    }

    /// More files than a batch holds: every one imported once, archived, out of the inbox.
    @Test func anInboxOfSeveralBatchesIsTakenWhole() throws {
        let ws = try TemporaryWorkspace()
        let count = 2 * Intake.batchFiles + 3
        var names: [String] = []
        for n in 0..<count {
            let file = SampleFiles.disbursement(date: "202601\(10 + n / 999)", seq: n % 999 + 1, loan: "L\(100_000 + n)")
            names.append(file.name)
            try ws.deliver(file.name, text: file.text)
        }
        let (report, store) = try ws.intake()
        #expect(report.count(.imported) == count)
        #expect(try ws.allDeliveries(store).count == count)
        #expect(try store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM drawdown") } == count)
        #expect(ws.files(in: ws.workspace.archive.appendingPathComponent("2026/01")) == names.sorted())
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
    }

    /// Two names refused for themselves in one batch: their staged copies do not clash (each
    /// is quarantined with its own bytes).
    @Test func unsafeNamesOfOneBatchKeepTheirOwnBytes() throws {
        let ws = try TemporaryWorkspace()
        try ws.deliver("a\u{1}.txt", text: "first")
        try ws.deliver("b\u{1}.txt", text: "second")
        let (report, store) = try ws.intake()
        #expect(report.count(.rejected) == 2)
        for row in try ws.allDeliveries(store) {
            let placed = ws.workspace.quarantine.appendingPathComponent("unsafe-name.\(row.sha256.prefix(16))")
            #expect(try FileDigest.of(placed).sha256 == row.sha256)
        }
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
    }
}
