import GRDB

/// A row of `runLog`: one command that changed the workspace (issue 16's run registry).
package struct RunRecord: RowIDRecord {
    package static let databaseTableName = "runLog"
    package enum Columns: String, RecordColumn {
        case id, command, arguments, asOf, host, pid, startedAt, endedAt, status, exitCode, filesImported
        case filesRejected, filesUnreadable, exceptions
    }
    typealias CodingKeys = Columns

    package enum Status: String, Codable, Sendable {
        /// Started, not yet ended: running now, or killed (`RunRegistry` tells them apart).
        case running = "RUNNING"
        case done = "DONE"
        /// Found unfinished by a later command while its process was gone.
        case killed = "KILLED"
    }

    package var id: Int64?
    package var command: String
    /// The command line after `zhubao`, as JSON array text.
    package var arguments: String
    package var asOf: String?
    package var host: String
    package var pid: Int64
    package var startedAt: String
    package var endedAt: String?
    package var status: Status
    package var exitCode: Int64?
    package var filesImported: Int64 = 0
    package var filesRejected: Int64 = 0
    package var filesUnreadable: Int64 = 0
    /// Open exceptions of the run's date by code, as JSON object text (`{"E301":2}`), or nil.
    package var exceptions: String?
}
