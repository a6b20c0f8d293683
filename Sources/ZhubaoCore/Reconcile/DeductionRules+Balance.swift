/// E407 (rules.md §7): the bank's books against the drawdown's balance.
extension DeductionRules.Context {
    /// E407: a line's `balanceAfter` differs from the drawdown's amount minus the principal
    /// repaid by S/P transactions of that drawdown dated on or before the line's `txnDate`.
    /// Amount: `balanceAfter` − that, signed (positive: the bank shows more outstanding than
    /// was lent less repaid).
    ///
    /// - Every line is checked, whatever its kind and result: a failed line still states the
    ///   balance by the bank's books.
    /// - "Dated on or before txnDate" is by date, as the text says: every S/P line of the same
    ///   date counts, those with a later txnNo and the line itself included. A bank that
    ///   reports two repayments on one day with the intermediate balance after the first shows
    ///   E407 on the first: the balance is a day's balance (rules.md §2), not a running one.
    /// - The comparison uses the amount of the drawdown (`ledger.drawdowns`, not cancelled)
    ///   as the E407 row says; a line dated before the disbursement is compared the same way.
    func balanceMismatches() -> [Finding] {
        var found: [Finding] = []
        let transactions = ledger.transactions
        let (amounts, repaid) = repaidThroughDate()
        for index in transactions.indices {
            // No amount: the line's drawdown is not in the ledger or is cancelled.
            guard let amount = amounts[index] else { continue }
            let principal = repaid[index]
            let expected = amount - principal
            // Most lines agree: only a line that raises E407 is copied out of the ledger.
            guard transactions[index].balanceAfter != expected else { continue }
            let line = transactions[index]
            guard let finding = Finding.gap(.e407, .transaction(line), source: line.source, actual: line.balanceAfter,
                                            expected: expected, acceptable: ==, detail: { difference in
                "\(line.txnDate.iso) 银行报送余额 \(line.balanceAfter.yuan) 元；放款 \(amount.yuan) 元"
                    + "减截至当日已还本金 \(principal.yuan) 元应为 \(expected.yuan) 元，差 \(difference.yuan) 元"
            }) else { continue }
            found.append(finding)
        }
        return found
    }

    /// For each line of `ledger.transactions` (same index): the amount of its drawdown (nil when
    /// the drawdown is not live), and the principal repaid by that drawdown's S/P lines dated on
    /// or before the line's date.
    func repaidThroughDate() -> (amounts: [Fen?], repaid: [Fen]) {
        let transactions = ledger.transactions
        var amounts = [Fen?](repeating: nil, count: transactions.count)
        var repaid = [Fen](repeating: .zero, count: transactions.count)
        for (loan, indexes) in shared.lineIndexesByLoan.enumerated() where !indexes.isEmpty {
            guard let amount = shared.liveDrawdown(LoanKey(Int32(loan)))?.amount else { continue }
            // Lines are in date order: the total through a date is known once its last line is added.
            var total = Fen.zero
            var start = 0
            for (position, index) in indexes.enumerated() {
                let line = transactions[index]
                if line.collected { total += line.principalPaid }
                let next = position + 1
                guard next == indexes.count || transactions[indexes[next]].txnDate != line.txnDate else { continue }
                for same in indexes[start..<next] {
                    amounts[same] = amount
                    repaid[same] = total
                }
                start = next
            }
        }
        return (amounts, repaid)
    }
}
