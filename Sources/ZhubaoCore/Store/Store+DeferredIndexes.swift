import Foundation
import GRDB
import Logging

/// A bulk import without the key and date indexes (issue 14: the whole inbox in one run).
///
/// Every drawdown, receipt, bank line and participant enters the indexes that
/// migrations v7 and v8 made for the next-day run: a b-tree insert at a random place each, which
/// made the import of a two-year inbox into a new store twice as slow as the same import without
/// them (docs/benchmarks.md "Deferred indexes"). Building an index over a filled table sorts it
/// once instead. So an intake that brings much relative to what the store holds
/// (`defersIndexes(importing:)`) drops those indexes in its first batch and builds them again
/// after its last one (`buildDeferredIndexes`).
///
/// Nothing is lost if the run is killed in between: each index's `CREATE INDEX` is written to
/// `deferredIndex` in the transaction that drops it, and deleted in the one that builds it
/// again; the next run that opens the store under the lock (`WorkspaceSession.openStore`)
/// builds whatever `deferredIndex` still names. The rows are the same with the indexes or
/// without; only the time of the queries that use them differs (nothing in the import does).
extension Store {
    /// The indexes a bulk import defers: migration v7's keys and v8's dates. The `…ByFile`
    /// indexes (appended in order, cheap) and the registry's (read by every file's intake) stay.
    static let deferrableIndexes: [String] = [
        "drawdownByIdNumber", "drawdownByLoanNo", "drawdownByContractNo", "drawdownInvalidID", "drawdownByDisbursedOn",
        "receiptByIdNumber", "receiptByContractNo", "receiptByTicketNo", "receiptByReversesTicketNo", "receiptInvalidID",
        "receiptByPaidOn",
        "bankTransactionByIdNumber", "bankTransactionByLoanNo", "bankTransactionByTxnNo", "bankTransactionInvalidID",
        "bankTransactionByTxnDate",
        "claimLineByLoanNo", "claimLineInvalidID",
        "participantByIdNumber", "participantByContractNo", "participantInvalidID", "participantByDeathDate",
    ]

    /// An intake defers the indexes when its files hold at least this share of the store's
    /// bytes (one in `deferShare`): a new store, or months of files at once. The build reads
    /// the whole of each table, so a day's files into a filled store keep the indexes.
    static let deferShare: Int64 = 4

    /// Whether an intake of files holding `bytes` (as they lie in the inbox) defers the indexes.
    package func defersIndexes(importing bytes: Int64) -> Bool {
        bytes > 0 && bytes * Self.deferShare >= fileBytes
    }

    /// The store's bytes on disk: the file and its WAL (0 for an in-memory store).
    var fileBytes: Int64 {
        let path = database.path
        guard !path.isEmpty, path != ":memory:" else { return 0 }
        return Self.fileSize(path) + Self.fileSize(path + "-wal")
    }

    /// Builds every index `deferredIndex` names, in one transaction that also empties it; the
    /// number built (0, without a write, when none waits).
    @discardableResult
    package func buildDeferredIndexes(logger: Logger) throws -> Int {
        let waiting = try database.read { db in try DeferredIndexRecord.fetchCount(db) }
        guard waiting > 0 else { return 0 }
        let started = DispatchTime.now()
        let built = try inBatch { batch in try batch.buildDeferredIndexes() }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        logger.info("deferred indexes built", metadata: ["indexes": "\(built)", "ms": "\(milliseconds)"])
        return built
    }
}

extension ImportBatch {
    /// Drops each deferrable index the store has, writing its `CREATE INDEX` to `deferredIndex`
    /// first; the number dropped. In the batch's transaction: both or neither are kept.
    package func deferIndexes() throws -> Int {
        var dropped = 0
        for name in Store.deferrableIndexes {
            guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) else { continue }
            try DeferredIndexRecord(name: name, sql: sql).save(db)
            try db.execute(sql: "DROP INDEX \(name)")
            dropped += 1
        }
        return dropped
    }

    /// Runs each `CREATE INDEX` that `deferredIndex` holds (one whose index exists already is
    /// skipped) and deletes the rows; the number built.
    func buildDeferredIndexes() throws -> Int {
        var built = 0
        for index in try DeferredIndexRecord.order(DeferredIndexRecord.Columns.name).fetchAll(db) {
            if try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [index.name]) != true {
                try db.execute(sql: index.sql)
                built += 1
            }
        }
        try DeferredIndexRecord.deleteAll(db)
        return built
    }
}

/// A build of the deferred indexes under way on a connection of its own
/// (`Store.startBuildingDeferredIndexes`), while the run reads the store on its own: the whole
/// city's ledger is read by the files' indexes, which stay, so the two overlap. `wait()` before
/// anything that needs the built indexes (the next-day run's key queries) or writes; its error
/// (and `deferredIndex` still names the indexes for the next run) is thrown there.
package typealias IndexBuild = Background<Int>

extension Store {
    /// Starts building what `deferredIndex` names on a second connection to the store, on a
    /// thread of its own; nil when nothing waits (or, for a store in memory, after building it
    /// here). The caller waits for it before its next write, and before the run lock goes.
    package func startBuildingDeferredIndexes(logger: Logger) throws -> IndexBuild? {
        guard try database.read({ db in try DeferredIndexRecord.fetchCount(db) }) > 0 else { return nil }
        guard fileBytes > 0 else {
            try buildDeferredIndexes(logger: logger)
            return nil
        }
        let builder = try Store(path: database.path)
        return IndexBuild { try builder.buildDeferredIndexes(logger: logger) }
    }
}
