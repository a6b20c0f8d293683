import GRDB
import GRDBSQLite

extension LedgerLoader {
    private enum HardshipColumn: Int, LoadedColumn { case fileId, line, idNumber, idValid, category, certifiedOn, endsOn, endReason }

    /// The snapshots read, and the findings of their rows (E003), for `LedgerHistory`.
    struct LoadedSnapshots {
        var snapshots: [LedgerHistory.Dated<HardshipSnapshot>] = []
        var findings: [LedgerHistory.Dated<Finding>] = []
    }

    /// Each department's snapshots through `through`: per date, the file with the highest SEQ
    /// (rules.md §3). Reads nothing but `db`: it may run on a connection of its own.
    func loadSnapshots(_ db: Database, through: Day) throws -> LoadedSnapshots {
        typealias C = HardshipColumn
        var loaded = LoadedSnapshots()
        let files = try Row.fetchAll(db, sql: """
            SELECT id, name, sender, businessDate, seq FROM inputFile
            WHERE status = 'IMPORTED' AND kind = 'HARD' AND businessDate <= ?\(withinCutoff("id"))
            ORDER BY sender, businessDate, seq
            """, arguments: [through.iso])
        var chosen: [String: (id: Int64, name: String, sender: String, date: String)] = [:]
        for file in files { chosen["\(file["sender"] as String)|\(file["businessDate"] as String)"] = (file["id"], file["name"], file["sender"], file["businessDate"]) }
        let ordered = chosen.values.sorted(by: { ($0.sender, $0.date) < ($1.sender, $1.date) })
        if ordered.isEmpty { return loaded }
        // Certification only ever matters for borrowers (rules.md §4, E410): rows of people with
        // no drawdown in the store are not loaded, except those with an invalid ID, which raise
        // E003. The rows are scanned in table order (the order of import, cheaper than through
        // the index on fileId) and each ID number is looked up by its bytes, before any String
        // is made of it: SQLite's `IN (SELECT idNumber FROM drawdown)` cost a tenth of a run.
        // A part of the city (`only`): its people's rows, through the index on the ID number.
        let keys = withinKeys("hardshipRow"), ownBorrowers = withinKeys("drawdown")
        let borrowers = try BorrowerIDs(db, sql: "SELECT DISTINCT r.idNumber FROM drawdown r WHERE 1\(ownBorrowers.sql)",
                                        arguments: ownBorrowers.arguments)
        var rowsByFile: [Int64: [(idValid: Bool, row: HardshipSnapshot.Row)]] = [:]
        let statement = try db.makeStatement(sql: """
            SELECT fileId, line, idNumber, idValid, category, certifiedOn, endsOn, endReason FROM hardshipRow r\(only == nil ? " NOT INDEXED" : "")
            WHERE fileId IN (\(ordered.map { String($0.id) }.joined(separator: ",")))\(keys.sql)
            """)
        try statement.setArguments(keys.arguments)
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            let idValid: Bool = row[C.idValid]
            guard !idValid || borrowers.contains(statement.sqliteStatement, column: C.idNumber.rawValue) else { continue }
            let endReason: HardshipEndReason? = try row.optionalCode(C.endReason)
            try rowsByFile[row[C.fileId], default: []].append((idValid, HardshipSnapshot.Row(
                idNumber: row[C.idNumber], category: row.code(C.category), certifiedOn: row.day(C.certifiedOn),
                endsOn: row.optionalDay(C.endsOn), revoked: endReason == .revoked, line: row[C.line])))
        }
        var unique = UniqueKeys()
        for file in ordered {
            let day = try StoredValueError.reading("inputFile") { try StoredValueError.day(file.date, column: "businessDate") }
            var candidates = rowsByFile[file.id] ?? []
            if !zip(candidates, candidates.dropFirst()).allSatisfy({ $0.row.line < $1.row.line }) { candidates.sort { $0.row.line < $1.row.line } }
            var rows: [HardshipSnapshot.Row] = []
            for candidate in candidates {
                guard unique.validID(candidate.idValid, idNumber: candidate.row.idNumber, file: file.name, day: day,
                                     source: "\(file.name):\(candidate.row.line)") else { continue }
                rows.append(candidate.row)
            }
            loaded.snapshots.append(.init(day: day, value:
                HardshipSnapshot(department: file.sender, date: day, file: file.name, rows: rows)))
        }
        loaded.findings = unique.findings
        return loaded
    }
}
