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
    /// Every drawdown of the ledger by loanNo, cancelled ones included. The ledger holds one DISB
    /// status N per loanNo (rules.md §1: the first stands, a later one raises E004); should a
    /// hand-built ledger hold two, the first in ledger order stands here, for every rule alike.
    let drawdownsByLoan: [String: Drawdown]
    /// Each borrower's first drawdown (rules.md §4): the first of `live` with their ID number.
    let firstDrawdowns: [String: Drawdown]
    /// contract → the people whose register record as of D holds it as the approved loan
    /// (sorted by ID number), and the people named on its live drawdowns (sorted).
    let holders: [String: [ContractHolder]]
    let drawdownBorrowers: [String: [String]]
    /// The indexes in `ledger.transactions` of each loanNo's lines, in order of date, then txnNo
    /// (indexes, not copies: the lines stay where the ledger holds them).
    let lineIndexesByLoan: [String: [Int]]
    package let balances: Balances
    package let subsidy: Subsidy
    package let matching: Matching

    package init(ledger: Ledger, approvals: [ClaimRecovery.Approval] = []) {
        self.ledger = ledger
        self.approvals = approvals
        let live = Self.liveDrawdowns(ledger)
        self.live = live
        var byLoan: [String: Drawdown] = [:]
        byLoan.reserveCapacity(ledger.drawdowns.count)
        for drawdown in ledger.drawdowns where byLoan[drawdown.loanNo] == nil { byLoan[drawdown.loanNo] = drawdown }
        drawdownsByLoan = byLoan
        var first: [String: Drawdown] = [:]
        var people: [String: Set<String>] = [:]
        for drawdown in live {
            if first[drawdown.idNumber] == nil { first[drawdown.idNumber] = drawdown }
            people[drawdown.contractNo, default: []].insert(drawdown.idNumber)
        }
        firstDrawdowns = first
        drawdownBorrowers = people.mapValues { $0.sorted() }
        holders = Self.approvedLoans(ledger)
        let lines = Self.lineIndexes(ledger)
        lineIndexesByLoan = lines
        let balances = Balances(ledger: ledger, lineIndexes: lines, drawdowns: byLoan)
        self.balances = balances
        subsidy = Subsidy(ledger: ledger, balances: balances, certification: Certification(ledger: ledger),
                          live: live, firstDrawdowns: first)
        matching = Matching(ledger, live: live)
    }

    /// The drawdown of a loanNo that takes part; nil for an unknown or cancelled one.
    func liveDrawdown(_ loanNo: String) -> Drawdown? {
        guard let drawdown = drawdownsByLoan[loanNo], !drawdown.cancelled else { return nil }
        return drawdown
    }

    /// The bank lines of a loanNo, in order of date, then txnNo (empty for none).
    func lines(of loanNo: String) -> [Transaction] {
        lineIndexesByLoan[loanNo]?.map { ledger.transactions[$0] } ?? []
    }

    /// The indexes of the ledger's bank lines by loanNo, each group in order of date, then txnNo.
    static func lineIndexes(_ ledger: Ledger) -> [String: [Int]] {
        let transactions = ledger.transactions
        var lines: [String: [Int]] = [:]
        for (index, transaction) in transactions.enumerated() { lines[transaction.loanNo, default: []].append(index) }
        return lines.mapValues { $0.sorted { chronological(transactions[$0], transactions[$1]) } }
    }

    /// rules.md §7 (E403, E406, E407): bank lines by date, then txnNo.
    static func chronological(_ a: Transaction, _ b: Transaction) -> Bool {
        (a.txnDate, a.txnNo) < (b.txnDate, b.txnNo)
    }

    /// Drawdowns that take part (not cancelled), in order of disbursement date, then loanNo.
    static func liveDrawdowns(_ ledger: Ledger) -> [Drawdown] {
        ledger.drawdowns.filter { !$0.cancelled }.sorted { ($0.disbursedOn, $0.loanNo) < ($1.disbursedOn, $1.loanNo) }
    }
}
