import Foundation
import Logging
import ZhubaoSystem

/// `zhubao rerun`: recomputes the daily outputs of the dates in a range on which `run` ran,
/// from the store, in order, under the run lock, reading no inbox and writing nothing to the
/// outbox. Each date is computed from the files its run had seen (`dailyRun.lastFileId`), so
/// that what it writes is byte-identical to what the run wrote, even when later deliveries are
/// in the store (outputs.md). Dates without a run are skipped and named; with `everyDate` they
/// are computed too, and each becomes a run.
package final class RerunJob: WorkspaceJob {
    /// What a rerun did: the dates it computed and those it skipped (no run on them).
    package struct Result: Sendable, Equatable {
        package var computed: [Day] = []
        package var skipped: [Day] = []
    }

    @discardableResult
    package func run(from: Day, to: Day, everyDate: Bool = false, registry: RunRegistry? = nil) throws -> Result {
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .fail, requires: [])
        defer { session.close() }
        let settings = session.settings, store = try session.openStore(registry: registry)
        let report = session.dailyReport(store)
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
        let cutoffs = try store.fileCutoffs(from: first, through: last)
        // One read of the store for the whole range: each date's ledger is selected from it,
        // unless a file its run had not seen would count on that date (then it is read apart);
        // the claim approvals too (each date takes those of claim runs before it).
        let history = try LedgerLoader(store: store).history(through: last, settings: settings)
        let approvals = try store.approvalHistory(before: last + 1)
        // The dates computed from the history go through the range engine, which recomputes on
        // each only what may have changed since the one before (`RangeEngine`).
        var engine = RangeEngine(history: history, approvals: approvals)
        let reports = engine.reports
        var result = Result()
        for day in days {
            guard let recorded = cutoffs[day.iso] else {
                if everyDate {
                    _ = try report.write(.init(asOf: day, engine.compute(asOf: day), reports: reports), sending: false)
                    result.computed.append(day)
                } else {
                    result.skipped.append(day)
                }
                continue
            }
            if let cutoff = recorded, try store.hasFile(after: cutoff, effectiveBy: day) {
                _ = try report.produce(asOf: day, approvals: approvals, fileCutoff: cutoff, sending: false)
            } else {
                _ = try report.write(.init(asOf: day, engine.compute(asOf: day), reports: reports), fileCutoff: recorded, sending: false)
            }
            result.computed.append(day)
        }
        report.logger.info("rerun engine", metadata: [
            "dates": "\(result.computed.count)", "components": "\(engine.parts.partitions.count)",
            "recomputed": "\(engine.recomputedInAll)",
        ])
        return result
    }
}
