/// E402 and E403 (rules.md §7): failed collections, and runs of failed pension deductions.
extension DeductionRules.Context {
    /// E402 (WARN): a repayment or deduction of any kind that failed (result F); the bank must
    /// tell the borrower (附件3 step 6). Amount: the line's `due`. In ledger order.
    func failedCollections() -> [Finding] {
        ledger.transactions.filter { $0.result == .failed }.map { line in
            Finding(code: .e402, subject: .transaction(line), amount: line.due, source: line.source,
                    detail: "\(line.txnDate.iso) \(DeductionRules.kindName(line.kind))失败，应扣 \(line.due.yuan) 元，"
                        + "银行应告知借款人")
        }
    }

    /// E403: the `failuresToEscalate`-th (default 3, rules.md §8) failed pension deduction in a
    /// row for a drawdown.
    ///
    /// - The drawdown's kind-P lines, in order of date, then txnNo (all lines of one date are
    ///   ordered by txnNo among themselves).
    /// - A kind-P line with result F counts; one with result S or P ends the run (a partly
    ///   collected deduction is not a failure). Lines of other kinds (V, E, D) neither count
    ///   nor end it, whatever their result.
    /// - Once per run: the line that reaches the count raises E403 with its `due`; later
    ///   failures of the same run raise nothing new. A new run (after an S or P) can raise again.
    /// - A setting below 1 is read as 1 (every failed deduction escalates).
    func failureRuns() -> [Finding] {
        let threshold = max(1, ledger.settings.failuresToEscalate)
        var found: [Finding] = []
        let transactions = transactions
        // Loan by loan in order of loanNo (the keys' order is that of the loanNos).
        for indexes in shared.lineIndexesByLoan {
            var run: [Day] = []  // the dates of the current run of failures
            for index in indexes where transactions[index].isPensionDeduction {
                let line = transactions[index]
                guard line.result == .failed else {
                    if line.collected { run = [] }
                    continue
                }
                run.append(line.txnDate)
                guard run.count == threshold else { continue }
                let dates = run.map(\.iso).joined(separator: "、")
                found.append(Finding(
                    code: .e403, subject: .transaction(line), amount: line.due, source: line.source,
                    detail: "连续第 \(threshold) 次养老金扣款失败（\(dates)），本次应扣 \(line.due.yuan) 元"))
            }
        }
        return found
    }
}
