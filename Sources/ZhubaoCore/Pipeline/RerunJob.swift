import Foundation
import GRDB
import Logging

/// `zhubao rerun`: recomputes the daily outputs of the dates in a range on which `run` ran,
/// from the store, in order, under the run lock, reading no inbox and writing nothing to the
/// outbox. Each date is computed from the files its run had seen (`dailyRun.lastFileId`), so
/// that what it writes is byte-identical to what the run wrote, even when later deliveries are
/// in the store (outputs.md). Dates without a run are skipped and named; with `everyDate` they
/// are computed too, and each becomes a run.
public struct RerunJob {
    public let workspace: Workspace
    public let logger: Logger

    public init(workspace: Workspace, logger: Logger) {
        self.workspace = workspace
        self.logger = logger
    }

    /// What a rerun did: the dates it computed and those it skipped (no run on them).
    public struct Result: Sendable, Equatable {
        public var computed: [Day] = []
        public var skipped: [Day] = []
    }

    @discardableResult
    public func run(from: Day, to: Day, everyDate: Bool = false, registry: RunRegistry? = nil) throws -> Result {
        guard workspace.isInitialised else {
            throw ConfigError("\(workspace.configFile.path) 不存在：先运行 zhubao init")
        }
        let lock = try FileLock(path: workspace.lockPath)
        defer { lock.unlock() }
        let settings = try Settings.load(root: workspace.root)
        let store = try Store.open(path: workspace.storePath)
        registry?.begin()
        let report = DailyReport(workspace: workspace, store: store, settings: settings, logger: logger)
        let days = Array(from...to)
        let result = try Self.recompute(days, everyDate: everyDate, store: store, report: report, settings: settings)
        try Journal(workspace: workspace).record(.rerun, store: store, days: result.computed)
        if !result.skipped.isEmpty {
            logger.info("dates without a run skipped", metadata: ["count": "\(result.skipped.count)"])
        }
        return result
    }

    /// Recomputes `days` in order, each from the files its run had seen; a day without a run is
    /// skipped, or with `everyDate` computed from every file and recorded as a run. `rebuild`
    /// replays a journaled rerun through here too.
    static func recompute(_ days: [Day], everyDate: Bool, store: Store, report: DailyReport, settings: Settings) throws -> Result {
        guard let first = days.first, let last = days.last else { return Result() }
        let runs = try store.database.read { db in
            try DailyRunRecord.filter(Column("asOf") >= first.iso && Column("asOf") <= last.iso).fetchAll(db)
        }
        let cutoffs = Dictionary(uniqueKeysWithValues: runs.map { ($0.asOf, $0.lastFileId) })
        // One read of the store for the whole range: each date's ledger is selected from it,
        // unless a file its run had not seen would count on that date (then it is read apart);
        // the claim approvals too (each date takes those of claim runs before it).
        let history = try LedgerLoader(store: store).history(through: last, settings: settings)
        let approvals = try ClaimApprovals(store: report.store).history(before: last + 1)
        var result = Result()
        for day in days {
            guard let recorded = cutoffs[day.iso] else {
                if everyDate {
                    _ = try report.produce(asOf: day, from: history, approvals: approvals)
                    result.computed.append(day)
                } else {
                    result.skipped.append(day)
                }
                continue
            }
            if let cutoff = recorded, try seesLaterFiles(store, day: day, cutoff: cutoff) {
                _ = try report.produce(asOf: day, approvals: approvals, fileCutoff: cutoff)
            } else {
                _ = try report.produce(asOf: day, from: history, approvals: approvals, fileCutoff: recorded)
            }
            result.computed.append(day)
        }
        return result
    }

    /// Whether a file recorded after the run of `day` (id above its cutoff) counts on that day.
    static func seesLaterFiles(_ store: Store, day: Day, cutoff: Int64) throws -> Bool {
        try store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM inputFile WHERE id > ? AND coalesce(businessDate, receivedOn) <= ?",
                             arguments: [cutoff, day.iso]) ?? 0 > 0
        }
    }
}
