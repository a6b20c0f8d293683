import Foundation
import Logging
import Testing
@testable import ZhubaoCore

/// `RangeEngine` recomputes on each date only the components that may have changed since the
/// date before. For every date of half a generated year with every fault (deaths, files of
/// earlier business dates, a drawdown cancelled three months late, a receipt reversed four
/// months late, a certification revoked two months after it was listed, the review date, claim
/// runs whose approvals E505 reads), what it gives must be what the whole ledger of that date
/// gives: the same findings (key and payload) and the same totals.
@Suite struct RangeEngineTests {
    static let first = Day(iso: "2026-01-01")!, last = Day(iso: "2026-06-30")!

    @Test func everyDateEqualsTheWholeLedgerOfThatDate() throws {
        let (history, approvals) = try Self.lateChangesCity()
        try Self.compare(history, approvals, days: Array(Self.first...Self.last), expectPartial: true)
    }

    /// The same with the components evaluated seven at a time (a city's whole date is evaluated
    /// in chunks, to bound its memory): the chunks together give what one evaluation gives.
    @Test func chunksOfSevenComponentsEqualTheWholeLedger() throws {
        let (history, approvals) = try Self.lateChangesCity()
        try Self.compare(history, approvals, days: Array(Self.first...Self.last), expectPartial: true, chunk: 7)
    }

    /// Dates with gaps between them (a rerun of the dates `run` ran on): the changes of the days
    /// in between count on the next date computed.
    @Test func datesWithGapsEqualTheWholeLedger() throws {
        let (history, approvals) = try Self.lateChangesCity()
        let days = Array(stride(from: Self.first + 2, through: Self.last, by: 9)) + [Self.last]
        try Self.compare(history, approvals, days: days, expectPartial: true)
    }

    /// The comparison above is not between equal lists by construction: the city's findings
    /// change over the range, so an engine that carried the first date's findings to the last
    /// date would be caught. (Each part of the engine's change dates, removed, was caught too.)
    @Test func aStaleCarryIsCaught() throws {
        let (history, approvals) = try Self.lateChangesCity()
        var engine = RangeEngine(history: history, approvals: approvals)
        let first = engine.compute(asOf: Self.first)
        let later = Self.whole(history, approvals, asOf: Self.last)
        #expect(Self.rows(first.findings) != Self.rows(later.findings()))
    }

    static func compare(_ history: LedgerHistory, _ approvals: ClaimApprovalHistory, days: [Day], expectPartial: Bool,
                        chunk: Int = 4096) throws {
        var engine = RangeEngine(history: history, approvals: approvals, chunk: chunk)
        var partial = 0, codes = Set<String>()
        for day in days {
            let result = engine.compute(asOf: day)
            let reconciliation = whole(history, approvals, asOf: day)
            let expected = rows(reconciliation.findings()), found = rows(result.findings)
            if found != expected {
                let missing = expected.subtracting(found).sorted().prefix(3), extra = found.subtracting(expected).sorted().prefix(3)
                Issue.record("\(day.iso): missing \(Array(missing)), extra \(Array(extra))")
                return
            }
            let totals = reconciliation.totals()
            #expect(result.totals == totals, "totals of \(day.iso)")
            if result.recomputed < engine.parts.partitions.count { partial += 1 }
            codes.formUnion(expected.map { String($0.prefix(4)) })
        }
        #expect(!engine.wholeOnly)
        if expectPartial { #expect(partial > days.count / 2, "most dates recompute a part of the city") }
        for code in ["E001", "E003", "E004", "E201", "E301", "E303", "E409", "E501", "E503", "E505"] {
            #expect(codes.contains(code), "\(code) raised on some date")
        }
    }

    /// What `rerun` compared before the engine: the whole ledger of the date.
    static func whole(_ history: LedgerHistory, _ approvals: ClaimApprovalHistory, asOf day: Day) -> Reconciliation {
        Reconciliation(ledger: history.ledger(asOf: day), approvals: approvals.latest(before: day))
    }

    /// Findings as the lifecycle keeps them (the first of each key), key and payload.
    static func rows(_ findings: [Finding]) -> Set<String> {
        Set(ExceptionLifecycle.reportable(findings, acknowledged: []).map { "\($0.key) \($0.payload)" })
    }

    /// The late-changes city (`deliverCityWithLateChanges`), taken whole, with two claim runs for
    /// 2026 (approvals that E505 compares with the subsidy computed as of each later date).
    static func lateChangesCity() throws -> (LedgerHistory, ClaimApprovalHistory) {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        try ws.deliverCityWithLateChanges(borrowers: 40, from: "2026-01-01", to: "2026-06-30")
        try ws.deliverCertificationOfLTEST1()
        let logger = Logger(label: "test")
        _ = try DailyJob(workspace: ws.workspace, logger: logger).run(asOf: last, intakeOnly: true)
        let store = try Store.open(path: ws.workspace.storePath)
        let before = try deliverRevocationAndClaim(ws, store: store)
        _ = try DailyJob(workspace: ws.workspace, logger: logger).run(asOf: last, intakeOnly: true)
        let history = try LedgerLoader(store: store).history(through: last, settings: ws.settings)
        try #require(history.claimLines.count == before.claimLines.count + 1)
        try #require(history.snapshots.count == before.snapshots.count + 1)
        var approvals = try store.approvalHistory(before: last + 1).approvals
        // Approvals as claim runs of 2026 would record them: the subsidy computed as of their date,
        // plus a fen on some (the recovery of E505), and one for a loanNo no record names.
        for (asOf, extra) in [(Day(iso: "2026-03-15")!, Fen(1)), (Day(iso: "2026-05-20")!, Fen(0))] {
            let subsidy = Reconciliation(ledger: history.ledger(asOf: asOf)).context.subsidy
            for (index, line) in subsidy.subsidies(year: 2026).enumerated() where index % 2 == 0 {
                approvals.append(.init(loanNo: line.loanNo, year: 2026, approved: line.computed + extra, asOf: asOf))
            }
        }
        approvals.append(.init(loanNo: "LNOBODY", year: 2026, approved: Fen(500), asOf: Day(iso: "2026-04-01")!))
        return (history, ClaimApprovalHistory(approvals: approvals))
    }

    /// Two borrowers subsidised in March: one's certification revoked on 12 May by a list of
    /// their department that names only them (every other person of that list leaves it for a
    /// week); the other's bank claims for 2026 on 20 March what the subsidy will be on 20 April
    /// (E501 until then, E503 after, with no record arriving on either day). The two files go
    /// to the inbox; the history before them is returned.
    @discardableResult
    static func deliverRevocationAndClaim(_ ws: TemporaryWorkspace, store: Store) throws -> LedgerHistory {
        let before = try LedgerLoader(store: store).history(through: last, settings: ws.settings)
        let lines = Reconciliation(ledger: before.ledger(asOf: Day(iso: "2026-03-15")!)).context.subsidy.subsidies(year: 2026)
        try #require(lines.count >= 4)
        let revoked = lines[1], claimed = lines[3]
        let march = before.ledger(asOf: Day(iso: "2026-03-15")!)
        let listed = march.snapshots.sorted { $0.key < $1.key }.compactMap { department, snapshots -> (String, HardshipSnapshot.Row)? in
            guard let row = snapshots.last?.rows.first(where: { $0.idNumber == revoked.idNumber }) else { return nil }
            return (department, row)
        }
        let (department, row) = try #require(listed.first)
        try ws.deliver("\(department)_HARD_360700_20260512_009.csv", try ImportProbe.gb18030(
            "\(TemporaryWorkspace.hardshipHeader)\r\n\(revoked.idNumber),\(revoked.name),\(row.category.name),360702,\(row.certifiedOn.iso),2026-05-12,撤销\r\n"))
        let april = Reconciliation(ledger: before.ledger(asOf: Day(iso: "2026-04-20")!)).context.subsidy
        let amount = april.computed(loanNo: claimed.loanNo, year: 2026).yuan
        try ws.deliver("B\(claimed.bankCode)_CLAIM_360700_20260320_009.txt", try ImportProbe.gb18030("""
            H|\(claimed.bankCode)|360700|CLAIM|20260320|B\(claimed.bankCode)3607002026032009|1.0
            D|\(claimed.loanNo)|\(claimed.contractNo)|\(claimed.idNumber)|\(claimed.name)|2026|20260101|20261231|365|1000.00|3.0000|\(amount)
            T|1|\(amount)

            """))
        return before
    }
}
