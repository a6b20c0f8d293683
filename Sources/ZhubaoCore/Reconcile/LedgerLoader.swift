import GRDB

/// Reads the ledger as of a date from the store (rules.md §1–§2): only files imported with a
/// business date on or before D, in the order business date, name, line.
public struct LedgerLoader {
    let store: Store

    public init(store: Store) { self.store = store }

    public func load(asOf: Day, settings: Settings) throws -> Ledger {
        var ledger = Ledger(asOf: asOf, settings: settings)
        try store.database.read { db in
            var unique = UniqueKeys()
            ledger.intakeFindings += try fileFindings(db, asOf: asOf)
            let (register, registerFindings) = try loadRegister(db, asOf: asOf, unique: &unique)
            ledger.register = register
            ledger.intakeFindings += registerFindings
            try loadDrawdowns(db, into: &ledger, unique: &unique)
            try loadReceipts(db, into: &ledger, unique: &unique)
            try loadTransactions(db, into: &ledger, unique: &unique)
            try loadClaims(db, into: &ledger, unique: &unique)
            try loadSnapshots(db, into: &ledger)
            ledger.intakeFindings += unique.findings
        }
        return ledger
    }

    /// E001 and E002: every rejected or conflicting delivery that counts by D.
    func fileFindings(_ db: Database, asOf: Day) throws -> [Finding] {
        let rows = try InputFileRecord
            .filter(Column("status") != InputFileRecord.Status.imported.rawValue)
            .filter(sql: "coalesce(businessDate, receivedOn) <= ?", arguments: [asOf.iso])
            .order(Column("id")).fetchAll(db)
        return rows.map { row in
            let code = row.status == .conflict ? "E002" : "E001"
            return Finding(code: code, subject: .init(file: row.name), source: row.name,
                           detail: row.reason ?? "")
        }
    }

    /// The SQL of a record table joined with its file, as of D, in file order.
    static func recordsSQL(_ table: String, order: String) -> String {
        """
        SELECT r.*, f.name AS fileName FROM \(table) r JOIN inputFile f ON f.id = r.fileId
        WHERE f.status = 'IMPORTED' AND f.businessDate <= ?
        ORDER BY f.businessDate, f.name, \(order)
        """
    }
}

/// rules.md §1: the first record of a unique key stands; a later one is ignored with E004.
/// Records with an invalid ID number take part in nothing: they raise E003 and claim no key.
struct UniqueKeys {
    private var seen: [String: Set<String>] = [:]
    private(set) var findings: [Finding] = []

    /// True when the record may take part; false when it raised E003 or E004.
    mutating func admit(table: String, key: String, idValid: Bool, idNumber: String,
                       file: String, source: String, subject: Finding.Subject) -> Bool {
        guard idValid else {
            findings.append(Finding(code: "E003", subject: .init(idNumber: idNumber, file: file), source: source,
                                    detail: idNumber.isEmpty ? "身份证号为空" : "身份证号校验不通过（GB 11643-1999）"))
            return false
        }
        guard seen[table, default: []].insert(key).inserted else {
            findings.append(Finding(code: "E004", subject: subject, source: source,
                                    detail: "唯一键 \(key) 已由更早的记录导入，本记录被忽略"))
            return false
        }
        return true
    }
}
