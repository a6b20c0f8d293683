import Foundation

/// The state a `run` leaves for the next one (`NextDayRun`, `EngineState`).
extension DailyReport {
    /// Computes D: from the last run's state when it can be carried, else the whole city.
    func computeCarrying(asOf day: Day) throws -> Computed {
        try NextDayRun(report: self).compute(asOf: day) ?? compute(asOf: day)
    }

    /// Leaves the state of D, after its lifecycle is recorded: whole after a computation of the
    /// whole city, the recomputed loans' rows replaced after a next-day run. A run killed before
    /// this leaves the state of an earlier run, which the next run does not carry.
    func saveEngineState(_ computed: Computed, _ result: Result) throws {
        let reconciliation: Reconciliation, replacing: Set<String>?
        switch computed.basis {
        case .whole(let whole): (reconciliation, replacing) = (whole, nil)
        case .part(let part): (reconciliation, replacing) = (part.reconciliation, part.loans)
        case .range: return
        }
        var loans: [String: EngineLoanRecord] = [:]
        if settings.profile.subsidisesInterest {
            let keys = reconciliation.ledger.keys
            for accrual in reconciliation.subsidy.accruals(year: computed.asOf.year) {
                let loanNo = keys.loans[accrual.loan]
                loans[loanNo] = EngineLoanRecord(loanNo: loanNo, accrual: EngineState.text(accrual))
            }
        }
        for (bank, lines) in result.plan.eligibility {
            for line in lines where replacing.map({ $0.contains(line.fields[0]) }) ?? true {
                let loanNo = line.fields[0]
                var row = loans[loanNo] ?? EngineLoanRecord(loanNo: loanNo)
                (row.eligBank, row.eligLine) = (bank, EngineState.text(line))
                loans[loanNo] = row
            }
        }
        guard let cutoff = try store.fileCutoffs(from: computed.asOf, through: computed.asOf)[computed.asOf.iso] ?? nil else {
            return try store.clearEngineState()
        }
        let state = EngineStateRecord(
            asOf: computed.asOf.iso, lastFileId: cutoff, lastClaimRunId: try store.lastClaimRunId(),
            fingerprint: EngineState.fingerprint(workspace: workspace), totals: EngineState.text(computed.totals),
            banks: result.plan.eligibility.keys.sorted().joined(separator: ","))
        try store.saveEngineState(state, loans: loans.keys.sorted().map { loans[$0]! }, replacing: replacing)
    }
}
