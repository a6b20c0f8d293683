/// The interners of a ledger (or of the history it is selected from): ID numbers, loanNos and
/// contract numbers, each numbered in sorted order (`InternedKey`).
package struct LedgerKeys: Sendable {
    package var persons = Interner<PersonSpace>()
    package var loans = Interner<LoanSpace>()
    package var contracts = Interner<ContractSpace>()
}

/// A record carrying interned keys, and the strings they stand for.
protocol KeyedRecord {
    var keys: RecordKeys { get set }
    /// The ID number, loanNo and contract number of the record (nil: a field it does not have).
    var keyStrings: (person: String?, loan: String?, contract: String?) { get }
}

extension Drawdown: KeyedRecord {
    var keyStrings: (person: String?, loan: String?, contract: String?) { (idNumber, loanNo, contractNo) }
}

extension Receipt: KeyedRecord {
    var keyStrings: (person: String?, loan: String?, contract: String?) { (idNumber, nil, contractNo) }
}

/// A bank line's person is read only where its drawdown is not in the ledger; its contract never.
extension Transaction: KeyedRecord {
    var keyStrings: (person: String?, loan: String?, contract: String?) { (idNumber, loanNo, nil) }
}

/// A claim line is read by its loan only.
extension ClaimLine: KeyedRecord {
    var keyStrings: (person: String?, loan: String?, contract: String?) { (nil, loanNo, nil) }
}

extension Participant: KeyedRecord {
    var keyStrings: (person: String?, loan: String?, contract: String?) { (idNumber, nil, loan?.contractNo) }
}

extension KeyedRecord {
    /// Puts the provisional keys of the record's strings on it.
    mutating func numberKeys(_ interning: inout KeyInterning) {
        keys = interning.keys(keyStrings)
    }

    /// Whether every field the record has carries a key of these interners (one numbered by
    /// them: a record added by hand has none, one taken from another ledger may be out of range).
    func isKeyed(by interners: LedgerKeys) -> Bool {
        let strings = keyStrings
        return (strings.person == nil || keys.person.isWithin(interners.persons))
            && (strings.loan == nil || keys.loan.isWithin(interners.loans))
            && (strings.contract == nil || keys.contract.isWithin(interners.contracts))
    }
}

/// Interning in two passes over the same records: `provisional` numbers each string as it is
/// first seen (one hash per field), `finish` ranks the numbers by string, `remap` puts the final
/// keys on the records (an array look-up per field).
struct KeyInterning {
    private var persons = Interner<PersonSpace>.Builder()
    private var loans = Interner<LoanSpace>.Builder()
    private var contracts = Interner<ContractSpace>.Builder()

    /// Room for about `count` strings of each space (a city has about one person, loan and
    /// contract per drawdown).
    init(capacity count: Int = 0) {
        persons.reserve(count)
        loans.reserve(count)
        contracts.reserve(count)
    }

    mutating func provisional<Record: KeyedRecord>(_ records: inout [Record]) {
        // In place: the records are not copied (a copy retains and releases every String in them).
        for index in records.indices { records[index].numberKeys(&self) }
    }

    /// The provisional keys of one record's strings.
    mutating func keys(_ strings: (person: String?, loan: String?, contract: String?)) -> RecordKeys {
        var keys = RecordKeys()
        if let person = strings.person { keys.person = InternedKey(persons.provisional(person)) }
        if let loan = strings.loan { keys.loan = InternedKey(loans.provisional(loan)) }
        if let contract = strings.contract { keys.contract = InternedKey(contracts.provisional(contract)) }
        return keys
    }

    /// A loanNo known only by name (a cancellation): numbered like those on records.
    mutating func provisional(loanNo: String) { _ = loans.provisional(loanNo) }

    func finish() -> Ranks {
        let (personKeys, personRanks) = persons.finish()
        let (loanKeys, loanRanks) = loans.finish()
        let (contractKeys, contractRanks) = contracts.finish()
        return Ranks(keys: LedgerKeys(persons: personKeys, loans: loanKeys, contracts: contractKeys),
                     persons: personRanks, loans: loanRanks, contracts: contractRanks)
    }

    /// The interners, and the final key of each provisional number.
    struct Ranks {
        let keys: LedgerKeys
        let persons: [PersonKey]
        let loans: [LoanKey]
        let contracts: [ContractKey]

        func remap<Record: KeyedRecord>(_ records: inout [Record]) {
            for index in records.indices { remap(&records[index].keys) }
        }

        func remap(_ keys: inout RecordKeys) {
            if !keys.person.isNone { keys.person = persons[keys.person.position] }
            if !keys.loan.isNone { keys.loan = loans[keys.loan.position] }
            if !keys.contract.isNone { keys.contract = contracts[keys.contract.position] }
        }
    }
}

/// The register as of D (rules.md §2): each person's extracts in order of `AsOf`, at the position
/// of the person's key, so that the families read a person's records by key, with no hashing.
package struct Register: Sendable, Equatable {
    /// Each person's extracts, in order of `asOf`, indexed by `PersonKey`.
    private(set) var byPerson: [[Participant]] = []
    private(set) var persons = Interner<PersonSpace>()

    package init() {}

    /// Files each participant (keyed by `persons`) under its person, then orders each person's
    /// extracts by `asOf`.
    init(_ participants: [Participant], persons: Interner<PersonSpace>) {
        self.persons = persons
        byPerson = Array(repeating: [], count: persons.count)
        for participant in participants { byPerson[participant.keys.person.position].append(participant) }
        for index in byPerson.indices where byPerson[index].count > 1 { byPerson[index].sort { $0.asOf < $1.asOf } }
    }

    /// A person's extracts by ID number; nil for a person with none.
    package subscript(idNumber: String) -> [Participant]? {
        guard let key = persons.key(idNumber), !byPerson[key.position].isEmpty else { return nil }
        return byPerson[key.position]
    }

    /// A person's extracts by key (empty for none).
    subscript(person: PersonKey) -> [Participant] {
        person.isNone || person.position >= byPerson.count ? [] : byPerson[person.position]
    }

    /// The ID numbers with an extract, in sorted order (key order).
    package var keys: [String] { byPerson.indices.filter { !byPerson[$0].isEmpty }.map { persons.strings[$0] } }
    /// Each person's extracts, in order of the ID numbers.
    package var values: [[Participant]] { byPerson.filter { !$0.isEmpty } }
    /// Every extract, person by person.
    var all: [Participant] { byPerson.flatMap { $0 } }

    package static func == (a: Register, b: Register) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}
