import Foundation
import Logging

/// The next-day `run` (issue 14; docs/engine-plan.md Option B): instead of the whole city, the
/// run of D reads and computes only the components (`Partitions`) whose findings or totals can
/// differ from those of the last run P — those with a record, a date or a snapshot change in
/// (P, D] (`Store.changedKeys`), every one holding a finding at P, and those with a claim of D's
/// year — and carries the rest from the state P left (`EngineState`): the year's totals, less
/// the recomputed components' totals as of P, plus theirs as of D; each other drawdown's accrual
/// read at D; the other ELIG lines. A component with nothing new and no finding at P has none at
/// D (`RangeEngine` relies on the same), so D's findings are the recomputed components' and the
/// city's intake findings, which the part's ledger holds whole (every record with an invalid ID
/// number, every record repeating a unique key).
///
/// Taken only when the state is P's, the run's (same date as the latest daily run, same files)
/// and the same settings, reference data and program (`EngineState.fingerprint`), D is on or
/// after P in the same year and does not cross the review date, and no hardship snapshot dated
/// on or before P arrived since; else the run computes the whole city and leaves a new state.
/// `NextDayRunTests` compare both ways, date after date.
struct NextDayRun {
    let report: DailyReport

    /// What the run left for D, or why not (logged).
    enum Carried {
        case state(EngineStateRecord, Store.Since, DailySummary.Totals)
        case none(String)
    }

    func carried(asOf day: Day) throws -> Carried {
        let store = report.store, settings = report.settings
        guard let state = try store.engineState() else { return .none("no state") }
        guard state.fingerprint == EngineState.fingerprint(workspace: report.workspace) else { return .none("settings or program changed") }
        guard let p = Day(iso: state.asOf), let totals = EngineState.totals(state.totals) else { return .none("unreadable state") }
        guard day >= p, day.year == p.year else { return .none("another year or an earlier date") }
        let review = settings.reviewDate(in: day.year)
        guard !(p < review && day >= review) else { return .none("the review date") }
        guard let last = try store.lastDailyRun(), last == p,
              try store.fileCutoffs(from: p, through: p)[p.iso] == state.lastFileId else { return .none("not the last run's") }
        return .state(state, Store.Since(asOf: p, lastFileId: state.lastFileId, lastClaimRunId: state.lastClaimRunId), totals)
    }

    /// D computed from the last run's state; nil when the run must compute the whole city.
    func compute(asOf day: Day) throws -> DailyReport.Computed? {
        let store = report.store, settings = report.settings
        func whole(_ reason: String) -> DailyReport.Computed? {
            report.logger.info("the whole city is computed", metadata: ["why": "\(reason)"])
            return nil
        }
        let since: Store.Since, banks: Set<String>
        var totals: DailySummary.Totals
        switch try carried(asOf: day) {
        case .none(let reason): return whole(reason)
        case .state(let state, let carried, let carriedTotals):
            (since, totals, banks) = (carried, carriedTotals, Set(state.banks.split(separator: ",").map(String.init)))
        }
        try report.indexBuild?.wait()  // the key and date queries below read the indexes
        guard let changed = try store.changedKeys(since: since, asOf: day, settings: settings) else {
            return whole("a hardship snapshot dated on or before the last run")
        }
        let keys = try store.database.read { try changed.closed($0) }
        let now = try LedgerLoader(store: store, fileCutoff: nil, only: keys).history(through: day, settings: settings)
        let then = try LedgerLoader(store: store, fileCutoff: since.lastFileId, only: keys).history(through: since.asOf, settings: settings)
        let orphans = try store.approvedLoansNamedByNoRecord()
        let approvals = try store.latestApprovals(before: day).filter { keys.loans.contains($0.loanNo) || orphans.contains($0.loanNo) }
        let reconciliation = Reconciliation(ledger: now.ledger(asOf: day), approvals: approvals)
        var before = DailySummary.Totals()
        Reconciliation(ledger: then.ledger(asOf: since.asOf)).countYearToDate { _, counted in before.add(counted) }
        totals.add(before, sign: -1)
        reconciliation.countYearToDate { _, counted in totals.add(counted) }

        let loans = keys.loans
        var carriedLines: [String: [OutboundLine]] = [:]
        var accrued = Fen.zero
        var unreadable: String?
        try store.eachEngineLoan(except: loans) { accrualText, bank, lineText in
            if let accrualText {
                guard let accrual = EngineState.accrual(accrualText) else { return unreadable = "an unreadable accrual" }
                accrued += accrual.accrued(through: day)
            }
            if let bank, let lineText {
                guard let line = EngineState.line(lineText) else { return unreadable = "an unreadable ELIG line" }
                carriedLines[bank, default: []].append(line)
            }
        }
        if let unreadable { return whole(unreadable) }
        if settings.profile.subsidisesInterest {
            for accrual in reconciliation.subsidy.accruals(year: day.year) { accrued += accrual.accrued(through: day) }
            totals.subsidyAccrued = accrued
        }
        report.logger.info("the run reads part of the city", metadata: [
            "loans": "\(keys.loans.count)", "persons": "\(keys.persons.count)",
        ])
        return DailyReport.Computed(asOf: day, findings: reconciliation.findings(), totals: totals,
                                    basis: .part(PartBasis(reconciliation: reconciliation, loans: loans,
                                                           carriedLines: carriedLines, banks: banks, store: store)))
    }
}

/// A next-day run's part of the city: what its reports and outbound plan read.
struct PartBasis: Sendable {
    /// The recomputed components as of D.
    let reconciliation: Reconciliation
    /// Their loanNos (their rows of `engineLoan` are replaced).
    let loans: Set<String>
    /// The ELIG lines of the other drawdowns, by recipient, as the last run left them.
    let carriedLines: [String: [OutboundLine]]
    /// Every bank the last run's ELIG lists went to.
    let banks: Set<String>
    let store: Store
}
