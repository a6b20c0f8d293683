import GRDB

/// A row of `outboxFile`: one file written to `outbox/{recipient}/` (outbound.md), with its
/// control totals, its SHA-256, and the run that wrote it (its as-of date and when it ran).
package struct OutboxFileRecord: RowIDRecord {
    package static let databaseTableName = "outboxFile"
    package enum Columns: String, RecordColumn {
        case id, name, recipient, kind, region, businessDate, seq, year
        /// The content, and the run that wrote it.
        case lineCount, total, sha256, linesSha256, runAsOf, writtenAt
    }
    typealias CodingKeys = Columns
    package var id: Int64?, name: String, recipient: String
    package var kind: OutboundKind
    package var region: String
    /// The as-of date of the run that wrote it (the name's YYYYMMDD), ISO.
    package var businessDate: String
    /// The name's SEQ, and for ELIG the year of the list.
    package var seq: Int, year: Int?
    /// The trailer's count and total (in fen), the file's SHA-256 and its detail lines'.
    package var lineCount: Int, total: Int64, sha256: String, linesSha256: String
    /// The as-of date of the run, and the ISO 8601 timestamp of the write.
    package var runAsOf: String, writtenAt: String
}
