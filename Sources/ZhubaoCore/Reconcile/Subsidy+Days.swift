/// rules.md §4 read day by day: which days of a drawdown the government subsidises. E406
/// (rules.md §7) counts only the other days as owed by the borrower; E502 says why a claimed
/// drawdown and year has no subsidised day.
extension Subsidy {
    /// Whether the government subsidises the drawdown's interest on a day (§4).
    package func isSubsidised(loanNo: some LoanReference, on day: Day) -> Bool {
        guard let plan = plan(loanNo), let window = window(plan, year: day.year), window.contains(day) else {
            return false
        }
        return balances.balance(of: plan.drawdown.keys.loan, on: day) > .zero
    }

    /// The 积数 of the subsidised days in `from...through` (those the borrower does not owe).
    package func subsidisedAccumulated(of loanNo: some LoanReference, from: Day, through: Day) -> Fen {
        guard let plan = plan(loanNo), from <= through else { return .zero }
        var total = Fen.zero
        for year in from.year...through.year {
            guard let window = window(plan, year: year) else { continue }
            let low = max(window.lowerBound, from)
            let high = min(window.upperBound, through)
            if low <= high { total += balances.accumulated(of: plan.drawdown.keys.loan, from: low, through: high) }
        }
        return total
    }

    /// Why a drawdown has no subsidised day in a year, in Simplified Chinese, for E502. Never
    /// names the person: only dates, years and the drawdown's own facts.
    package func whyNoSubsidy(loanNo: String, year: Int) -> String {
        guard settings.profile.subsidisesInterest else { return "本市政策不贴息" }
        if lacksApprovedLoan(loanNo) {
            return "该借据的合同不是借款人在参保登记中的核准贷款（E201），不予贴息"
        }
        guard let plan = plan(loanNo) else { return "截至 \(asOf.iso) 无此借据或已冲销" }
        let drawdown = plan.drawdown
        if year > asOf.year { return "\(year) 年尚未开始（数据截至 \(asOf.iso)）" }
        guard let yearStart = Day(year: year, month: 1, day: 1), let yearEnd = Day(year: year, month: 12, day: 31)
        else { return "\(year) 不是有效年度" }
        let last = min(yearEnd, asOf)
        let first = max(yearStart, drawdown.disbursedOn)
        if first > last { return "该借据于 \(drawdown.disbursedOn.iso) 放款，\(year) 年无计息天数" }
        if let stop = plan.stop, stop <= first {
            return stop == plan.pensionStart
                ? "养老金自 \(stop.iso) 起发放，此后不再贴息"
                : "借款人已于 \(stop.iso) 死亡，此后不再贴息"
        }
        if !isEligible(drawdown.keys.person, in: year) {
            let day = eligibilityDay(of: drawdown.keys.person, in: year)
            let which = day == firstDrawdownDay(of: drawdown.keys.person) ? "首笔放款日" : "年度审核日"
            return "借款人在\(which) \(day?.iso ?? "-") 无有效困难认定，\(year) 年不符合贴息条件"
        }
        let high = plan.stop.map { min(last, $0 - 1) } ?? last
        // Eligible and a window left, yet no subsidised day: no balance on any day of it.
        return "\(first.iso) 至 \(high.iso) 借据无余额"
    }
}
