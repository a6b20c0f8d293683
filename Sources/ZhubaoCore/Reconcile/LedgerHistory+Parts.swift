/// The component (`Partitions`) of every record of a history, table by table, so that the
/// history of a set of components is one pass of array look-ups, not of string hashing.
struct PartTables: Sendable {
    let partitions: Partitions
    var drawdowns: [Int32] = [], cancellations: [Int32] = [], receipts: [Int32] = []
    var transactions: [Int32] = [], claimLines: [Int32] = [], register: [Int32] = []
    /// Per snapshot of `history.snapshots`, the component of each row (−1: a person no record names).
    var snapshotRows: [[Int32]] = []

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
    }
}

extension LedgerHistory {
    /// The history of the components marked in `included` (by component number), every record
    /// in its place: each table keeps its order (business date, file, line), so that rules.md §1
    /// and every rule decide as they would over the whole history. Every hardship snapshot stays,
    /// with the rows of the included people only: a certification run ends at the next snapshot
    /// of its department, listed or not (rules.md §3). The intake findings (E001–E004) are the
    /// city's, not a component's: none are kept.
    /// `forRouting`: only what `Routing` reads — drawdowns, their cancellations, bank lines and
    /// claim lines — for the ledger of a date's reports.
    func restricted(to included: [Bool], parts: PartTables, forRouting: Bool = false) -> LedgerHistory {
        func keep(_ component: Int32) -> Bool { component >= 0 && included[Int(component)] }
        var history = LedgerHistory(through: through, settings: settings)
        history.keys = keys
        history.drawdowns = drawdowns.filtered { keep(parts.drawdowns[$0]) }
        history.transactions = transactions.filtered { keep(parts.transactions[$0]) }
        history.claimLines = claimLines.filtered { keep(parts.claimLines[$0]) }
        history.cancellations = cancellations.indices.filter { keep(parts.cancellations[$0]) }.map { cancellations[$0] }
        if forRouting { return history }
        history.receipts = receipts.filtered { keep(parts.receipts[$0]) }
        history.register = register.filtered { keep(parts.register[$0]) }
        history.snapshots = snapshots.indices.map { index in
            let rows = parts.snapshotRows[index]
            var snapshot = snapshots[index].value
            snapshot.rows = snapshot.rows.indices.filter { keep(rows[$0]) }.map { snapshot.rows[$0] }
            return Dated(day: snapshots[index].day, value: snapshot)
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
    /// The values (and their days) whose index passes `keep`, in order.
    func filtered(_ keep: (Int) -> Bool) -> DatedTable {
        var table = DatedTable()
        for index in values.indices where keep(index) { table.append(.init(day: days[index], value: values[index])) }
        return table
    }
}
