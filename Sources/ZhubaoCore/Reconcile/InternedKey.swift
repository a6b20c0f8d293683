/// Interned keys (issue 14): ID numbers, loanNos and contract numbers as small integers, so that
/// the reconcile context's and the rule families' lookups, sets and sorts hash and compare an
/// `Int32`, not a `String`. The strings stay on the records for the outputs; the key beside each
/// is its index in the ledger's `Interner` of that space.
///
/// One interner per space and per ledger history, built once at load (`LedgerHistory.intern()`),
/// or by the reconcile context for a ledger built by hand. Keys are assigned in sorted order of
/// the strings, so that comparing two keys gives the order of their strings: a sort or a
/// tie-break by key is the same as one by the string.
package struct InternedKey<Space>: Hashable, Comparable, Sendable {
    /// The index of the string in its interner; −1 for none (a record not interned yet).
    package let index: Int32

    init(_ index: Int32) { self.index = index }

    static var none: Self { Self(-1) }
    var isNone: Bool { index < 0 }
    /// The index as an array position (for arrays indexed by key).
    var position: Int { Int(index) }

    /// Whether the key numbers a string of this interner.
    func isWithin(_ interner: Interner<Space>) -> Bool { index >= 0 && position < interner.count }

    package static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

package enum PersonSpace {}
package enum LoanSpace {}
package enum ContractSpace {}
/// An interned ID number.
package typealias PersonKey = InternedKey<PersonSpace>
/// An interned loanNo.
package typealias LoanKey = InternedKey<LoanSpace>
/// An interned contract number.
package typealias ContractKey = InternedKey<ContractSpace>

/// The strings of one space and their keys, the keys in sorted order of the strings.
package struct Interner<Space>: Sendable {
    /// Every string, at the index of its key.
    package private(set) var strings: [String] = []
    private var indexes: [String: Int32] = [:]

    package var count: Int { strings.count }

    /// The key of a string; nil for a string the ledger does not hold.
    package func key(_ string: String) -> InternedKey<Space>? {
        indexes[string].map(InternedKey.init)
    }

    package subscript(key: InternedKey<Space>) -> String { strings[key.position] }

    /// A builder: each string gets a provisional number once (one hash per record field), the
    /// numbers are ranked by string at the end.
    struct Builder {
        private var indexes: [String: Int32] = [:]
        private var strings: [String] = []

        /// Room for `count` strings: the table grows once, not by rehashing as it doubles.
        mutating func reserve(_ count: Int) {
            indexes.reserveCapacity(count)
            strings.reserveCapacity(count)
        }

        mutating func provisional(_ string: String) -> Int32 {
            if let known = indexes[string] { return known }
            let next = Int32(strings.count)
            indexes[string] = next
            strings.append(string)
            return next
        }

        /// The interner, and the final key of each provisional number.
        func finish() -> (Interner, [InternedKey<Space>]) {
            let order = strings.indices.sorted { strings[$0] < strings[$1] }
            var rank = [InternedKey<Space>](repeating: .none, count: strings.count)
            for (final, provisional) in order.enumerated() { rank[provisional] = InternedKey(Int32(final)) }
            var interner = Interner()
            interner.strings = order.map { strings[$0] }
            interner.indexes = indexes.mapValues { rank[Int($0)].index }
            return (interner, rank)
        }
    }
}

/// The interned keys of a record (those of its fields it has: a receipt names no loan). Not part
/// of the record's equality: the keys follow the strings, and two interners number the same
/// strings differently (a history read through one date, another through a later one).
package struct RecordKeys: Sendable, Equatable {
    package var person: PersonKey = .none
    package var loan: LoanKey = .none
    package var contract: ContractKey = .none

    package static func == (_: RecordKeys, _: RecordKeys) -> Bool { true }
}

/// A loan named by its loanNo (the package's readers, tests) or by its key (the rule families).
package protocol LoanReference {
    func key(in loans: Interner<LoanSpace>) -> LoanKey?
}

extension String: LoanReference {
    package func key(in loans: Interner<LoanSpace>) -> LoanKey? { loans.key(self) }
}

extension InternedKey: LoanReference where Space == LoanSpace {
    package func key(in loans: Interner<LoanSpace>) -> LoanKey? { isNone ? nil : self }
}

/// A person named by ID number or by key.
package protocol PersonReference {
    func key(in persons: Interner<PersonSpace>) -> PersonKey?
    func idNumber(in persons: Interner<PersonSpace>) -> String
}

extension String: PersonReference {
    package func key(in persons: Interner<PersonSpace>) -> PersonKey? { persons.key(self) }
    package func idNumber(in persons: Interner<PersonSpace>) -> String { self }
}

extension InternedKey: PersonReference where Space == PersonSpace {
    package func key(in persons: Interner<PersonSpace>) -> PersonKey? { isNone ? nil : self }
    package func idNumber(in persons: Interner<PersonSpace>) -> String { persons[self] }
}
