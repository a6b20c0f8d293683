import GRDB

/// The file registry (`inputFile`): what the daily outputs count, what the journal carries,
/// what `verify` checks against the kept bytes.
extension Store {
    /// Inserts a row in a transaction of its own (an acknowledgement, a claim run's, a replayed
    /// registry or outbox row); returns it with its id.
    @discardableResult
    func inserted<R: MutablePersistableRecord>(_ record: R) throws -> R {
        try database.write { db in
            var row = record
            try row.insert(db)
            return row
        }
    }

    /// Records a file that brings no records (a rejection or a conflict).
    @discardableResult
    package func record(_ file: InputFileRecord) throws -> InputFileRecord { try inserted(file) }

    /// The highest registry id: the files recorded so far (0 for none).
    func lastFileId() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM inputFile") } ?? 0
    }

    /// The registry rows with ids above `id`, in order (every row for 0).
    func files(after id: Int64 = 0) throws -> [InputFileRecord] {
        try database.read { db in try InputFileRecord.filter(Column("id") > id).order(Column("id")).fetchAll(db) }
    }

    /// Whether a file recorded after a run (id above its `cutoff`) counts on `day`.
    func hasFile(after cutoff: Int64, effectiveBy day: Day) throws -> Bool {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM inputFile WHERE id > ? AND coalesce(businessDate, receivedOn) <= ?",
                             arguments: [cutoff, day.iso]) ?? 0 > 0
        }
    }

    /// The files taken by the run of `day`, by status; `notYetEffective` of those the run had
    /// seen (ids up to `cutoff`).
    func fileCounts(receivedOn day: Day, cutoff: Int64) throws -> DailySummary.Files {
        try database.read { db in
            var files = DailySummary.Files()
            let rows = try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM inputFile WHERE receivedOn = ? AND id <= ? GROUP BY status",
                                        arguments: [day.iso, cutoff])
            for row in rows {
                switch row["status"] as String {
                case InputFileRecord.Status.imported.rawValue: files.imported = row["n"]
                case InputFileRecord.Status.rejected.rawValue: files.rejected = row["n"]
                default: files.conflicts = row["n"]
                }
            }
            files.notYetEffective = try Int.fetchOne(db, sql: "SELECT count(*) FROM inputFile WHERE status = 'IMPORTED' AND businessDate > ? AND id <= ?",
                                                     arguments: [day.iso, cutoff]) ?? 0
            return files
        }
    }
}
