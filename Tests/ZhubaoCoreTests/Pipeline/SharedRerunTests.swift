import Foundation
import Logging
import Testing
@testable import ZhubaoCore

/// `rerun` computes the dates of a range from what it shares across them — one `LedgerHistory`
/// and one set of claim approvals read for the whole range — where `run` reads the store for its
/// one date. Both must write the same bytes for every date: here over half a generated year with
/// every fault (deaths, files of earlier business dates), a drawdown cancelled three months
/// after it was lent, a receipt reversed four months after it was paid and a certification
/// revoked two months after it was listed.
@Suite struct SharedRerunTests {
    @Test func theRangeComputedFromSharedValuesEqualsEachDateComputedFromTheStore() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        try ws.deliverCityWithLateChanges(borrowers: 40, from: "2026-01-01", to: "2026-06-30")
        try ws.deliverCertificationOfLTEST1()
        let logger = Logger(label: "test")
        // Every file taken at once: each counts from its business date, all recorded before any date is computed.
        _ = try DailyJob(workspace: ws.workspace, logger: logger).run(asOf: Day(iso: "2026-06-30")!, intakeOnly: true)
        let store = try Store.open(path: ws.workspace.storePath)
        let daily = DailyReport(workspace: ws.workspace, store: store, settings: ws.settings, logger: logger)
        let days = Array(stride(from: Day(iso: "2026-01-03")!, through: Day(iso: "2026-06-30")!, by: 6)) + [Day(iso: "2026-06-30")!]

        // Each date on its own, as `run` computes it: the store read for that date.
        for day in days { _ = try daily.produce(asOf: day) }
        let alone = try ws.workspace.dailyOutputs()
        #expect(alone.count == days.count * 5)

        // The same dates again as `rerun` computes them: the history and the approvals shared.
        try FileManager.default.removeItem(at: ws.workspace.root.appendingPathComponent("out/daily"))
        let result = try RerunJob.recompute(days, everyDate: false, store: store, report: daily, settings: ws.settings)
        #expect(result.computed == days)
        let shared = try ws.workspace.dailyOutputs()
        #expect(shared.keys.sorted() == alone.keys.sorted())
        for key in alone.keys.sorted() where shared[key] != alone[key] {
            Issue.record("\(key) differs between the shared and the per-date computation")
        }

        // The half-year is not trivial: a death raised, a certification revoked, the cancellation and
        // the reversal seen on the dates after them and not before.
        let history = try LedgerLoader(store: store).history(through: Day(iso: "2026-06-30")!, settings: ws.settings)
        let last = history.ledger(asOf: Day(iso: "2026-06-30")!), march = history.ledger(asOf: Day(iso: "2026-03-01")!)
        #expect(last.snapshots.values.joined().contains { $0.rows.contains(where: \.revoked) })
        #expect(march.drawdowns.contains { $0.loanNo == "LTEST1" && !$0.cancelled })
        #expect(last.drawdowns.contains { $0.loanNo == "LTEST1" && $0.cancelled })
        #expect(last.receipts.contains { $0.ticketNo == "TTEST1" && $0.reversed })
        let codes = alone.filter { $0.key.hasSuffix("exceptions.jsonl") }.values
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        for code in ["E001", "E003", "E004", "E301", "E409"] { #expect(codes.contains("\"\(code)\""), "\(code) raised") }
    }
}
