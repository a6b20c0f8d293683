/// Shared reads of the ledger that several rule families need.
extension Ledger {
    /// rules.md §2, the register *as of D*: the person's record with the latest `AsOf`.
    public func latestRecord(of idNumber: String) -> Participant? {
        register[idNumber]?.last
    }

    /// rules.md §2, the register *on a day x*: the latest extract with `AsOf` on or before x;
    /// none that old: the person's first extract.
    public func record(of idNumber: String, on day: Day) -> Participant? {
        guard let history = register[idNumber], !history.isEmpty else { return nil }
        return history.last { $0.asOf <= day } ?? history.first
    }

    /// Drawdowns that take part (not cancelled), in order of disbursement date, then loanNo.
    public var liveDrawdowns: [Drawdown] {
        drawdowns.filter { !$0.cancelled }.sorted { ($0.disbursedOn, $0.loanNo) < ($1.disbursedOn, $1.loanNo) }
    }

    /// Each borrower's first drawdown (rules.md §4): the earliest that is not cancelled, by
    /// disbursement date, then loanNo. Keyed by ID number.
    public var firstDrawdowns: [String: Drawdown] {
        var first: [String: Drawdown] = [:]
        for drawdown in liveDrawdowns where first[drawdown.idNumber] == nil {
            first[drawdown.idNumber] = drawdown
        }
        return first
    }
}
