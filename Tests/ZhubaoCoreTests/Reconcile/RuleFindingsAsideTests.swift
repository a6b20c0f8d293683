import Foundation
import Testing
@testable import ZhubaoCore

/// A whole city's deductions are found on a thread of their own beside the other families
/// (`Reconciliation.ruleFindings`): the findings are the same, in the same order, as when every
/// family runs on one thread.
@Suite struct RuleFindingsAsideTests {
    @Test func theDeductionsFoundAsideAreTheSameFindingsInTheSameOrder() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        try ws.deliverCityWithLateChanges(borrowers: 40, from: "2026-01-01", to: "2026-06-30")
        let (_, store) = try ws.intake(asOf: "2026-06-30")
        let day = Day(iso: "2026-06-30")!
        let reconciliation = Reconciliation(ledger: try LedgerLoader(store: store).load(asOf: day, settings: ws.settings))
        let aside = reconciliation.ruleFindings(asideFrom: 0), here = reconciliation.ruleFindings(asideFrom: .max)
        #expect(aside == here)
        // Not a trivial comparison: deductions and other families found something.
        let codes = Set(aside.map(\.code.rawValue))
        #expect(codes.contains { $0.hasPrefix("E40") } && codes.contains { $0.hasPrefix("E20") || $0.hasPrefix("E30") })
    }
}
