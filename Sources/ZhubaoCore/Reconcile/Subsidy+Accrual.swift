/// summary.json's `subsidyAccrued` as a function of D (rules.md §4, §2): for each drawdown the
/// year's window is `[low, min(high, D)]`, and its subsidy `Interest.of(积数 over the window)`,
/// rounded once per drawdown — so that between two dates on which no record of the drawdown's
/// component changes, the accrual of any date is the schedule's prefix sums read at D, without
/// computing the subsidy again (`RangeEngine`).
extension Subsidy {
    /// One drawdown's accrual in a year, D left open.
    struct Accrual: Sendable {
        let loan: LoanKey
        let schedule: Balances.Schedule
        let low: Day, high: Day
        let rate: Rate

        /// The subsidy accrued from `low` through D (D within the year): what `line(…)?.computed`
        /// gives as of D.
        func accrued(through day: Day) -> Fen {
            let last = min(high, day)
            guard low <= last else { return .zero }
            let span = schedule.span(low.ordinal, last.ordinal)
            return span.days > 0 ? Interest.of(accumulated: Fen(span.sum), rate: rate) : .zero
        }
    }

    /// The accruals of the year of every drawdown that can be subsidised, in order of loanNo.
    func accruals(year: Int) -> [Accrual] {
        plannedLoans.compactMap { loan in
            guard let plan = plan(loan), let window = openWindow(plan, year: year),
                  let schedule = balances.schedule(loan) else { return nil }
            return Accrual(loan: loan, schedule: schedule, low: window.low, high: window.high, rate: plan.rate)
        }
    }
}
