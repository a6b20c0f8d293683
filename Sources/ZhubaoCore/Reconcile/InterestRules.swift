/// rules.md §2 and §7, E406 (both profiles): interest overcharged. At each transaction t of a
/// drawdown on or before D (in order of date, then txnNo), the interest collected through t
/// (Σ `interestPaid` of the S/P transactions up to and including t) must not exceed what the
/// borrower owed for the days before t's date: the balance summed over the days from
/// disbursement to the day before t that the government does not subsidise (§4), × the
/// contract rate ÷ 360, rounded once (第八条(三): early repayment pays interest for the actual
/// days only). One E406 per drawdown, with the largest excess as its amount.
///
/// The days before t's date, not t's own day: 算头不算尾 (§2), a payoff dated t ends the
/// interest the day before. Negative balances bear no interest (`Balances`).
package enum InterestRules: RuleFamily {
    /// The largest overcharge of one drawdown: where it was found and the numbers behind it.
    package struct Overcharge: Sendable, Equatable {
        package var transaction: Transaction
        /// Interest collected through the transaction.
        package var collected: Fen
        /// 积数 of the days owed by the borrower (not subsidised) before the transaction's date.
        package var accumulated: Fen
        /// Interest owed for those days at the contract rate, rounded once.
        package var owed: Fen
        /// The subsidised days' 积数 left out of `accumulated`.
        package var subsidised: Fen
        package var excess: Fen { collected - owed }
    }

    /// E406 for every drawdown that takes part, building the balances and the subsidy.
    package static func findings(ledger: Ledger) -> [Finding] {
        findings(ReconcileContext(ledger: ledger))
    }

    /// E406 for every drawdown that takes part (not cancelled), in order of disbursement date,
    /// then loanNo.
    static func findings(_ context: ReconcileContext) -> [Finding] {
        let asOf = context.ledger.asOf
        var findings: [Finding] = []
        let transactions = context.ledger.transactions
        for drawdown in context.live {
            // Lines are in order of date, then txnNo: those dated on or before D are a prefix.
            let through = context.lineIndexes(of: drawdown.keys.loan).prefix { transactions[$0].txnDate <= asOf }
            guard !through.isEmpty,
                  let worst = overcharge(drawdown, ordered: through, of: transactions,
                                         balances: context.balances, subsidy: context.subsidy)
            else { continue }
            findings.append(Finding(code: .e406, subject: .drawdown(drawdown), amount: worst.excess,
                                    source: drawdown.source, detail: detail(drawdown, worst)))
        }
        return findings
    }

    /// The transaction at which the bank had collected the most interest beyond what was owed;
    /// nil when it never collected more than owed. `ordered`: the drawdown's lines, in order of
    /// date, then txnNo.
    static func overcharge(_ drawdown: Drawdown, ordered: ArraySlice<Int>, of transactions: [Transaction],
                           balances: Balances, subsidy: Subsidy) -> Overcharge? {
        var collected = Fen.zero
        // The worst line so far, by its position and figures: the line is copied only once, at the end.
        var worst: (index: Int, collected: Fen, accumulated: Fen, owed: Fen, subsidised: Fen)?
        for index in ordered {
            if transactions[index].collected { collected += transactions[index].interestPaid }
            // Nothing collected beyond zero can exceed an owed amount that is never negative.
            guard collected > .zero else { continue }
            let lastDay = transactions[index].txnDate - 1
            let total = balances.accumulated(of: drawdown.keys.loan, from: drawdown.disbursedOn, through: lastDay)
            let subsidised = subsidy.subsidisedAccumulated(of: drawdown.keys.loan, from: drawdown.disbursedOn,
                                                           through: lastDay)
            let accumulated = total - subsidised
            let owed = Interest.of(accumulated: accumulated, rate: drawdown.rate)
            if collected - owed > (worst.map { $0.collected - $0.owed } ?? .zero) {
                worst = (index, collected, accumulated, owed, subsidised)
            }
        }
        return worst.map {
            Overcharge(transaction: transactions[$0.index], collected: $0.collected, accumulated: $0.accumulated,
                       owed: $0.owed, subsidised: $0.subsidised)
        }
    }

    /// Simplified Chinese, with the numbers; names no person and no account.
    static func detail(_ drawdown: Drawdown, _ worst: Overcharge) -> String {
        let t = worst.transaction
        let days: String
        if t.txnDate <= drawdown.disbursedOn {
            days = "放款日 \(drawdown.disbursedOn.iso) 起至该日前无计息天数，应收 0.00 元"
        } else {
            let total = worst.accumulated + worst.subsidised
            let share = worst.subsidised > .zero
                ? "积数 \(total.yuan)，其中贴息天数 \(worst.subsidised.yuan)，借款人负担 " : "积数 "
            days = "\(drawdown.disbursedOn.iso) 至 \((t.txnDate - 1).iso) \(share)"
                + "\(worst.accumulated.yuan) × \(drawdown.rate.percent)% ÷ 360 = \(worst.owed.yuan) 元"
        }
        return "截至 \(t.txnDate.iso)（流水 \(t.txnNo)）累计收取利息 \(worst.collected.yuan) 元；"
            + "按实际天数（算头不算尾）\(days)；多收 \(worst.excess.yuan) 元"
    }
}
