import Foundation
import GRDB
import Logging
import ZhubaoSystem

/// The SQLite store under `state/`. A file's registry row and its records are written together
/// or not at all (a savepoint inside a batch's transaction, `Store+Batch.swift`); nothing of a
/// rejected file reaches the record tables.
package final class Store: Sendable {
    package let database: DatabaseQueue
    package static let fileName = "zhubao.sqlite"

    /// Opens (creating if needed) and migrates the store at `path`. Only `Store.create` (for
    /// `init` and tests) and `Store.open` (guarded: never creates) call it.
    init(path: String, check: ((Database) throws -> Void)? = nil) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL keeps readers off the writer's back; FULL syncs each commit, so that a file
            // moved out of the inbox after its commit is never ahead of the store, even on power loss.
            // 16 KiB pages (for a store created now; an existing one keeps its size): a million-row
            // import writes a quarter as many WAL frames and b-tree pages, and took a fifth less
            // time (docs/benchmarks.md).
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        if let check { try database.read(check) }
        try Migrations.migrator.migrate(database)
    }

    /// An in-memory store, for tests and `validate`.
    package init() throws {
        database = try DatabaseQueue()
        try Migrations.migrator.migrate(database)
    }

    /// Every delivery recorded under a name, first first.
    package func deliveries(named name: String) throws -> [InputFileRecord] {
        try database.read { db in
            try InputFileRecord.filter(Column("name") == name).order(Column("id")).fetchAll(db)
        }
    }
}

/// What an importer reports about one file.
package struct ImportOutcome: Sendable {
    package var diagnostics = DiagnosticBag()
    package var recordCount = 0
    package init() {}

    /// A file with any error-level diagnostic is rejected whole (formats.md "Layout").
    package var rejects: Bool { diagnostics.hasErrors }

    /// The rejection reason: every error, one a line.
    package var reason: String {
        var lines = diagnostics.errors.map(\.description)
        if diagnostics.dropped > 0 { lines.append("……另有 \(diagnostics.dropped) 处问题未列出") }
        return lines.joined(separator: "\n")
    }
}

/// Where importers write records. `StoreSink` writes into the open transaction; `validate`
/// passes a sink that keeps nothing.
package protocol RecordSink {
    var fileId: Int64 { get }
    /// Inserts a record whose row id the caller needs (a participant, before its co-borrowers).
    mutating func insert<R: MutablePersistableRecord>(_ record: inout R) throws
    /// Inserts a row of a big table through its prepared statement.
    mutating func insertRow<R: FastInsertable>(_ record: R) throws
    /// Inserts a row of `R`'s table whose values `body` adds in the order of `R.insertColumns`.
    mutating func insertRow<R: FastInsertable>(as type: R.Type, encoding body: (inout InsertRow) -> Void) throws
    /// Runs `work` where the rows are written, after everything handed over before it: on the
    /// writing thread for a `ForwardingSink`, at once otherwise. An importer gives it checks
    /// that need not hold up the reading.
    mutating func whereRowsGo(_ work: @escaping (inout any RecordSink) throws -> Void) throws
    /// Returns once all `whereRowsGo` work has run.
    mutating func settle() throws
    /// Forgets every row written through `insertRow` so far (the file's registry row stays), so
    /// that the file can be read again another way. Not for records written with `insert`.
    mutating func discardRows() throws
}

extension RecordSink {
    /// `whereRowsGo` for a sink that writes on the calling thread.
    mutating func runHere(_ work: (inout any RecordSink) throws -> Void) throws {
        var sink: any RecordSink = self
        defer { if let same = sink as? Self { self = same } }
        try work(&sink)
    }
}

package struct StoreSink: RecordSink {
    let db: Database
    package let fileId: Int64
    /// The batch's prepared INSERTs (`PreparedInserts`), and those of the tables this file
    /// wrote so far (a `PreparedInsert<R>` each), flushed by `finish()`; `close()` drops the
    /// rows they still hold back.
    private let inserts: PreparedInserts
    private var statements: [ObjectIdentifier: AnyObject] = [:]
    private var flushes: [() throws -> Void] = []
    private var discards: [() -> Void] = []
    /// The tables written through `insertRow`, and whether `insert` was used, for `discardRows`.
    private var written: Set<String> = []
    private var insertedRecords = false

    init(db: Database, fileId: Int64, inserts: PreparedInserts = PreparedInserts()) {
        self.db = db
        self.fileId = fileId
        self.inserts = inserts
    }

    package mutating func insert<R: MutablePersistableRecord>(_ record: inout R) throws {
        try finish()  // rows held back go first: the store keeps the file's order across tables
        if let scoped = record as? any FileScopedRecord, let owned = scoped.owned(by: fileId) as? R {
            record = owned  // the file being imported, as `PreparedInsert` binds it
        }
        try record.insert(db)
        insertedRecords = true
    }

    package mutating func insertRow<R: FastInsertable>(_ record: R) throws {
        try statement(for: R.self).insert(record)
    }

    package mutating func insertRow<R: FastInsertable>(as type: R.Type, encoding body: (inout InsertRow) -> Void) throws {
        try statement(for: R.self).insert(encoding: body)
    }

    package mutating func whereRowsGo(_ work: @escaping (inout any RecordSink) throws -> Void) throws { try runHere(work) }
    package mutating func settle() throws {}

    package mutating func discardRows() throws {
        precondition(!insertedRecords, "discardRows() cannot undo insert(_:)")
        let tables = written
        close()  // rows held back are dropped with their statements
        written = []
        for table in tables.sorted() {
            try db.execute(sql: "DELETE FROM \(table) WHERE fileId = ?", arguments: [fileId])
        }
    }

    /// Writes rows encoded on another thread (`ForwardingSink`).
    mutating func insertRows<R: FastInsertable>(_ rows: EncodedRows, as type: R.Type) throws {
        try statement(for: R.self).insert(rows)
    }

    private mutating func statement<R: FastInsertable>(for type: R.Type) throws -> PreparedInsert<R> {
        let key = ObjectIdentifier(R.self)
        if let statement = statements[key] { return unsafeDowncast(statement, to: PreparedInsert<R>.self) }
        let statement = try inserts.statement(for: R.self, db: db, fileId: fileId)
        statements[key] = statement
        written.insert(R.databaseTableName)
        flushes.append { try statement.flush() }
        discards.append { statement.discardPending() }
        return statement
    }

    /// Writes the rows the prepared statements still hold back.
    mutating func finish() throws {
        for flush in flushes { try flush() }
    }

    /// Drops the rows the statements still hold back (none after `finish()`), on every path;
    /// the statements stay prepared for the batch's next file.
    mutating func close() {
        for discard in discards { discard() }
        flushes = []
        discards = []
        statements = [:]
    }
}

package struct DiscardingSink: RecordSink {
    package let fileId: Int64 = 0
    package init() {}
    package mutating func insert<R: MutablePersistableRecord>(_ record: inout R) throws {}
    package mutating func insertRow<R: FastInsertable>(_ record: R) throws {}
    package mutating func insertRow<R: FastInsertable>(as type: R.Type, encoding body: (inout InsertRow) -> Void) throws {}
    package mutating func whereRowsGo(_ work: @escaping (inout any RecordSink) throws -> Void) throws { try runHere(work) }
    package mutating func settle() throws {}
    package mutating func discardRows() throws {}
}
