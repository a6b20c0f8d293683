/// What the rule families read, computed once per ledger (once per date): the drawdowns that
/// take part in the one order every rule uses, the lookups by loanNo and by contract, who holds
/// each contract, the bank lines of each drawdown, the balances, the subsidy, the match of §6 and
/// the claim approvals of earlier `zhubao claim` runs. Every family reads this and nothing else
/// (`RuleFamily`); none computes a piece of it again, none calls into another family.
package struct ReconcileContext: Sendable {
    package let ledger: Ledger
    /// What earlier `zhubao claim` runs approved (for E505), given as a value by the caller.
    package let approvals: [ClaimRecovery.Approval]
    /// The drawdowns that take part (not cancelled, rules.md §2), in order of disbursement date,
    /// then loanNo: the order of every rule that goes drawdown by drawdown.
    package let live: [Drawdown]
    /// The position in `ledger.drawdowns` of each loan's drawdown, cancelled ones included, by
    /// `LoanKey` (−1: none). The ledger holds one DISB status N per loanNo (rules.md §1: the first
    /// stands, a later one raises E004); should a hand-built ledger hold two, the first in ledger
    /// order stands here, for every rule alike.
    let drawdownPositions: [Int32]
    /// Each borrower's first drawdown (rules.md §4), the first of `live` with their ID number:
    /// its position in `live`, by `PersonKey` (−1: none).
    let firstDrawdownPositions: [Int32]
    /// contract → the people whose register record as of D holds it as the approved loan
    /// (sorted by ID number), and the people named on its live drawdowns (sorted), by `ContractKey`.
    let holders: [[ContractHolder]]
    let drawdownBorrowers: [[PersonKey]]
    /// The indexes in `ledger.transactions` of each loan's lines, in order of date, then txnNo,
    /// by `LoanKey` (indexes, not copies: the lines stay where the ledger holds them).
    let lineIndexesByLoan: [[Int]]
    package let balances: Balances
    package let subsidy: Subsidy
    package let matching: Matching

    package init(ledger: Ledger, approvals: [ClaimRecovery.Approval] = []) {
        let ledger = ledger.interned()
        self.ledger = ledger
        self.approvals = approvals
        let keys = ledger.keys
        let live = Self.liveDrawdowns(ledger)
        self.live = live
        // A whole city (as many live drawdowns as `Reconciliation.asideFrom`): the certification
        // runs (rules.md §3), a third of this context's time, are found on a thread of their own
        // while the rest is computed here; a part of the city or a test's ledger does it all here.
        let certifying = live.count >= Reconciliation.asideFrom ? Background { Certification(ledger: ledger) } : nil
        var positions = [Int32](repeating: -1, count: keys.loans.count)
        for (index, drawdown) in ledger.drawdowns.enumerated() where positions[drawdown.keys.loan.position] < 0 {
            positions[drawdown.keys.loan.position] = Int32(index)
        }
        drawdownPositions = positions
        var first = [Int32](repeating: -1, count: keys.persons.count)
        var people = [[PersonKey]](repeating: [], count: keys.contracts.count)
        for (index, drawdown) in live.enumerated() {
            if first[drawdown.keys.person.position] < 0 { first[drawdown.keys.person.position] = Int32(index) }
            people[drawdown.keys.contract.position].append(drawdown.keys.person)
        }
        firstDrawdownPositions = first
        drawdownBorrowers = people.map { $0.count > 1 ? Array(Set($0)).sorted() : $0 }
        holders = Self.approvedLoans(ledger)
        let lines = Self.lineIndexes(ledger)
        lineIndexesByLoan = lines
        let balances = Balances(ledger: ledger, lineIndexes: lines, drawdownPositions: positions)
        self.balances = balances
        matching = Matching(ledger, live: live)
        let certification = (try? certifying?.wait()) ?? Certification(ledger: ledger)
        subsidy = Subsidy(ledger: ledger, balances: balances, certification: certification,
                          live: live, firstDrawdowns: first)
    }

    /// The drawdown of a loan, cancelled or not; nil for a key that names none.
    func drawdown(_ loan: LoanKey) -> Drawdown? {
        guard !loan.isNone, loan.position < drawdownPositions.count else { return nil }
        let position = drawdownPositions[loan.position]
        return position < 0 ? nil : ledger.drawdowns[Int(position)]
    }

    /// The drawdown of a loanNo, cancelled or not; nil for an unknown one.
    func drawdown(_ loanNo: String) -> Drawdown? {
        ledger.keys.loans.key(loanNo).flatMap { drawdown($0) }
    }

    /// The drawdown of a loan that takes part; nil for an unknown or cancelled one.
    func liveDrawdown(_ loan: LoanKey) -> Drawdown? {
        guard let drawdown = drawdown(loan), !drawdown.cancelled else { return nil }
        return drawdown
    }

    /// The person of a loan's drawdown that takes part; nil for an unknown or cancelled one.
    func livePerson(_ loan: LoanKey) -> PersonKey? {
        guard !loan.isNone, loan.position < drawdownPositions.count else { return nil }
        let position = drawdownPositions[loan.position]
        guard position >= 0 else { return nil }
        return ledger.drawdowns[Int(position)].cancelled ? nil : ledger.drawdowns[Int(position)].keys.person
    }

    /// The indexes of a loan's bank lines in `ledger.transactions`, in order of date, then txnNo.
    func lineIndexes(of loan: LoanKey) -> [Int] {
        loan.isNone || loan.position >= lineIndexesByLoan.count ? [] : lineIndexesByLoan[loan.position]
    }

    /// The indexes of the ledger's bank lines by `LoanKey`, each group in order of date, then txnNo.
    static func lineIndexes(_ ledger: Ledger) -> [[Int]] {
        let transactions = ledger.transactions
        var lines = [[Int]](repeating: [], count: ledger.keys.loans.count)
        for (index, transaction) in transactions.enumerated() { lines[transaction.keys.loan.position].append(index) }
        for loan in lines.indices where lines[loan].count > 1 {
            lines[loan].sort { chronological(transactions[$0], transactions[$1]) }
        }
        return lines
    }

    /// rules.md §7 (E403, E406, E407): bank lines by date, then txnNo.
    static func chronological(_ a: Transaction, _ b: Transaction) -> Bool {
        (a.txnDate, a.txnNo) < (b.txnDate, b.txnNo)
    }

    /// Drawdowns that take part (not cancelled), in order of disbursement date, then loanNo.
    /// The loanNo's order is that of its key (keys are numbered in sorted order of the strings):
    /// the ledger is interned.
    static func liveDrawdowns(_ ledger: Ledger) -> [Drawdown] {
        ledger.drawdowns.filter { !$0.cancelled }
            .sorted { ($0.disbursedOn, $0.keys.loan) < ($1.disbursedOn, $1.keys.loan) }
    }
}
