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
package enum DeductionRules: RuleFamily {
    /// Every finding of the family as of the ledger's date (a context of its own).
    package static func findings(_ ledger: Ledger) -> [Finding] {
        findings(ReconcileContext(ledger: ledger))
    }

    /// Every finding of the family, only the codes the profile switches on (rules.md §7
    /// "profiles"): E401 for ganzhou-2021, E404 for tongling-2022, the others for both.
    static func findings(_ shared: ReconcileContext) -> [Finding] {
        let context = Context(shared: shared)
        let profile = shared.ledger.settings.profile
        var found: [Finding] = []
        if profile.applies(.e401) { found += context.subsistenceFloor() }
        if profile.applies(.e402) { found += context.failedCollections() }
        if profile.applies(.e403) { found += context.failureRuns() }
        if profile.applies(.e404) { found += context.basicPensionTaken() }
        if profile.applies(.e405) { found += context.deductionsWithoutPension() }
        if profile.applies(.e407) { found += context.balanceMismatches() }
        if profile.applies(.e408) { found += context.wrongAccounts() }
        return found
    }

    /// What the rules of the family read: the reconcile context, and the kind-P lines with the
    /// person of each.
    struct Context {
        let shared: ReconcileContext
        /// The positions in `ledger.transactions` of the kind-P lines (pension deductions,
        /// formats.md §5), in ledger order: indexes, not copies of the lines.
        let pensionDeductions: [Int]
        /// The person (`person(of:)`) of each of `pensionDeductions`, at the same index.
        let pensionPersons: [PersonKey]

        init(shared: ReconcileContext) {
            self.shared = shared
            var deductions: [Int] = []
            var persons: [PersonKey] = []
            for (index, line) in shared.ledger.transactions.enumerated() where line.isPensionDeduction {
                deductions.append(index)
                persons.append(shared.livePerson(line.keys.loan) ?? line.keys.person)
            }
            pensionDeductions = deductions
            pensionPersons = persons
        }

        var ledger: Ledger { shared.ledger }
        var transactions: [Transaction] { shared.ledger.transactions }

        /// rules.md §7 (E403): by date, then txnNo.
        static func chronological(_ a: Transaction, _ b: Transaction) -> Bool {
            ReconcileContext.chronological(a, b)
        }
    }
}

extension DeductionRules {
    /// formats.md §5 `kind`, for messages.
    static func kindName(_ kind: TransactionKind) -> String {
        switch kind {
        case .pensionDeduction: return "养老金扣款"
        case .voluntary: return "主动还款"
        case .earlyPayoff: return "提前结清"
        case .deathSettlement: return "身故后个人账户结清"
        }
    }

    /// formats.md §5 `result`, for messages.
    static func resultName(_ result: TransactionResult) -> String {
        switch result {
        case .succeeded: return "成功"
        case .failed: return "失败"
        case .partial: return "部分成功"
        }
    }

    /// principal + interest: what a line collected (zero when it failed).
    static func collected(_ transaction: Transaction) -> Fen {
        transaction.principalPaid + transaction.interestPaid
    }
}
