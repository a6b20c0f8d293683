import GRDB
import GRDBSQLite

/// A failure of the SQLite C API on the bulk-insert path, with SQLite's own message.
package struct SQLiteInsertError: Error, Sendable, Equatable, CustomStringConvertible {
    package let code: Int32
    package let message: String
    package let sql: String

    package var description: String { "SQLite error \(code) (\(message)) in: \(sql)" }
}

/// The prepared `INSERT`s of one table on the connection of an open GRDB `Database`, bound
/// through the SQLite C API from rows already encoded (`EncodedRows`). The big tables (a
/// million receipts or hardship rows in one file) go through here instead of GRDB's
/// `StatementArguments`, which boxed every value (measured: binding through it cost more than
/// parsing the file). Rows are written `batch` at a time by one multi-row statement, which
/// spares SQLite most of its per-statement work (measured on a million hardship rows, single
/// thread: 3.4 s → 2.6 s); `flush()` writes the rest one by one. Both statements
/// are finalized by `close()` or at the latest on deinit, on every path.
///
/// The table's `fileId` column is bound to the file being imported, whatever the row says: the
/// store, not the importer, knows which file a row comes from (an importer may start reading a
/// file before the store has given it an id: `Intake+Prefetch.swift`).
final class PreparedInsert<R: FastInsertable> {
    static var batch: Int { 64 }
    private var one: OpaquePointer?
    private var many: OpaquePointer?
    private let connection: OpaquePointer
    /// Rows given one at a time, waiting for a full batch.
    private var pending = EncodedRows(columns: R.insertColumns.count)
    /// The position of `fileId` among the columns (-1 for a table without one), and its value:
    /// the file being written (the statement serves the files of a batch one after another).
    private let fileColumn: Int
    var fileId: Int64

    init(_ db: Database, fileId: Int64) throws(SQLiteInsertError) {
        guard let connection = db.sqliteConnection else {
            throw SQLiteInsertError(code: SQLITE_MISUSE, message: "the database is closed", sql: R.insertSQL(rows: 1))
        }
        self.connection = connection
        self.fileColumn = R.insertColumns.firstIndex(of: "fileId") ?? -1
        self.fileId = fileId
        one = try Self.prepare(connection, R.insertSQL(rows: 1))
    }

    /// The multi-row statement, prepared when a file first fills a batch: most files of a run
    /// are small, and parsing a statement of `batch` rows for each of them cost more than
    /// inserting their rows.
    private func manyRows() throws(SQLiteInsertError) -> OpaquePointer {
        if let many { return many }
        guard one != nil else { throw SQLiteInsertError(code: SQLITE_MISUSE, message: "statement closed", sql: R.insertSQL(rows: Self.batch)) }
        let statement = try Self.prepare(connection, R.insertSQL(rows: Self.batch))
        many = statement
        return statement
    }

    private static func prepare(_ connection: OpaquePointer, _ sql: String) throws(SQLiteInsertError) -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_finalize(statement)
            throw SQLiteInsertError(code: code, message: message, sql: sql)
        }
        return statement
    }

    deinit { close() }

    /// Finalizes the statements; rows not flushed are dropped.
    func close() {
        if let one { sqlite3_finalize(one) }
        if let many { sqlite3_finalize(many) }
        one = nil
        many = nil
        pending.removeAll()
    }

    /// Drops the rows held back (a file rolled back); the statements stay prepared.
    func discardPending() { pending.removeAll() }

    func insert(_ record: R) throws(SQLiteInsertError) {
        try insert { record.bind(to: &$0) }
    }

    func insert(encoding body: (inout InsertRow) -> Void) throws(SQLiteInsertError) {
        try pending.append(as: R.self, body)
        if pending.count == Self.batch {
            try run(try manyRows(), pending, rows: 0..<Self.batch)
            pending.removeAll()
        }
    }

    /// Writes encoded rows: whole batches at once, the rest after the rows held back.
    func insert(_ rows: EncodedRows) throws(SQLiteInsertError) {
        try flush()
        var start = 0
        while rows.count - start >= Self.batch {
            try run(try manyRows(), rows, rows: start..<start + Self.batch)
            start += Self.batch
        }
        for row in start..<rows.count { try run(one, rows, rows: row..<row + 1) }
    }

    /// Writes the rows still held back.
    func flush() throws(SQLiteInsertError) {
        for row in 0..<pending.count { try run(one, pending, rows: row..<row + 1) }
        pending.removeAll()
    }

    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    /// Binds `rows` of `encoded` (texts in place: the buffer outlives the step) and steps once.
    private func run(_ statement: OpaquePointer?, _ encoded: EncodedRows, rows: Range<Int>) throws(SQLiteInsertError) {
        let sql = { R.insertSQL(rows: rows.count) }
        guard let statement else { throw SQLiteInsertError(code: SQLITE_MISUSE, message: "statement closed", sql: sql()) }
        let values = encoded.values[rows.lowerBound * encoded.columns ..< rows.upperBound * encoded.columns]
        guard values.count == Int(sqlite3_bind_parameter_count(statement)) else {
            throw SQLiteInsertError(code: SQLITE_RANGE, message: "\(values.count) values for \(sqlite3_bind_parameter_count(statement)) parameters", sql: sql())
        }
        let code = encoded.bytes.withUnsafeBufferPointer { bytes -> Int32 in
            var parameter: Int32 = 0
            var column = 0
            for value in values {
                parameter += 1
                let bound: Int32
                if column == fileColumn {
                    bound = sqlite3_bind_int64(statement, parameter, fileId)
                } else {
                switch value {
                case .null: bound = sqlite3_bind_null(statement, parameter)
                case .integer(let n): bound = sqlite3_bind_int64(statement, parameter, n)
                case .text(let start, let count):
                    if count == 0 {
                        bound = sqlite3_bind_text(statement, parameter, "", 0, Self.transient)  // '' and not NULL
                    } else {
                        bound = UnsafeRawPointer(bytes.baseAddress! + Int(start)).withMemoryRebound(to: CChar.self, capacity: Int(count)) {
                            sqlite3_bind_text(statement, parameter, $0, count, nil)  // SQLITE_STATIC: reset below
                        }
                    }
                case .blob(let start, let count):
                    bound = count == 0 ? sqlite3_bind_zeroblob(statement, parameter, 0)
                        : sqlite3_bind_blob(statement, parameter, bytes.baseAddress! + Int(start), count, nil)  // SQLITE_STATIC
                }
                }
                column = column + 1 == encoded.columns ? 0 : column + 1
                if bound != SQLITE_OK { sqlite3_reset(statement); return bound }
            }
            let stepped = sqlite3_step(statement)
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)  // no pointer into the buffer outlives this call
            return stepped
        }
        guard code == SQLITE_DONE else {
            throw SQLiteInsertError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql())
        }
    }
}

/// The prepared INSERTs of a batch (`ImportBatch`), one per table, kept from one file to the
/// next: preparing them again for each of the thousands of small files of a big inbox cost a
/// tenth of the store's writing (docs/benchmarks.md). Finalized when the batch lets them go.
final class PreparedInserts {
    private var statements: [ObjectIdentifier: AnyObject] = [:]

    init() {}

    /// The statement of `R`'s table on `db`'s connection, prepared on first use.
    func statement<R: FastInsertable>(for type: R.Type, db: Database, fileId: Int64) throws -> PreparedInsert<R> {
        let key = ObjectIdentifier(R.self)
        let statement: PreparedInsert<R>
        if let known = statements[key] {
            statement = unsafeDowncast(known, to: PreparedInsert<R>.self)
        } else {
            statement = try PreparedInsert<R>(db, fileId: fileId)
            statements[key] = statement
        }
        statement.fileId = fileId
        return statement
    }
}
