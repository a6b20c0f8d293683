import GRDB

/// A row of `inputFile`: one delivery of a file into the inbox, with what became of it.
package struct InputFileRecord: RowIDRecord {
    package static let databaseTableName = "inputFile"
    package enum Columns: String, RecordColumn {
        case id, name, sha256, size
        /// The parts of the name.
        case sender, kind, region, businessDate, seq
        /// What became of it, and when.
        case status, reason, recordCount, receivedAt, receivedOn
    }
    typealias CodingKeys = Columns

    package enum Status: String, Codable, Sendable {
        /// Its records are in the store.
        case imported = "IMPORTED"
        /// Rejected whole (E001); nothing of it is in the store.
        case rejected = "REJECTED"
        /// A name seen before, with other bytes (E002); the first delivery stands.
        case conflict = "CONFLICT"

        /// The exception a delivery of this status raises (rules.md §1): E001 for a rejected
        /// file, E002 for a conflicting name, none for an imported one. The one place that says
        /// so: the loader's findings, the reason file and the dry run's listing ask here.
        package var exceptionCode: ExceptionCode? {
            switch self {
            case .imported: return nil
            case .rejected: return .e001
            case .conflict: return .e002
            }
        }
    }

    package var id: Int64?, name: String, sha256: String, size: Int64
    /// The parts of the name, nil when it could not be parsed; the date as `YYYY-MM-DD`.
    package var sender: Sender?, kind: InputKind?, region: String?, businessDate: String?, seq: Int?
    package var status: Status
    package var reason: String?
    package var recordCount: Int
    /// When intake took the file, ISO 8601 UTC.
    package var receivedAt: String
    /// The as-of date of the run that took it: an E001 for a name without a date counts from here.
    package var receivedOn: String

    /// The day from which the file counts in as-of computations.
    package var effectiveDate: String { businessDate ?? receivedOn }
}
