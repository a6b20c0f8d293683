import GRDB

/// Reads the ledger as of a date from the store (rules.md §1–§2): only files imported with a
/// business date on or before D, in the order business date, name, line.
package struct LedgerLoader {
    let store: Store
    /// When set, only the files the registry held when a run computed its outputs (ids up to
    /// this one): a rerun reads the world as that run saw it (outputs.md `rerun`).
    let fileCutoff: Int64?

    package init(store: Store, fileCutoff: Int64? = nil) {
        self.store = store
        self.fileCutoff = fileCutoff
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
        try store.database.read { db in
            var unique = UniqueKeys()
            history.findings += try fileFindings(db, through: through)
            try StoredValueError.reading("participant") { try loadRegister(db, into: &history, unique: &unique) }
            try StoredValueError.reading("drawdown") { try loadDrawdowns(db, into: &history, unique: &unique) }
            try StoredValueError.reading("receipt") { try loadReceipts(db, into: &history, unique: &unique) }
            try StoredValueError.reading("bankTransaction") { try loadTransactions(db, into: &history, unique: &unique) }
            try StoredValueError.reading("claimLine") { try loadClaims(db, into: &history, unique: &unique) }
            try StoredValueError.reading("hardshipRow") { try loadSnapshots(db, into: &history) }
            history.findings += unique.findings
        }
        return history
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

    /// The SQL of a record table joined with its file, through a date, in file order; the
    /// file's name is `fileName`, its business date `fileDate`.
    func recordsSQL(_ table: String, order: String) -> String {
        """
        SELECT r.*, f.name AS fileName, f.businessDate AS fileDate FROM \(table) r JOIN inputFile f ON f.id = r.fileId
        WHERE f.status = 'IMPORTED' AND f.businessDate <= ?\(withinCutoff("f.id"))
        ORDER BY f.businessDate, f.name, \(order)
        """
    }
}

/// rules.md §1: the first record of a unique key stands; a later one is ignored with E004.
/// Records with an invalid ID number take part in nothing: they raise E003 and claim no key.
struct UniqueKeys {
    private var seen: [String: Set<String>] = [:]
    private(set) var findings: [LedgerHistory.Dated<Finding>] = []

    /// True when the record may take part; false when it raised E003 or E004 (counting from
    /// `day`, its file's business date).
    mutating func admit(table: String, key: String, idValid: Bool, idNumber: String,
                       file: String, day: Day, source: String, subject: Finding.Subject) -> Bool {
        guard validID(idValid, idNumber: idNumber, file: file, day: day, source: source) else { return false }
        guard seen[table, default: []].insert(key).inserted else {
            findings.append(.init(day: day, value: Finding(code: .e004, subject: subject, source: source,
                                                           detail: "唯一键 \(key) 已由更早的记录导入，本记录被忽略")))
            return false
        }
        return true
    }

    /// `admit` for a row of `recordsSQL`: its ID number and flag, its file's name and business date.
    mutating func admit(_ row: Row, table: String, key: String, source: String, subject: Finding.Subject) throws -> Bool {
        admit(table: table, key: key, idValid: row["idValid"], idNumber: row["idNumber"],
              file: row["fileName"], day: try row.day("fileDate"), source: source, subject: subject)
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
