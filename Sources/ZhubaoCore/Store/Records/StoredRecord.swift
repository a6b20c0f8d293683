import GRDB

/// A row of one of the store's tables, read and written by GRDB through `Codable`. Its columns
/// are listed once, as the cases of its `Columns` (GRDB's name for a record's columns), which
/// are also its coding keys (`typealias CodingKeys = Columns`), in the table's order: what its
/// fetch, its insert and its bulk insert use. A test compares them with the migrated table's,
/// by name and order.
package protocol StoredRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, ListsColumns {}

/// The columns of a stored record, as the cases of a `String` enum: the case names are the
/// column names and the coding keys (`ColumnExpression` takes its `name` from the key).
package protocol RecordColumn: CodingKey, ColumnExpression, CaseIterable {}

/// A record whose columns are listed as its `Columns`.
package protocol ListsColumns {
    associatedtype Columns: RecordColumn
}

extension ListsColumns {
    package static var columnNames: [String] { Columns.allCases.map(\.name) }
}

/// A stored record of a table whose key is an `INTEGER PRIMARY KEY` `id`: nil until inserted,
/// then the row id SQLite gave it.
package protocol RowIDRecord: StoredRecord {
    var id: Int64? { get set }
}

extension RowIDRecord {
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A record of a row read from an imported file: `fileId` names the file. The store sets it as
/// it writes the row (`StoreSink`, `PreparedInsert`), whatever the importer put there.
package protocol FileScopedRecord {
    var fileId: Int64 { get set }
}

extension FileScopedRecord {
    /// The record as a row of the file `file`.
    func owned(by file: Int64) -> Self {
        var record = self
        record.fileId = file
        return record
    }
}

extension ParticipantRecord: FileScopedRecord {}
extension ReceiptRecord: FileScopedRecord {}
extension HardshipChunkRecord: FileScopedRecord {}
extension DrawdownRecord: FileScopedRecord {}
extension BankTransactionRecord: FileScopedRecord {}
extension ClaimLineRecord: FileScopedRecord {}
