/// The balance schedule of rules.md §2 read as spans: each run of days at one balance, as an
/// auditor lists them to add up the 积数 by hand (`zhubao explain`, claims.html).
extension Balances {
    /// Days `from...to` (both counted) at one balance.
    package struct Span: Sendable, Equatable {
        package var from: Day
        package var to: Day
        package var balance: Fen

        package var days: Int { to - from + 1 }
        /// Whether the span counts: only balances above zero bear interest (rules.md §2).
        package var counts: Bool { balance > .zero }
        /// balance × days for a span that counts, zero for one that does not.
        package var product: Fen { counts ? Fen(balance.value * Int64(days)) : .zero }
    }

    /// The spans of one balance each that cover `from...through`, in order of day; nothing for
    /// a loanNo without a schedule or days before its disbursement.
    package func spans(of loanNo: String, from: Day, through: Day) -> [Span] {
        guard let schedule = schedule(loanNo) else { return [] }
        return schedule.segments(from.ordinal, through.ordinal).map {
            Span(from: Day(ordinal: $0.first), to: Day(ordinal: $0.last), balance: Fen($0.value))
        }
    }
}

extension Balances.Schedule {
    /// The segments of the schedule cut to the ordinals `a...b`: (first, last, balance).
    func segments(_ a: Int, _ b: Int) -> [(first: Int, last: Int, value: Int64)] {
        guard a <= b, b >= starts[0] else { return [] }
        var found: [(first: Int, last: Int, value: Int64)] = []
        var i = segment(holding: max(a, starts[0]))!
        while i < starts.count, starts[i] <= b {
            let last = i + 1 < starts.count ? min(starts[i + 1] - 1, b) : b
            found.append((max(starts[i], a), last, values[i]))
            i += 1
        }
        return found
    }
}
