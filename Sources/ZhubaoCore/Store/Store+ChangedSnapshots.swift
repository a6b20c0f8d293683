import GRDB
import GRDBSQLite

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
                var fields = SnapshotFields()
                var previous = try before.map { try fields.people(db, file: $0) } ?? [:]
                for file in new {
                    let current = try fields.people(db, file: file)
                    for (id, rows) in current where previous[id] != rows { keys.insert(.person, id.string) }
                    for id in previous.keys where current[id] == nil { keys.insert(.person, id.string) }
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
}

/// The fields of snapshot rows that rules.md §3 reads, each text numbered by its bytes (NULL
/// apart from every text; days their digits), so that two snapshots of a department of a province's size (some
/// 900,000 rows each) are compared without a `String` made of each field.
private struct SnapshotFields {
    private var numbers: [TextKey?: UInt32] = [:]

    /// A snapshot's rows less their line numbers (category, 认定日期, 终止日期, 终止原因), by ID
    /// number, in the order of their lines.
    mutating func people(_ db: Database, file: Int64) throws -> [TextKey: [SIMD4<UInt32>]] {
        var people: [TextKey: [SIMD4<UInt32>]] = [:]
        try HardshipChunk.forEachChunk(db, files: [file]) { _, chunk in
            try HardshipChunk.forEachRow(in: chunk) { view in
                let reason = view.flags & HardshipChunk.hasEndReason == 0 ? nil : TextKey(view.endReason)
                let row = SIMD4<UInt32>(number(TextKey(view.category)), view.certifiedOn, view.endsOn, number(reason))
                people[TextKey(view.idNumber), default: []].append(row)
            }
        }
        return people
    }

    private mutating func number(_ text: TextKey?) -> UInt32 {
        if let number = numbers[text] { return number }
        let number = UInt32(numbers.count)
        numbers[text] = number
        return number
    }
}
