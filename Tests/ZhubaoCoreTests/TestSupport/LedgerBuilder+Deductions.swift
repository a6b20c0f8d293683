@testable import ZhubaoCore

/// Deduction lines (formats.md §5) for the rule tests of the deduction family.
extension LedgerBuilder {
    static let sscAccount = "6217002030001234567"
    static let otherAccount = "6228480000000009876"

    /// A DEDU line with every field stated and its own source line (`line`, default: its
    /// position); `due` defaults to what was collected. `pension` and `basic` are kept on kind-P
    /// lines only, as formats.md §5 has them.
    mutating func deduction(_ txnNo: String, loan: String = "L1", contract: String = "C1",
                            id: String = LedgerBuilder.borrower, date: String, kind: TransactionKind = .pensionDeduction,
                            principal: String = "0.00", interest: String = "0.00", result: TransactionResult = .succeeded,
                            due: String? = nil, pension: String? = "1386.50", basic: String? = nil,
                            balanceAfter: String = "0.00", account: String = LedgerBuilder.sscAccount,
                            line: Int? = nil) {
        let collected = fen(principal) + fen(interest)
        let number = line ?? history.transactions.count + 2
        history.transactions.append(.init(day: LedgerBuilder.counts, value: Transaction(
            txnNo: txnNo, loanNo: loan, contractNo: contract, idNumber: id, txnDate: d(date), kind: kind,
            due: due.map(fen) ?? collected, principalPaid: fen(principal), interestPaid: fen(interest),
            result: result, pension: kind == .pensionDeduction ? pension.map(fen) : nil,
            basicPension: kind == .pensionDeduction ? basic.map(fen) : nil, balanceAfter: fen(balanceAfter),
            account: account, source: "B105_DEDU_360700_20260430_001.txt:\(number)")))
    }

    /// A failed line: nothing collected, `due` what the bank tried to take.
    mutating func failed(_ txnNo: String, loan: String = "L1", date: String, kind: TransactionKind = .pensionDeduction,
                         due: String = "300.00", pension: String? = "1386.50", balanceAfter: String = "0.00") {
        deduction(txnNo, loan: loan, date: date, kind: kind, result: .failed, due: due, pension: pension,
                  balanceAfter: balanceAfter)
    }
}
