/// The deduction family of rules.md §7: what the banks' repayment and deduction lines
/// (formats.md §5, `DEDU`) show about the pension deductions and the banks' books.
///
/// | code | file | rule |
/// | --- | --- | --- |
/// | E401 | DeductionRules+Subsistence.swift | a month's pension deductions leave less than the subsistence standard (ganzhou) |
/// | E402, E403 | DeductionRules+Failures.swift | a failed collection; the third failed pension deduction in a row |
/// | E404, E405, E408 | DeductionRules+Pension.swift | basic pension taken without consent (tongling); before the pension start; wrong account |
/// | E407 | DeductionRules+Balance.swift | the bank's `balanceAfter` against the drawdown's own balance |
///
/// Only the transactions in `ledger.transactions` take part: those of drawdowns known as of D
/// and not cancelled (rules.md §2), with a valid ID number and a txnNo seen first (§1).
///
/// Readings where rules.md leaves room (each is repeated where it is applied):
/// - The **person** of a line is the borrower of the drawdown it repays (the drawdown's
///   `idNumber`; the line's own `idNumber` only where the drawdown is not in the ledger). E401
///   groups "all drawdowns of the person" by it, and the register is read for it (E404, E405,
///   E408). The exceptions' subjects stay the line's own fields (outputs.md).
/// - Lines of one drawdown are taken in order of `txnDate`, then `txnNo` (rules.md §7, E403);
///   the same order picks the "first line" whose source an E401 shows.
/// - `detail` explains the numbers and dates; it never carries an ID number, a name or an
///   account number (outputs.md "Human-readable outputs": the renderers mask only the subject
///   fields).
public enum DeductionRules {
    /// Every finding of the family, only the codes the profile switches on (rules.md §7
    /// "profiles"): E401 for ganzhou-2021, E404 for tongling-2022, the others for both.
    public static func findings(_ ledger: Ledger) -> [Finding] {
        let context = Context(ledger: ledger)
        let profile = ledger.settings.profile
        var found: [Finding] = []
        if profile.applies("E401") { found += context.subsistenceFloor() }
        if profile.applies("E402") { found += context.failedCollections() }
        if profile.applies("E403") { found += context.failureRuns() }
        if profile.applies("E404") { found += context.basicPensionTaken() }
        if profile.applies("E405") { found += context.deductionsWithoutPension() }
        if profile.applies("E407") { found += context.balanceMismatches() }
        if profile.applies("E408") { found += context.wrongAccounts() }
        return found
    }

    /// What the rules of the family share: the ledger and its lookups, built once.
    struct Context {
        let ledger: Ledger
        /// Live drawdowns by loanNo (the ledger keeps one DISB status N per loanNo, §1).
        let drawdowns: [String: Drawdown]
        /// `ledger.transactions` grouped by loanNo, each group in order of date, then txnNo.
        let linesByLoan: [String: [Transaction]]

        init(ledger: Ledger) {
            self.ledger = ledger
            var drawdowns: [String: Drawdown] = [:]
            for drawdown in ledger.drawdowns where !drawdown.cancelled && drawdowns[drawdown.loanNo] == nil {
                drawdowns[drawdown.loanNo] = drawdown
            }
            self.drawdowns = drawdowns
            var lines: [String: [Transaction]] = [:]
            for transaction in ledger.transactions { lines[transaction.loanNo, default: []].append(transaction) }
            self.linesByLoan = lines.mapValues { $0.sorted(by: Context.chronological) }
        }

        /// rules.md §7 (E403): by date, then txnNo.
        static func chronological(_ a: Transaction, _ b: Transaction) -> Bool {
            (a.txnDate, a.txnNo) < (b.txnDate, b.txnNo)
        }

        /// The borrower whose pension and register a line concerns: the drawdown's person.
        func person(of transaction: Transaction) -> String {
            drawdowns[transaction.loanNo]?.idNumber ?? transaction.idNumber
        }

        /// The kind-P lines (pension deductions, formats.md §5), in ledger order.
        var pensionDeductions: [Transaction] {
            ledger.transactions.filter(\.isPensionDeduction)
        }
    }
}

extension DeductionRules {
    /// formats.md §5 `kind`, for messages.
    static func kindName(_ kind: String) -> String {
        switch kind {
        case "P": return "养老金扣款"
        case "V": return "主动还款"
        case "E": return "提前结清"
        case "D": return "身故后个人账户结清"
        default: return "还款（类型 \(kind)）"
        }
    }

    /// formats.md §5 `result`, for messages.
    static func resultName(_ result: String) -> String {
        switch result {
        case "S": return "成功"
        case "F": return "失败"
        case "P": return "部分成功"
        default: return "结果 \(result)"
        }
    }

    /// principal + interest: what a line collected (zero when it failed).
    static func collected(_ transaction: Transaction) -> Fen {
        transaction.principalPaid + transaction.interestPaid
    }
}
