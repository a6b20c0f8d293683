import GRDB

/// A row of `outboxFile`: one file written to `outbox/{recipient}/` (outbound.md), with its
/// control totals, its SHA-256, and the run that wrote it (its as-of date and when it ran).
package struct OutboxFileRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "outboxFile"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, name, recipient, kind, region, businessDate, seq, year, lineCount, total, sha256, linesSha256
        case runAsOf, writtenAt
    }
    typealias CodingKeys = Columns
    package var id: Int64?
    package var name: String
    package var recipient: String
    /// `FDBK` or `ELIG`.
    package var kind: String
    package var region: String
    /// The as-of date of the run that wrote it (the name's YYYYMMDD), ISO.
    package var businessDate: String
    package var seq: Int
    /// ELIG: the year of the list.
    package var year: Int?
    package var lineCount: Int
    /// The trailer's total, in fen.
    package var total: Int64
    package var sha256: String
    package var linesSha256: String
    package var runAsOf: String
    /// ISO 8601 timestamp of the write.
    package var writtenAt: String
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
