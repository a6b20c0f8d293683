/// The parts of a ledger history that no rule of rules.md reads across (docs/engine-plan.md §2):
/// the connected components of the graph whose nodes are the history's ID numbers, loanNos and
/// contract numbers, with an edge between the keys of every record — a drawdown (person, loan,
/// contract), a receipt (person, contract), a bank line (person, loan), a claim line (loan), a
/// register record (person, the approved loan's contract) — and between a reversal and the
/// receipt it reverses (a ticket can name another person's receipt). Built over the whole history,
/// a component holds everything any date's rules read about its people, loans and contracts:
/// matching (§6) pools a contract's receipts of one person, the holders of a contract (E304, E601)
/// and its drawdowns (E206, E207) share the contract, E401 a person, a bank line its drawdown's
/// person, a claim line its loan. Evaluating a set of components alone gives, for them, what the
/// whole ledger gives; `RangeEngine` relies on it and its tests check it on every date.
struct Partitions: Sendable {
    /// The component of each key, by key position.
    let ofPerson: [Int32], ofLoan: [Int32], ofContract: [Int32]
    let count: Int

    init(_ history: LedgerHistory) {
        let keys = history.keys!
        let persons = keys.persons.count, loans = keys.loans.count, contracts = keys.contracts.count
        var union = UnionFind(count: persons + loans + contracts)
        func nodes(_ k: RecordKeys) -> [Int] {
            var found: [Int] = []
            if !k.person.isNone { found.append(k.person.position) }
            if !k.loan.isNone { found.append(persons + k.loan.position) }
            if !k.contract.isNone { found.append(persons + loans + k.contract.position) }
            return found
        }
        func join(_ k: RecordKeys) {
            let found = nodes(k)
            for node in found.dropFirst() { union.join(found[0], node) }
        }
        for drawdown in history.drawdowns.values { join(drawdown.keys) }
        for transaction in history.transactions.values { join(transaction.keys) }
        for participant in history.register.values { join(participant.keys) }
        // A reversal reverses by ticket, whoever's receipt it is: the two take part together.
        var tickets: [String: RecordKeys] = [:]
        for receipt in history.receipts.values {
            join(receipt.keys)
            if receipt.status == .normal, tickets[receipt.ticketNo] == nil { tickets[receipt.ticketNo] = receipt.keys }
        }
        for receipt in history.receipts.values where receipt.status == .reversal {
            guard let ticket = receipt.reversesTicketNo, let reversed = tickets[ticket],
                  let a = nodes(receipt.keys).first, let b = nodes(reversed).first else { continue }
            union.join(a, b)
        }
        var numbers = [Int32](repeating: -1, count: persons + loans + contracts)
        var next: Int32 = 0
        var ofNode = [Int32](repeating: 0, count: persons + loans + contracts)
        for node in ofNode.indices {
            let root = union.find(node)
            if numbers[root] < 0 { numbers[root] = next; next += 1 }
            ofNode[node] = numbers[root]
        }
        ofPerson = Array(ofNode[0..<persons])
        ofLoan = Array(ofNode[persons..<(persons + loans)])
        ofContract = Array(ofNode[(persons + loans)...])
        count = Int(next)
    }

    /// The component of a record (by any of its keys); −1 for a record with none.
    func of(_ keys: RecordKeys) -> Int32 {
        if !keys.loan.isNone { return ofLoan[keys.loan.position] }
        if !keys.person.isNone { return ofPerson[keys.person.position] }
        if !keys.contract.isNone { return ofContract[keys.contract.position] }
        return -1
    }

    /// The component a finding is about, from the identifiers of its subject (its loan, else its
    /// contract, else its person); nil for a subject naming none of the history's keys.
    func of(_ subject: Finding.Subject, keys: LedgerKeys) -> Int32? {
        if let loanNo = subject.loanNo, let key = keys.loans.key(loanNo) { return ofLoan[key.position] }
        if let contractNo = subject.contractNo, let key = keys.contracts.key(contractNo) { return ofContract[key.position] }
        if let idNumber = subject.idNumber, let key = keys.persons.key(idNumber) { return ofPerson[key.position] }
        return nil
    }
}

/// Union-find with path halving and union by size.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    mutating func find(_ node: Int) -> Int {
        var x = node
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    mutating func join(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
    }
}
