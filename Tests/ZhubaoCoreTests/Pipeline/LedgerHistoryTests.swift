import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// `rerun` loads the store once and selects each date's ledger from it. Selecting from a
/// history through a later date must give exactly what loading as of that date gives: the
/// same records (cancellations, reversals and live drawdowns decided as of the date) and the
/// same E001–E004 in the same order. The reference, `load(asOf: D)`, reads only the files of
/// dates up to D from the store (the SQL filter on the business date), so nothing of a later
/// file can reach it; the explicit checks of a late cancellation and a late reversal below
/// also hold when both sides would share a mistake.
@Suite struct LedgerHistoryTests {
    @Test func aLedgerSelectedFromALaterHistoryIsTheLedgerLoadedAsOfItsDate() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        // A drawdown cancelled three months later, and a receipt reversed four months later.
        try ws.deliverCityWithLateChanges(borrowers: 60, from: "2026-01-01", to: "2026-12-31")
        _ = try DailyJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Day(iso: "2026-12-31")!, intakeOnly: true)
        let store = try Store.create(path: ws.workspace.storePath)
        let loader = LedgerLoader(store: store)
        let history = try loader.history(through: Day(iso: "2026-12-31")!, settings: ws.settings)

        var sizes: Set<[Int]> = []
        for day in stride(from: Day(iso: "2025-12-31")!, through: Day(iso: "2026-12-31")!, by: 5) {
            let selected = history.ledger(asOf: day)
            let loaded = try loader.load(asOf: day, settings: ws.settings)
            #expect(selected.asOf == day)
            #expect(selected.drawdowns == loaded.drawdowns, "drawdowns as of \(day)")
            #expect(selected.receipts == loaded.receipts, "receipts as of \(day)")
            #expect(selected.transactions == loaded.transactions, "transactions as of \(day)")
            #expect(selected.claimLines == loaded.claimLines, "claims as of \(day)")
            #expect(selected.register == loaded.register, "register as of \(day)")
            #expect(selected.snapshots == loaded.snapshots, "snapshots as of \(day)")
            #expect(selected.intakeFindings == loaded.intakeFindings, "findings as of \(day)")
            sizes.insert([selected.drawdowns.count, selected.drawdowns.filter(\.cancelled).count, selected.receipts.count,
                          selected.receipts.filter(\.reversed).count, selected.transactions.count, selected.intakeFindings.count])
        }
        // The year is not trivial: records, cancellations, reversals and findings appear along it.
        #expect(sizes.count > 20)
        let march = history.ledger(asOf: Day(iso: "2026-03-01")!), last = history.ledger(asOf: Day(iso: "2026-12-31")!)
        #expect(march.drawdowns.contains { $0.loanNo == "LTEST1" && !$0.cancelled })
        #expect(last.drawdowns.contains { $0.loanNo == "LTEST1" && $0.cancelled })
        #expect(march.receipts.contains { $0.ticketNo == "TTEST1" && !$0.reversed })
        #expect(last.receipts.contains { $0.ticketNo == "TTEST1" && $0.reversed })
        #expect(Set(last.intakeFindings.map(\.code)).isSuperset(of: [.e001, .e003, .e004]))
    }
}
