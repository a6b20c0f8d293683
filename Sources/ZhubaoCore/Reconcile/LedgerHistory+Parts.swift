/// The component (`Partitions`) of every record of a history, table by table, so that the
/// history of a set of components is one pass of array look-ups, not of string hashing.
struct PartTables: Sendable {
    let partitions: Partitions
    var drawdowns: [Int32] = [], cancellations: [Int32] = [], receipts: [Int32] = []
    var transactions: [Int32] = [], claimLines: [Int32] = [], register: [Int32] = []
    /// Per snapshot of `history.snapshots`, the component of each row (−1: a person no record names).
    var snapshotRows: [[Int32]] = []
    /// The same, grouped by component: a part of the city is gathered from its own records.
    var members: [Table: Members] = [:]
    /// The rows of every snapshot numbered one after another: the first number of each snapshot's.
    var snapshotRowBase: [Int] = []

    enum Table: Sendable { case drawdowns, cancellations, receipts, transactions, claimLines, register, snapshotRows }

    init(_ history: LedgerHistory) {
        let partitions = Partitions(history)
        self.partitions = partitions
        let keys = history.keys!
        drawdowns = history.drawdowns.values.map { partitions.of($0.keys) }
        receipts = history.receipts.values.map { partitions.of($0.keys) }
        transactions = history.transactions.values.map { partitions.of($0.keys) }
        claimLines = history.claimLines.values.map { partitions.of($0.keys) }
        register = history.register.values.map { partitions.of($0.keys) }
        cancellations = history.cancellations.map { keys.loans.key($0.value).map { partitions.ofLoan[$0.position] } ?? -1 }
        snapshotRows = history.snapshots.map { snapshot in
            snapshot.value.rows.map { keys.persons.key($0.idNumber).map { partitions.ofPerson[$0.position] } ?? -1 }
        }
        var base = 0
        snapshotRowBase = snapshotRows.map { rows in defer { base += rows.count }; return base }
        let count = partitions.count
        members = [
            .drawdowns: Members(drawdowns, count: count), .cancellations: Members(cancellations, count: count),
            .receipts: Members(receipts, count: count), .transactions: Members(transactions, count: count),
            .claimLines: Members(claimLines, count: count), .register: Members(register, count: count),
            .snapshotRows: Members(Array(snapshotRows.joined()), count: count),
        ]
    }

    /// The indexes in a table of the records of the listed components, in ascending order.
    func indexes(_ table: Table, of components: [Int]) -> [Int] {
        members[table]!.gather(components)
    }
}

/// The records of each component (compressed rows: the indexes of component c are
/// `indexes[offsets[c]..<offsets[c + 1]]`, ascending).
struct Members: Sendable {
    let offsets: [Int32]
    let indexes: [Int32]

    init(_ components: [Int32], count: Int) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for component in components where component >= 0 { offsets[Int(component) + 1] += 1 }
        for c in 0..<count { offsets[c + 1] += offsets[c] }
        var next = offsets
        var indexes = [Int32](repeating: 0, count: Int(offsets[count]))
        for (index, component) in components.enumerated() where component >= 0 {
            indexes[Int(next[Int(component)])] = Int32(index)
            next[Int(component)] += 1
        }
        self.offsets = offsets
        self.indexes = indexes
    }

    func gather(_ components: [Int]) -> [Int] {
        var found: [Int] = []
        for c in components {
            for position in Int(offsets[c])..<Int(offsets[c + 1]) { found.append(Int(indexes[position])) }
        }
        return found.sorted()
    }
}

extension LedgerHistory {
    /// The history of the listed components (each listed once), every record
    /// in its place: each table keeps its order (business date, file, line), so that rules.md §1
    /// and every rule decide as they would over the whole history. Every hardship snapshot stays,
    /// with the rows of the included people only: a certification run ends at the next snapshot
    /// of its department, listed or not (rules.md §3). The intake findings (E001–E004) are the
    /// city's, not a component's: none are kept.
    /// `forRouting`: only what `Routing` reads — drawdowns, their cancellations, bank lines and
    /// claim lines — for the ledger of a date's reports.
    func restricted(to components: [Int], parts: PartTables, forRouting: Bool = false) -> LedgerHistory {
        var history = LedgerHistory(through: through, settings: settings)
        history.keys = keys
        history.drawdowns = drawdowns.gathered(parts.indexes(.drawdowns, of: components))
        history.transactions = transactions.gathered(parts.indexes(.transactions, of: components))
        history.claimLines = claimLines.gathered(parts.indexes(.claimLines, of: components))
        history.cancellations = parts.indexes(.cancellations, of: components).map { cancellations[$0] }
        if forRouting { return history }
        history.receipts = receipts.gathered(parts.indexes(.receipts, of: components))
        history.register = register.gathered(parts.indexes(.register, of: components))
        var rows = [[HardshipSnapshot.Row]](repeating: [], count: snapshots.count)
        var snapshot = 0
        for flat in parts.indexes(.snapshotRows, of: components) {
            while snapshot + 1 < snapshots.count && parts.snapshotRowBase[snapshot + 1] <= flat { snapshot += 1 }
            rows[snapshot].append(snapshots[snapshot].value.rows[flat - parts.snapshotRowBase[snapshot]])
        }
        history.snapshots = snapshots.indices.map { index in
            var kept = snapshots[index].value
            kept.rows = rows[index]
            return Dated(day: snapshots[index].day, value: kept)
        }
        return history
    }

    /// Every name a ledger as of D holds (drawdowns, receipts, claim lines, register records):
    /// those `NoteMasking` hides in staff's notes.
    func names(asOf day: Day) -> Set<String> {
        var names = Set<String>()
        func add<Value>(_ table: DatedTable<Value>, _ name: (Value) -> String) {
            for index in table.values.indices where table.days[index] <= day { names.insert(name(table.values[index])) }
        }
        add(drawdowns, \.name)
        add(receipts, \.name)
        add(claimLines, \.name)
        add(register, \.name)
        return names
    }
}

extension DatedTable {
    /// The values (and their days) at these indexes, in their order.
    func gathered(_ indexes: [Int]) -> DatedTable {
        var table = DatedTable()
        table.reserve(indexes.count)
        for index in indexes { table.append(.init(day: days[index], value: values[index])) }
        return table
    }
}
