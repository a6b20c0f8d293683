import Foundation
import GRDB

/// A set of the keys that tie records together (`Partitions`): ID numbers, loanNos, contract
/// numbers, and the ticket and transaction numbers that tie a reversal to its receipt and a
/// repeated unique key (E004) to the record that stands. Closed (`closed(_:)`), it names whole
/// components: every record of one of its components names one of its keys, and no record
/// outside them does. `LedgerLoader(only:)` then reads exactly those components' records.
struct KeySet: Sendable, Equatable {
    var persons: Set<String> = []
    var loans: Set<String> = []
    var contracts: Set<String> = []
    var tickets: Set<String> = []
    var txns: Set<String> = []

    var isEmpty: Bool { persons.isEmpty && loans.isEmpty && contracts.isEmpty && tickets.isEmpty && txns.isEmpty }
    var count: Int { persons.count + loans.count + contracts.count + tickets.count + txns.count }

    mutating func formUnion(_ other: KeySet) {
        persons.formUnion(other.persons)
        loans.formUnion(other.loans)
        contracts.formUnion(other.contracts)
        tickets.formUnion(other.tickets)
        txns.formUnion(other.txns)
    }

    /// The keys of `other` not in this set.
    func missing(from other: KeySet) -> KeySet {
        KeySet(persons: other.persons.subtracting(persons), loans: other.loans.subtracting(loans),
               contracts: other.contracts.subtracting(contracts), tickets: other.tickets.subtracting(tickets),
               txns: other.txns.subtracting(txns))
    }

    /// Adds a key read from a column of `kind`; empty text names nothing.
    mutating func insert(_ kind: Kind, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        switch kind {
        case .person: persons.insert(value)
        case .loan: loans.insert(value)
        case .contract: contracts.insert(value)
        case .ticket: tickets.insert(value)
        case .txn: txns.insert(value)
        }
    }

    enum Kind: CaseIterable { case person, loan, contract, ticket, txn }

    /// The key columns of each record table, by kind: a record belongs to the set when one of
    /// them holds one of its keys.
    static let columns: [String: [(column: String, kind: Kind)]] = [
        "drawdown": [("idNumber", .person), ("loanNo", .loan), ("contractNo", .contract)],
        "receipt": [("idNumber", .person), ("contractNo", .contract), ("ticketNo", .ticket), ("reversesTicketNo", .ticket)],
        "bankTransaction": [("idNumber", .person), ("loanNo", .loan), ("txnNo", .txn)],
        "claimLine": [("loanNo", .loan)],
        "participant": [("idNumber", .person), ("contractNo", .contract)],
    ]

    private func values(_ kind: Kind) -> Set<String> {
        switch kind {
        case .person: persons
        case .loan: loans
        case .contract: contracts
        case .ticket: tickets
        case .txn: txns
        }
    }

    /// The SQL condition (on alias `r`) that keeps `table`'s records naming one of the keys, with
    /// its arguments (each kind a JSON array); nil when none of the table's kinds has a key.
    func condition(_ table: String) -> (sql: String, arguments: StatementArguments)? {
        condition(table, json: { Self.json(values($0)) })
    }

    /// `condition(_:)` with each kind's JSON array as `json` gives it (`Encoded`: made once for
    /// a loader that asks for every table).
    func condition(_ table: String, json: (Kind) -> String) -> (sql: String, arguments: StatementArguments)? {
        var terms: [String] = [], arguments: [DatabaseValueConvertible] = []
        for (column, kind) in Self.columns[table] ?? [] {
            guard !values(kind).isEmpty else { continue }
            terms.append("r.\(column) IN (SELECT value FROM json_each(?))")
            arguments.append(json(kind))
        }
        return terms.isEmpty ? nil : (terms.joined(separator: " OR "), StatementArguments(arguments))
    }

    /// Each kind's keys as the JSON array `condition` binds, made once: a province's next-day
    /// run names some 100,000 keys, and sorting and encoding them for each of the six tables'
    /// queries cost a second.
    struct Encoded: Sendable {
        private let arrays: [Kind: String]

        init(_ keys: KeySet) {
            var arrays: [Kind: String] = [:]
            for kind in Kind.allCases where !keys.values(kind).isEmpty {
                arrays[kind] = KeySet.json(keys.values(kind))
            }
            self.arrays = arrays
        }

        func json(_ kind: Kind) -> String { arrays[kind] ?? "[]" }
    }

    private static func json(_ values: Set<String>) -> String {
        String(decoding: (try? JSONEncoder().encode(values.sorted())) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The smallest closed set holding these keys: records naming a key of the set add their
    /// other keys, until no record adds one. Every record of the store counts, whatever its
    /// file's date or status (a superset of what any date's ledger holds: still whole components).
    func closed(_ db: Database) throws -> KeySet {
        var closed = self, frontier = self
        while !frontier.isEmpty {
            var found = KeySet()
            // A table whose records name one kind of key (claim lines) adds none; hardship lists
            // name persons only, and are read whole (`LedgerLoader.loadSnapshots`).
            for table in Self.columns.keys.sorted() where Self.columns[table]!.count > 1 {
                guard let (condition, arguments) = frontier.condition(table) else { continue }
                let columns = Self.columns[table]!
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT \(columns.map { "r.\($0.column)" }.joined(separator: ", ")) FROM \(table) r WHERE \(condition)
                    """, arguments: arguments)
                while let row = try rows.next() {
                    for (index, column) in columns.enumerated() { found.insert(column.kind, row[index]) }
                }
            }
            frontier = closed.missing(from: found)
            closed.formUnion(frontier)
        }
        return closed
    }
}
