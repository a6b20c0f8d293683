import GRDB

/// A row of `outboxFile`: one file written to `outbox/{recipient}/` (outbound.md), with its
/// control totals, its SHA-256, and the run that wrote it (its as-of date and when it ran).
public struct OutboxFileRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outboxFile"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, name, recipient, kind, region, businessDate, seq, year, lineCount, total, sha256, linesSha256
        case runAsOf, writtenAt
    }
    typealias CodingKeys = Columns
    public var id: Int64?
    public var name: String
    public var recipient: String
    /// `FDBK` or `ELIG`.
    public var kind: String
    public var region: String
    /// The as-of date of the run that wrote it (the name's YYYYMMDD), ISO.
    public var businessDate: String
    public var seq: Int
    /// ELIG: the year of the list.
    public var year: Int?
    public var lineCount: Int
    /// The trailer's total, in fen.
    public var total: Int64
    public var sha256: String
    public var linesSha256: String
    public var runAsOf: String
    /// ISO 8601 timestamp of the write.
    public var writtenAt: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
