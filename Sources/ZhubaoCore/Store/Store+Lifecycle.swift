import GRDB

/// The rows of the exception lifecycle: the dates computed (`dailyRun`), the exceptions each
/// left open (`dailyException`) and staff's acknowledgements.
extension Store {
    /// The latest computed date before `day`, or the latest of all when `day` is nil.
    func lastDailyRun(before day: Day? = nil) throws -> Day? {
        try database.read { db in
            let iso = try day.map { try String.fetchOne(db, sql: "SELECT max(asOf) FROM dailyRun WHERE asOf < ?", arguments: [$0.iso]) }
                ?? String.fetchOne(db, sql: "SELECT max(asOf) FROM dailyRun")
            return iso.flatMap(Day.init(iso:))
        }
    }

    /// Whether the daily outputs of `day` were computed.
    func hasDailyRun(on day: Day) throws -> Bool {
        try database.read { db in try DailyRunRecord.filter(key: day.iso).fetchCount(db) > 0 }
    }

    /// Every computed date, in order.
    func dailyRunDays() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT asOf FROM dailyRun ORDER BY asOf") }
    }

    /// The dates computed from `first` through `last`, with the highest file id each run saw.
    func fileCutoffs(from first: Day, through last: Day) throws -> [String: Int64?] {
        let runs = try database.read { db in
            try DailyRunRecord.filter(Column("asOf") >= first.iso && Column("asOf") <= last.iso).fetchAll(db)
        }
        return Dictionary(uniqueKeysWithValues: runs.map { ($0.asOf, $0.lastFileId) })
    }

    /// The exceptions the run of `day` left open.
    func dailyExceptions(of day: Day) throws -> [DailyExceptionRecord] {
        try database.read { db in try DailyExceptionRecord.filter(Column("asOf") == day.iso).fetchAll(db) }
    }

    /// Every key a daily run has found.
    func exceptionKeys() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT key FROM dailyException") }
    }

    /// Whether a daily run has found `key`.
    func hasException(key: String) throws -> Bool {
        try database.read { db in try DailyExceptionRecord.filter(Column("key") == key).fetchCount(db) > 0 }
    }

    /// Records the computation of a date: its run (replacing an earlier one of the same date)
    /// and the exceptions it leaves open, in one transaction.
    func recordDailyRun(_ run: DailyRunRecord, open: [DailyExceptionRecord]) throws {
        try database.write { db in
            try DailyRunRecord.deleteOne(db, key: run.asOf)
            try run.insert(db)
            for row in open { try row.insert(db) }
        }
    }

    /// The acknowledgements of each key that apply on `asOf`, oldest first: a second one adds to
    /// the history, the last is the one in force.
    func acknowledgementHistories(asOf: Day) throws -> [String: [AcknowledgementRecord]] {
        let acks = try database.read { db in
            try AcknowledgementRecord.filter(Column("effectiveOn") <= asOf.iso).order(Column("id")).fetchAll(db)
        }
        return Dictionary(grouping: acks, by: \.key)
    }

    /// Every acknowledgement, in the order recorded.
    func acknowledgements() throws -> [AcknowledgementRecord] {
        try database.read { db in try AcknowledgementRecord.order(Column("id")).fetchAll(db) }
    }

}
