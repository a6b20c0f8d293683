import GRDB

/// A row of `dailyRun`: a date the daily outputs were computed for.
package struct DailyRunRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "dailyRun"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case asOf, computedAt, lastFileId
    }
    typealias CodingKeys = Columns
    package var asOf: String
    package var computedAt: String
    /// The highest `inputFile.id` the run knew when it computed: the files it saw. `rerun` reads
    /// only those, so that it writes what the run wrote (nil for runs before the column existed).
    package var lastFileId: Int64?
}

/// A row of `dailyException`: an exception open (found) in the run of a date, with the date it
/// was first found in the unbroken series of runs that led to it.
package struct DailyExceptionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "dailyException"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case asOf, key, firstSeen, payload
    }
    typealias CodingKeys = Columns
    package var asOf: String
    package var key: String
    package var firstSeen: String
    /// The finding as JSON, so that a later run can report it RESOLVED with its details.
    package var payload: String
}

/// A row of `acknowledgement`: staff's note on an exception. It applies to runs as of
/// `effectiveOn` and later, so that recomputing an earlier date gives the bytes it gave then.
package struct AcknowledgementRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "acknowledgement"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, key, note, byName, at, effectiveOn
    }
    typealias CodingKeys = Columns
    package var id: Int64?
    package var key: String
    package var note: String
    package var byName: String
    /// ISO 8601 timestamp.
    package var at: String
    package var effectiveOn: String
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `claimRun`: one `zhubao claim` for a year (and a bank, or all banks).
package struct ClaimRunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "claimRun"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, year, bankCode, asOf, createdAt, state, files, forced
    }
    typealias CodingKeys = Columns
    package var id: Int64?
    package var year: Int
    package var bankCode: String?
    package var asOf: String
    package var createdAt: String
    /// `STAGED` while its files wait in the staging folder, `DONE` once they are in place.
    package var state: String
    /// JSON: the files the run writes, each with the as-of date of the run whose file it replaces.
    package var files: String
    /// Written with `--force` over a later as-of date.
    package var forced: Bool
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    package static let staged = "STAGED", done = "DONE"
}

/// A row of `claimApproval`: what a claim run approved for a drawdown and year.
package struct ClaimApprovalRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "claimApproval"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, claimRunId, bankCode, loanNo, year, computed, claimed, approved
    }
    typealias CodingKeys = Columns
    package var id: Int64?
    package var claimRunId: Int64
    package var bankCode: String
    package var loanNo: String
    package var year: Int
    package var computed: Int64
    package var claimed: Int64?
    package var approved: Int64
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
