import GRDB

/// A row of `inputFile`: one delivery of a file into the inbox, with what became of it.
public struct InputFileRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "inputFile"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, name, sha256, size, sender, kind, region, businessDate, seq, status, reason, recordCount
        case receivedAt, receivedOn
    }
    typealias CodingKeys = Columns

    public enum Status: String, Codable, Sendable {
        /// Its records are in the store.
        case imported = "IMPORTED"
        /// Rejected whole (E001); nothing of it is in the store.
        case rejected = "REJECTED"
        /// A name seen before, with other bytes (E002); the first delivery stands.
        case conflict = "CONFLICT"

        /// The exception a delivery of this status raises (rules.md §1): E001 for a rejected
        /// file, E002 for a conflicting name, none for an imported one. The one place that says
        /// so: the loader's findings, the reason file and the dry run's listing ask here.
        public var exceptionCode: ExceptionCode? {
            switch self {
            case .imported: return nil
            case .rejected: return .e001
            case .conflict: return .e002
            }
        }
    }

    public var id: Int64?
    public var name: String
    public var sha256: String
    public var size: Int64
    public var sender: String?
    public var kind: String?
    public var region: String?
    /// `YYYY-MM-DD`; nil when the name could not be parsed.
    public var businessDate: String?
    public var seq: Int?
    public var status: Status
    public var reason: String?
    public var recordCount: Int
    /// When intake took the file, ISO 8601 UTC.
    public var receivedAt: String
    /// The as-of date of the run that took it: an E001 for a name without a date counts from here.
    public var receivedOn: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The day from which the file counts in as-of computations.
    public var effectiveDate: String { businessDate ?? receivedOn }
}
