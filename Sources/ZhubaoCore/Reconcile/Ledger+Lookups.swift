/// Reads of the register that several rule families need.
extension Ledger {
    /// rules.md §2, the register *as of D*: the person's record with the latest `AsOf`.
    package func latestRecord(of idNumber: String) -> Participant? {
        register[idNumber]?.last
    }

    /// rules.md §2, the register *on a day x*: the latest extract with `AsOf` on or before x;
    /// none that old: the person's first extract.
    package func record(of idNumber: String, on day: Day) -> Participant? {
        guard let history = register[idNumber] else { return nil }
        return Self.record(in: history, on: day)
    }

    /// `latestRecord(of:)` by the person's key.
    func latestRecord(of person: PersonKey) -> Participant? {
        register[person].last
    }

    /// `record(of:on:)` by the person's key.
    func record(of person: PersonKey, on day: Day) -> Participant? {
        Self.record(in: register[person], on: day)
    }

    /// A person's register extracts and the position of the one in force on a day (as
    /// `record(of:on:)`), for a rule to read its fields in place; nil where the person has none.
    func recordPosition(of person: PersonKey, on day: Day) -> (extracts: [Participant], position: Int)? {
        let history = register[person]
        return Self.position(in: history, on: day).map { (history, $0) }
    }

    private static func record(in history: [Participant], on day: Day) -> Participant? {
        position(in: history, on: day).map { history[$0] }
    }

    private static func position(in history: [Participant], on day: Day) -> Int? {
        history.isEmpty ? nil : history.lastIndex { $0.asOf <= day } ?? 0
    }
}

/// Interning (`InternedKey`): a ledger read from the store comes with its keys; one built or
/// changed by hand is interned by the reconcile context before any rule reads it.
extension Ledger {
    /// Whether every record carries keys of the ledger's interners and the register is filed by them.
    var isInterned: Bool {
        func keyed(_ records: [some KeyedRecord]) -> Bool { records.allSatisfy { $0.isKeyed(by: keys) } }
        return keyed(drawdowns) && keyed(receipts) && keyed(transactions) && keyed(claimLines)
            && register.persons.count == keys.persons.count && register.values.allSatisfy(keyed)
    }

    /// This ledger with every record keyed by interners of its own strings (itself when it is).
    func interned() -> Ledger {
        if isInterned { return self }
        var ledger = self
        var interning = KeyInterning()
        var participants = register.all
        interning.provisional(&ledger.drawdowns)
        interning.provisional(&ledger.receipts)
        interning.provisional(&ledger.transactions)
        interning.provisional(&ledger.claimLines)
        interning.provisional(&participants)
        let ranks = interning.finish()
        ranks.remap(&ledger.drawdowns)
        ranks.remap(&ledger.receipts)
        ranks.remap(&ledger.transactions)
        ranks.remap(&ledger.claimLines)
        ranks.remap(&participants)
        ledger.keys = ranks.keys
        ledger.register = Register(participants, persons: ranks.keys.persons)
        return ledger
    }
}
