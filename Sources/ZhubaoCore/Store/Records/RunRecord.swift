import GRDB

/// A row of `runLog`: one command that changed the workspace (issue 16's run registry).
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runLog"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, command, arguments, asOf, host, pid, startedAt, endedAt, status, exitCode, filesImported
        case filesRejected, filesUnreadable, exceptions
    }
    typealias CodingKeys = Columns

    public enum Status: String, Codable, Sendable {
        /// Started, not yet ended: running now, or killed (`RunRegistry` tells them apart).
        case running = "RUNNING"
        case done = "DONE"
        /// Found unfinished by a later command while its process was gone.
        case killed = "KILLED"
    }

    public var id: Int64?
    public var command: String
    /// The command line after `zhubao`, as JSON array text.
    public var arguments: String
    public var asOf: String?
    public var host: String
    public var pid: Int64
    public var startedAt: String
    public var endedAt: String?
    public var status: Status
    public var exitCode: Int64?
    public var filesImported: Int64 = 0
    public var filesRejected: Int64 = 0
    public var filesUnreadable: Int64 = 0
    /// Open exceptions of the run's date by code, as JSON object text (`{"E301":2}`), or nil.
    public var exceptions: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
