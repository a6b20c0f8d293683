import GRDB

/// Reads the ledger as of a date from the store (rules.md §1–§2): only files imported with a
/// business date on or before D, in the order business date, name, line.
package struct LedgerLoader {
    let store: Store
    /// When set, only the files the registry held when a run computed its outputs (ids up to
    /// this one): a rerun reads the world as that run saw it (outputs.md `rerun`).
    let fileCutoff: Int64?
    /// When set, only the records of these keys' components (a closed `KeySet`), and every
    /// record with an invalid ID number (E003 is the city's): the next-day run's part of the city.
    let only: KeySet?
    /// `only`'s keys encoded once for the queries of every table.
    private let encoded: KeySet.Encoded?

    package init(store: Store, fileCutoff: Int64? = nil) {
        self.init(store: store, fileCutoff: fileCutoff, only: nil)
    }

    init(store: Store, fileCutoff: Int64?, only: KeySet?) {
        self.store = store
        self.fileCutoff = fileCutoff
        self.only = only
        self.encoded = only.map(KeySet.Encoded.init)
    }

    /// The SQL condition that keeps the records of `only` in `table` (alias `r`), with its
    /// arguments: empty without `only`.
    func withinKeys(_ table: String) -> (sql: String, arguments: StatementArguments) {
        guard let only else { return ("", []) }
        guard let (condition, arguments) = only.condition(table, json: { encoded?.json($0) ?? "[]" }) else { return (" AND r.idValid = 0", []) }
        return (" AND (\(condition) OR r.idValid = 0)", arguments)
    }

    /// The SQL condition that keeps the files within the cutoff, on `column` (empty without one).
    func withinCutoff(_ column: String) -> String {
        fileCutoff.map { " AND \(column) <= \($0)" } ?? ""
    }

    package func load(asOf: Day, settings: Settings) throws -> Ledger {
        var history = try history(through: asOf, settings: settings)
        return history.takeLedger(asOf: asOf)
    }

    /// Everything known through `through`, each piece dated, for the ledgers of every date up
    /// to it (`LedgerHistory.ledger(asOf:)`).
    package func history(through: Day, settings: Settings) throws -> LedgerHistory {
        var history = LedgerHistory(through: through, settings: settings)
        // The whole city's bank lines, claim lines and snapshots (more than a third of the load)
        // are read beside the rest, on a second connection to a store on disk (`AsideTables`).
        let aside = only == nil ? try store.readingAside { db in try loadAside(db, through: through, settings: settings) } : nil
        try store.database.read { db in
            // A whole store's tables grow once; a part of the city is small.
            func rows(_ table: String) throws -> Int {
                only == nil ? try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 : 0
            }
            try history.drawdowns.reserve(rows("drawdown"))
            try history.receipts.reserve(rows("receipt"))
            try history.register.reserve(rows("participant"))
            var unique = UniqueKeys()
            history.findings += try fileFindings(db, through: through)
            try StoredValueError.reading("participant") { try loadRegister(db, into: &history, unique: &unique) }
            try StoredValueError.reading("drawdown") { try loadDrawdowns(db, into: &history, unique: &unique) }
            try StoredValueError.reading("receipt") { try loadReceipts(db, into: &history, unique: &unique) }
            let tables = try aside?.wait() ?? loadAside(db, through: through, settings: settings)
            history.transactions = tables.transactions
            history.claimLines = tables.claimLines
            history.snapshots += tables.snapshots.snapshots
            // In the order of one connection's reading: the snapshots' E003, then the tables' in
            // the order register, drawdowns, receipts, bank lines, claim lines (each its own keys).
            history.findings += tables.snapshots.findings
            history.findings += unique.findings
            history.findings += tables.findings
        }
        history.intern()
        return history
    }

    /// What the second connection reads for a whole city (`history`), or the first one after
    /// the rest for a part of it: the bank lines and claim lines, with their E003 and E004, and
    /// the hardship snapshots. Reads nothing but `db`.
    struct AsideTables {
        var transactions = DatedTable<Transaction>()
        var claimLines = DatedTable<ClaimLine>()
        var findings: [LedgerHistory.Dated<Finding>] = []
        var snapshots = LoadedSnapshots()
    }

    func loadAside(_ db: Database, through: Day, settings: Settings) throws -> AsideTables {
        var scratch = LedgerHistory(through: through, settings: settings)
        if only == nil { scratch.transactions.reserve(try Int.fetchOne(db, sql: "SELECT count(*) FROM bankTransaction") ?? 0) }
        var unique = UniqueKeys()
        try StoredValueError.reading("bankTransaction") { try loadTransactions(db, into: &scratch, unique: &unique) }
        try StoredValueError.reading("claimLine") { try loadClaims(db, into: &scratch, unique: &unique) }
        let snapshots = try StoredValueError.reading("hardshipChunk") { try loadSnapshots(db, through: through) }
        return AsideTables(transactions: scratch.transactions, claimLines: scratch.claimLines,
                           findings: unique.findings, snapshots: snapshots)
    }

    /// E001 and E002: every rejected or conflicting delivery, counting from its business date
    /// (or the day it arrived, when its name gave none).
    func fileFindings(_ db: Database, through: Day) throws -> [LedgerHistory.Dated<Finding>] {
        let rows = try InputFileRecord
            .filter(Column("status") != InputFileRecord.Status.imported.rawValue)
            .filter(sql: "coalesce(businessDate, receivedOn) <= ?" + withinCutoff("id"), arguments: [through.iso])
            .order(Column("id")).fetchAll(db)
        return rows.map { row in
            .init(day: Day(iso: row.effectiveDate) ?? through,
                  value: Finding(code: row.status.exceptionCode ?? .e001, subject: .init(file: row.name),
                                 source: row.name, detail: row.reason ?? ""))
        }
    }

    /// Calls `body` with each row of a record table joined with its file, through a date, in
    /// file order, with the columns of `C` in its order: the file's id, name and business date
    /// first (`FileColumn`), then the record's own columns, each named as its case.
    func eachRecord<C: LoadedColumn>(_ db: Database, _ table: String, _ columns: C.Type, order: String, through: Day,
                                     _ body: (Row, CurrentFile) throws -> Void) throws {
        let own = C.allCases.dropFirst(FileColumn.allCases.count).map { "r.\($0)" }
        let keys = withinKeys(table)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.id, f.name, f.businessDate, \(own.joined(separator: ", ")) FROM \(table) r JOIN inputFile f ON f.id = r.fileId
            WHERE f.status = 'IMPORTED' AND f.businessDate <= ?\(withinCutoff("f.id"))\(keys.sql)
            ORDER BY f.businessDate, f.name, \(order)
            """, arguments: [through.iso] + keys.arguments)
        var file = CurrentFile()
        while let row = try rows.next() {
            try file.update(row)
            try body(row, file)
        }
    }
}

/// The first columns of every `records` query: the file of the row.
enum FileColumn: Int, LoadedColumn { case fileId, fileName, fileDate }

/// The file of the rows being read: rows come file by file, so its name and business date are
/// read and parsed once a file, and every record of it shares the one name.
struct CurrentFile {
    private(set) var id: Int64 = -1
    private(set) var name = ""
    private(set) var day = Day(ordinal: 0)

    mutating func update(_ row: Row) throws {
        let id: Int64 = row[FileColumn.fileId]
        guard id != self.id else { return }
        self.id = id
        name = row[FileColumn.fileName]
        day = try row.day(FileColumn.fileDate)
    }
}

/// rules.md §1: the first record of a unique key stands; a later one is ignored with E004.
/// Records with an invalid ID number take part in nothing: they raise E003 and claim no key.
/// Each table keeps its own set of keys (`seen`), of typed values, not of spelled-out strings.
struct UniqueKeys {
    private(set) var findings: [LedgerHistory.Dated<Finding>] = []

    /// True when the record may take part; false when it raised E003 or E004 (counting from
    /// `file`'s business date).
    mutating func admit<Key: Hashable & CustomStringConvertible>(
        _ key: Key, in seen: inout Set<Key>, idValid: Bool, idNumber: String, file: CurrentFile, source: String,
        subject: @autoclosure () -> Finding.Subject
    ) -> Bool {
        guard validID(idValid, idNumber: idNumber, file: file.name, day: file.day, source: source) else { return false }
        guard seen.insert(key).inserted else {
            findings.append(.init(day: file.day, value: Finding(code: .e004, subject: subject(), source: source,
                                                                detail: "唯一键 \(key) 已由更早的记录导入，本记录被忽略")))
            return false
        }
        return true
    }

    /// A record with an invalid ID number raises E003 and takes part in nothing (rules.md §1).
    mutating func validID(_ idValid: Bool, idNumber: String, file: String, day: Day, source: String) -> Bool {
        if idValid { return true }
        findings.append(.init(day: day, value: Finding(
            code: .e003, subject: .init(idNumber: idNumber, file: file), source: source,
            detail: IDNumber.invalidReason(idNumber))))
        return false
    }
}

/// The unique keys of rules.md §1 made of two values, spelled `A|B` in E004's detail.
struct PairKey<A: Hashable & CustomStringConvertible, B: Hashable & CustomStringConvertible>: Hashable, CustomStringConvertible {
    var first: A
    var second: B
    var description: String { "\(first)|\(second)" }
}
