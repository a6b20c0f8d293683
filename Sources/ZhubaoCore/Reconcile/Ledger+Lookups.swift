/// Reads of the register that several rule families need.
extension Ledger {
    /// rules.md §2, the register *as of D*: the person's record with the latest `AsOf`.
    package func latestRecord(of idNumber: String) -> Participant? {
        register[idNumber]?.last
    }

    /// rules.md §2, the register *on a day x*: the latest extract with `AsOf` on or before x;
    /// none that old: the person's first extract.
    package func record(of idNumber: String, on day: Day) -> Participant? {
        guard let history = register[idNumber], !history.isEmpty else { return nil }
        return history.last { $0.asOf <= day } ?? history.first
    }
}
