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
        let repaid = repaidThroughDate()
        for line in ledger.transactions {
            guard let drawdown = shared.liveDrawdown(line.loanNo) else { continue }
            let principal = repaid[line.loanNo]?[line.txnDate] ?? .zero
            let expected = drawdown.amount - principal
            guard line.balanceAfter != expected else { continue }
            let difference = line.balanceAfter - expected
            found.append(Finding(
                code: "E407", subject: .transaction(line), amount: difference, source: line.source,
                detail: "\(line.txnDate.iso) 银行报送余额 \(line.balanceAfter.yuan) 元；放款 \(drawdown.amount.yuan) 元"
                    + "减截至当日已还本金 \(principal.yuan) 元应为 \(expected.yuan) 元，差 \(difference.yuan) 元"))
        }
        return found
    }

    /// Per loanNo and for each date on which the drawdown has a line: the principal repaid by
    /// its S/P lines dated on or before that date.
    func repaidThroughDate() -> [String: [Day: Fen]] {
        var result: [String: [Day: Fen]] = [:]
        for loanNo in shared.lineIndexesByLoan.keys {
            let lines = shared.lines(of: loanNo)
            var total = Fen.zero
            var byDate: [Day: Fen] = [:]
            // Lines are in date order: after adding a line, the total is the repayment through
            // its date as soon as the last line of that date is added.
            for line in lines {
                if line.collected { total += line.principalPaid }
                byDate[line.txnDate] = total
            }
            result[loanNo] = byDate
        }
        return result
    }
}
