import GRDB

/// The row of `engineState`: what the last `run` computed for the whole city, for the next run
/// to carry (docs/engine-plan.md Option B). A cache, valid only while it belongs to the latest
/// daily run (same date, same files) and to the same settings and engine (`fingerprint`).
package struct EngineStateRecord: StoredRecord, PersistableRecord {
    package static let databaseTableName = "engineState"
    package enum Columns: String, RecordColumn {
        case id, asOf, lastFileId, lastClaimRunId, fingerprint, totals, banks
    }
    typealias CodingKeys = Columns
    package var id: Int64 = 1
    package var asOf: String
    /// The files (`inputFile.id`) and claim runs (`claimRun.id`) the run had seen.
    package var lastFileId: Int64, lastClaimRunId: Int64
    package var fingerprint: String
    /// summary.json's year-to-date counts and sums, `EngineState.Totals` text.
    package var totals: String
    /// The recipients (`B105`) of the ELIG lists: every bank that disbursed a drawdown known,
    /// separated by commas.
    package var banks: String
}

/// A row of `engineLoan`: one drawdown's accrual of the year (`Subsidy.Accrual`, as text) and its
/// ELIG line, when it has them, as the last run computed them.
package struct EngineLoanRecord: StoredRecord, PersistableRecord {
    package static let databaseTableName = "engineLoan"
    package enum Columns: String, RecordColumn {
        case loanNo, accrual, eligBank, eligLine
    }
    typealias CodingKeys = Columns
    package var loanNo: String
    package var accrual: String?
    package var eligBank: String?
    package var eligLine: String?
}

/// A row of `deferredIndex`: an index a bulk import dropped, with the `CREATE INDEX` that
/// builds it again (`Store+DeferredIndexes.swift`).
package struct DeferredIndexRecord: StoredRecord, PersistableRecord {
    package static let databaseTableName = "deferredIndex"
    package enum Columns: String, RecordColumn {
        case name, sql
    }
    typealias CodingKeys = Columns
    package var name: String
    package var sql: String
}
