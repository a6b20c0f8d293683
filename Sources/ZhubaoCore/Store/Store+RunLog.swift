import GRDB

/// The run registry's rows (`runLog`, issue 16). A row still RUNNING whose process is gone
/// (`isGone`) was killed: each call that reads or starts runs marks such rows KILLED first, in
/// its transaction, and returns them so that the caller can say so.
extension Store {
    /// Makes writes wait up to `milliseconds` for another writer instead of failing at once.
    func waitForWriters(milliseconds: Int) throws {
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA busy_timeout = \(milliseconds)") }
    }

    /// Records the start of a run; returns it with its id, and the runs found killed.
    func startRun(_ run: RunRecord, isGone: (RunRecord) -> Bool) throws -> (run: RunRecord, killed: [RunRecord]) {
        try database.write { db in
            let killed = try Self.markKilled(db, isGone: isGone)
            var row = run
            try row.insert(db)
            return (row, killed)
        }
    }

    /// Writes the end of a run started with `startRun`.
    func endRun(_ run: RunRecord) throws {
        try database.write { db in try run.update(db) }
    }

    /// The last `count` runs, newest first, and the runs found killed.
    func lastRuns(_ count: Int, isGone: (RunRecord) -> Bool) throws -> (runs: [RunRecord], killed: [RunRecord]) {
        try database.write { db in
            let killed = try Self.markKilled(db, isGone: isGone)
            return (try RunRecord.order(RunRecord.Columns.id.desc).limit(count).fetchAll(db), killed)
        }
    }

    private static func markKilled(_ db: Database, isGone: (RunRecord) -> Bool) throws -> [RunRecord] {
        var killed: [RunRecord] = []
        for var record in try RunRecord.filter(RunRecord.Columns.status == RunRecord.Status.running.rawValue).fetchAll(db)
        where isGone(record) {
            record.status = .killed
            try record.update(db)
            killed.append(record)
        }
        return killed
    }
}
