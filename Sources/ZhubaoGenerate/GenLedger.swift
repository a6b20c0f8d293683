import ZhubaoCore

/// The bank's book of one drawdown as the generator keeps it: principal repaid by date, so
/// that balances, 积数 and interest follow rules.md §2 exactly (fen and 0.0001 % integers).
struct GenLedger: Sendable {
    let amount: Fen
    let start: Day
    let rate: Rate
    private(set) var repayments: [(day: Day, principal: Fen)] = []
    private(set) var collectedInterest = Fen.zero
    private(set) var repaid = Fen.zero

    init(amount: Fen, start: Day, rate: Rate) {
        self.amount = amount
        self.start = start
        self.rate = rate
    }

    /// Outstanding principal after everything dated on or before `day`.
    func balance(on day: Day) -> Fen {
        guard day >= start else { return .zero }
        var balance = amount
        for repayment in repayments where repayment.day <= day { balance -= repayment.principal }
        return balance
    }

    var outstanding: Fen { amount - repaid }

    /// 积数: the sum of the daily balances over the days `from` ..< `until` (算头不算尾).
    func accumulated(from: Day, until: Day) -> Fen {
        var cursor = max(from, start)
        guard cursor < until else { return .zero }
        var balance = balance(on: cursor)
        var total: Int64 = 0
        for repayment in repayments where repayment.day > cursor && repayment.day < until {
            total += balance.value * Int64(repayment.day - cursor)
            cursor = repayment.day
            balance -= repayment.principal
        }
        total += balance.value * Int64(until - cursor)
        return Fen(total)
    }

    /// Interest for the days `from` ..< `until` at the contract rate, rounded once.
    func interest(from: Day, until: Day) -> Fen {
        Interest.of(accumulated: accumulated(from: from, until: until), rate: rate)
    }

    /// Records a collection dated `day` (which must not precede earlier ones).
    mutating func collect(principal: Fen, interest: Fen, on day: Day) {
        if principal.value != 0 { repayments.append((day, principal)) }
        repaid += principal
        collectedInterest += interest
    }
}
