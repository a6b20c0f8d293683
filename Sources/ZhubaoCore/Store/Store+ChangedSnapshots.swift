import GRDB

extension Store {
    /// rules.md §3: a department's new snapshot changes the certification of the people whose
    /// rows differ from its snapshot before (listed in one only, or listed differently), among
    /// those who borrow. Each department's snapshots in (P, D] are compared in order with the one
    /// before, from the one chosen as of P. nil when a snapshot arrived dated on or before P: it
    /// would change a series already computed, and the run computes the whole city.
    func changedSnapshotKeys(since: Since, asOf day: Day) throws -> KeySet? {
        try database.read { db -> KeySet? in
            let files = try Row.fetchAll(db, sql: """
                SELECT id, sender, businessDate, seq FROM inputFile
                WHERE status = 'IMPORTED' AND kind = 'HARD' AND businessDate <= ? AND (businessDate > ? OR id > ?)
                ORDER BY sender, businessDate, seq, id
                """, arguments: [day.iso, since.asOf.iso, since.lastFileId])
            var keys = KeySet()
            var byDepartment: [String: [Int64]] = [:]
            for file in files {
                guard (file["businessDate"] as String) > since.asOf.iso else { return nil }
                byDepartment[file["sender"], default: []].append(file["id"])
            }
            for (department, new) in byDepartment {
                let before = try Int64.fetchOne(db, sql: """
                    SELECT id FROM inputFile WHERE status = 'IMPORTED' AND kind = 'HARD' AND sender = ?
                    AND businessDate <= ? AND id <= ? ORDER BY businessDate DESC, seq DESC LIMIT 1
                    """, arguments: [department, since.asOf.iso, since.lastFileId])
                var previous = try before.map { try rows(db, file: $0) } ?? [:]
                for file in new {
                    let current = try rows(db, file: file)
                    for (id, content) in current where previous[id] != content { keys.insert(.person, id) }
                    for id in previous.keys where current[id] == nil { keys.insert(.person, id) }
                    previous = current
                }
            }
            // Certification matters only for borrowers (the loader reads no one else's rows): a
            // person who borrows later is read whole with the drawdown that arrives.
            guard let (condition, arguments) = keys.condition("drawdown") else { return keys }
            return KeySet(persons: Set(try String.fetchAll(db, sql: "SELECT DISTINCT r.idNumber FROM drawdown r WHERE \(condition)",
                                                           arguments: arguments)))
        }
    }

    /// A snapshot's rows less their line numbers, by ID number, in the order of their lines.
    private func rows(_ db: Database, file: Int64) throws -> [String: [String]] {
        var rows: [String: [String]] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT idNumber, category || '|' || certifiedOn || '|' || coalesce(endsOn, '') || '|' || coalesce(endReason, '')
            FROM hardshipRow WHERE fileId = ? ORDER BY line
            """, arguments: [file])
        while let row = try cursor.next() { rows[row[0] as String, default: []].append(row[1]) }
        return rows
    }
}
