import Foundation
import GRDB

extension Store {
    /// Runs `body` in one transaction, committed when it returns (rolled back when it throws):
    /// the files `body` records through the batch commit together, with one sync of the WAL
    /// instead of one a file. Each file is still whole or nothing (`ImportBatch.importFile`).
    ///
    /// Every row a file writes refers to its registry row, inserted first in the same
    /// transaction, so the per-row foreign-key lookup (a tenth of SQLite's time on a million
    /// rows) is switched off for the transaction and on again after it (the pragma is a no-op
    /// inside a transaction).
    ///
    /// The page cache is widened to `batchCacheKiB` for the batch: a big file inserts into
    /// indexes in random key order, and with SQLite's default 2 MiB most inserts missed the
    /// cache and spilled pages to the WAL that were written again later (docs/benchmarks.md).
    package func inBatch<T>(_ body: (ImportBatch) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = \(-Self.batchCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            var value: T?
            let transaction = Result {
                try db.inTransaction(.immediate) {
                    value = try body(ImportBatch(db: db))
                    return .commit
                }
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")  // on every path, and its failure is not swallowed
            try transaction.get()
            return value!
        }
    }

    static let batchCacheKiB = 64 << 10

    /// Imports a file in a transaction of its own (`ImportBatch.importFile`).
    package func importFile(_ file: InputFileRecord,
                           body: (inout StoreSink) throws -> ImportOutcome) throws -> (InputFileRecord, ImportOutcome) {
        try inBatch { batch in try batch.importFile(file, body: body) }
    }
}

/// The store inside a batch's open transaction (`Store.inBatch`): what intake reads and writes
/// for each file of the batch. Nothing of it is kept unless the batch commits.
package struct ImportBatch {
    let db: Database
    /// The prepared INSERTs, kept from file to file of the batch.
    let inserts = PreparedInserts()

    /// Every delivery recorded under a name, first first (this batch's included).
    package func deliveries(named name: String) throws -> [InputFileRecord] {
        // A cached statement: asked once for every file of a run.
        try InputFileRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM inputFile WHERE name = ? ORDER BY id"),
                                     arguments: [name])
    }

    /// Records a file that brings no records (a rejection or a conflict).
    @discardableResult
    package func record(_ file: InputFileRecord) throws -> InputFileRecord {
        var row = file
        try row.insert(db)
        return row
    }

    /// Imports a file in a savepoint of the batch: its registry row, then whatever `body` writes
    /// through the sink. When `body` returns diagnostics with an error, the savepoint is rolled
    /// back and the file recorded as rejected instead, with the diagnostics as its reason; when
    /// it throws, the savepoint is rolled back and the error passed on. The batch's other files
    /// are untouched either way.
    package func importFile(_ file: InputFileRecord,
                           body: (inout StoreSink) throws -> ImportOutcome) throws -> (InputFileRecord, ImportOutcome) {
        var outcome = ImportOutcome()
        var committed: InputFileRecord?
        try db.inSavepoint {
            var row = file
            row.status = .imported
            try row.insert(db)
            var sink = StoreSink(db: db, fileId: row.id!, inserts: inserts)
            defer { sink.close() }
            outcome = try body(&sink)
            if outcome.rejects { return .rollback }
            try sink.finish()
            row.recordCount = outcome.recordCount
            try row.update(db, columns: ["recordCount"])
            committed = row
            return .commit
        }
        if let committed { return (committed, outcome) }
        var rejected = file
        rejected.status = .rejected
        rejected.reason = outcome.reason
        return (try record(rejected), outcome)
    }
}
