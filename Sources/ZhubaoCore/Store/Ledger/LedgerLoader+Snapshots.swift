import GRDB
import GRDBSQLite

extension LedgerLoader {
    /// The snapshots read, and the findings of their rows (E003), for `LedgerHistory`.
    struct LoadedSnapshots {
        var snapshots: [LedgerHistory.Dated<HardshipSnapshot>] = []
        var findings: [LedgerHistory.Dated<Finding>] = []
    }

    /// Each department's snapshots through `through`: per date, the file with the highest SEQ
    /// (rules.md §3). Reads nothing but `db`: it may run on a connection of its own.
    func loadSnapshots(_ db: Database, through: Day) throws -> LoadedSnapshots {
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
        // no drawdown in the store are not kept, except those with an invalid ID, which raise
        // E003. Each row's ID number is looked up by its bytes in the chunk, before any String
        // is made of it. A part of the city (`only`): its people's rows.
        let ownBorrowers = withinKeys("drawdown")
        let borrowers = try BorrowerIDs(db, sql: "SELECT DISTINCT r.idNumber FROM drawdown r WHERE 1\(ownBorrowers.sql)",
                                        arguments: ownBorrowers.arguments, among: only?.persons)
        var rowsByFile: [Int64: [(idValid: Bool, row: HardshipSnapshot.Row)]] = [:]
        try HardshipChunk.forEachChunk(db, files: ordered.map(\.id)) { fileId, chunk in
            var rows = rowsByFile[fileId] ?? []
            rowsByFile[fileId] = nil
            try HardshipChunk.forEachRow(in: chunk, wanted: { id, valid in !valid || borrowers.contains(bytes: id) }) { view in
                // An end reason outside the code's list throws: a damaged store, as a column's was.
                rows.append((view.idValid, HardshipSnapshot.Row(
                    idNumber: view.text(view.idNumber), category: try view.categoryCode, certifiedOn: try view.certifiedDay,
                    endsOn: try view.endDay, revoked: try view.reason == .revoked, line: view.line)))
            }
            rowsByFile[fileId] = rows
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
