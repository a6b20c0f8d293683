import GRDB

/// A row of `dailyRun`: a date the daily outputs were computed for.
public struct DailyRunRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dailyRun"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case asOf, computedAt, lastFileId
    }
    typealias CodingKeys = Columns
    public var asOf: String
    public var computedAt: String
    /// The highest `inputFile.id` the run knew when it computed: the files it saw. `rerun` reads
    /// only those, so that it writes what the run wrote (nil for runs before the column existed).
    public var lastFileId: Int64?
}

/// A row of `dailyException`: an exception open (found) in the run of a date, with the date it
/// was first found in the unbroken series of runs that led to it.
public struct DailyExceptionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dailyException"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case asOf, key, firstSeen, payload
    }
    typealias CodingKeys = Columns
    public var asOf: String
    public var key: String
    public var firstSeen: String
    /// The finding as JSON, so that a later run can report it RESOLVED with its details.
    public var payload: String
}

/// A row of `acknowledgement`: staff's note on an exception. It applies to runs as of
/// `effectiveOn` and later, so that recomputing an earlier date gives the bytes it gave then.
public struct AcknowledgementRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "acknowledgement"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, key, note, byName, at, effectiveOn
    }
    typealias CodingKeys = Columns
    public var id: Int64?
    public var key: String
    public var note: String
    public var byName: String
    /// ISO 8601 timestamp.
    public var at: String
    public var effectiveOn: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `claimRun`: one `zhubao claim` for a year (and a bank, or all banks).
public struct ClaimRunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claimRun"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, year, bankCode, asOf, createdAt, state, files, forced
    }
    typealias CodingKeys = Columns
    public var id: Int64?
    public var year: Int
    public var bankCode: String?
    public var asOf: String
    public var createdAt: String
    /// `STAGED` while its files wait in the staging folder, `DONE` once they are in place.
    public var state: String
    /// JSON: the files the run writes, each with the as-of date of the run whose file it replaces.
    public var files: String
    /// Written with `--force` over a later as-of date.
    public var forced: Bool
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public static let staged = "STAGED", done = "DONE"
}

/// A row of `claimApproval`: what a claim run approved for a drawdown and year.
public struct ClaimApprovalRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claimApproval"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, claimRunId, bankCode, loanNo, year, computed, claimed, approved
    }
    typealias CodingKeys = Columns
    public var id: Int64?
    public var claimRunId: Int64
    public var bankCode: String
    public var loanNo: String
    public var year: Int
    public var computed: Int64
    public var claimed: Int64?
    public var approved: Int64
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
