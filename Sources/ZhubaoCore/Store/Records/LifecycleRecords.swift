import GRDB

/// A row of `dailyRun`: a date the daily outputs were computed for.
package struct DailyRunRecord: StoredRecord, PersistableRecord {
    package static let databaseTableName = "dailyRun"
    package enum Columns: String, RecordColumn {
        case asOf, computedAt, lastFileId
    }
    typealias CodingKeys = Columns
    package var asOf: String, computedAt: String
    /// The highest `inputFile.id` the run knew when it computed: the files it saw. `rerun` reads
    /// only those, so that it writes what the run wrote (nil for runs before the column existed).
    package var lastFileId: Int64?
}

/// A row of `dailyException`: an exception open (found) in the run of a date, with the date it
/// was first found in the unbroken series of runs that led to it.
package struct DailyExceptionRecord: StoredRecord, PersistableRecord {
    package static let databaseTableName = "dailyException"
    package enum Columns: String, RecordColumn {
        case asOf, key, firstSeen, payload
    }
    typealias CodingKeys = Columns
    package var asOf: String, key: String
    package var firstSeen: String
    /// The finding as JSON, so that a later run can report it RESOLVED with its details.
    package var payload: String
}

/// A row of `acknowledgement`: staff's note on an exception. It applies to runs as of
/// `effectiveOn` and later, so that recomputing an earlier date gives the bytes it gave then.
package struct AcknowledgementRecord: RowIDRecord {
    package static let databaseTableName = "acknowledgement"
    package enum Columns: String, RecordColumn {
        case id, key, note, byName, at, effectiveOn
    }
    typealias CodingKeys = Columns
    package var id: Int64?, key: String
    package var note: String, byName: String
    /// When it was written (ISO 8601), and the first as-of date it applies to.
    package var at: String, effectiveOn: String
}

/// A row of `claimRun`: one `zhubao claim` for a year (and a bank, or all banks).
package struct ClaimRunRecord: RowIDRecord {
    package static let databaseTableName = "claimRun"
    package enum Columns: String, RecordColumn {
        case id, year, bankCode, asOf, createdAt, state, files, forced
    }
    typealias CodingKeys = Columns
    /// The year claimed and the bank (nil: every bank).
    package var id: Int64?, year: Int, bankCode: String?
    package var asOf: String, createdAt: String
    package var state: State
    /// JSON: the files the run writes, each with the as-of date of the run whose file it replaces.
    package var files: String
    /// Written with `--force` over a later as-of date.
    package var forced: Bool

    /// `STAGED` while its files wait in the staging folder, `DONE` once they are in place.
    package enum State: String, RecordCode { case staged = "STAGED", done = "DONE" }
    /// The states by their short names, as the claim pipeline spells them (`ClaimRunRecord.done`).
    package static let staged = State.staged, done = State.done
}

/// A row of `claimApproval`: what a claim run approved for a drawdown and year.
package struct ClaimApprovalRecord: RowIDRecord {
    package static let databaseTableName = "claimApproval"
    package enum Columns: String, RecordColumn {
        case id, claimRunId, bankCode, loanNo, year, computed, claimed, approved
    }
    typealias CodingKeys = Columns
    package var id: Int64?, claimRunId: Int64
    /// The drawdown (as the bank numbers its loan) and the year.
    package var bankCode: String, loanNo: String, year: Int
    /// The subsidy computed, claimed by the bank (nil: not claimed) and approved, in fen.
    package var computed: Int64, claimed: Int64?, approved: Int64
}
