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

    /// How a date is computed: from the history (its run's cutoff, nil for every file),
    /// read apart from the store (a file its run had not seen would count on it), or not at all.
    enum Path {
        case history(cutoff: Int64?), apart(cutoff: Int64), skipped
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
        // Each date's path first: computed from the history (by the range engine, on a thread
        // of its own, `RangeFeed`), read apart from the store, or skipped.
        var paths: [(day: Day, path: Path)] = []
        for day in days {
            guard let recorded = cutoffs[day.iso] else {
                paths.append((day, everyDate ? .history(cutoff: nil) : .skipped))
                continue
            }
            if let cutoff = recorded, try store.hasFile(after: cutoff, effectiveBy: day) {
                paths.append((day, .apart(cutoff: cutoff)))
            } else {
                paths.append((day, .history(cutoff: recorded)))
            }
        }
        let feed = RangeFeed(engine: RangeEngine(history: history, approvals: approvals),
                             days: paths.compactMap { if case .history = $0.path { $0.day } else { nil } })
        defer { feed.stop() }
        let renderer = RenderThread(report: report)
        defer { try? renderer.finish() }
        var result = Result()
        // What each date left open, for the lifecycle of the next (`ExceptionLifecycle.Carried`).
        var carried: ExceptionLifecycle.Carried?
        for (day, path) in paths {
            switch path {
            case .skipped:
                result.skipped.append(day)
                continue
            case .history(let cutoff):
                let computed = feed.next()
                precondition(computed.asOf == day, "the range engine's dates come in the rerun's order")
                let recorded = try report.record(computed, fileCutoff: cutoff, sending: false, carried: carried)
                carried = recorded.outcome.carried
                try renderer.submit(recorded)
            case .apart(let cutoff):
                carried = try report.produce(asOf: day, approvals: approvals, fileCutoff: cutoff, sending: false).outcome.carried
            }
            result.computed.append(day)
        }
        try renderer.finish()
        report.logger.info("rerun engine", metadata: [
            "dates": "\(result.computed.count)", "components": "\(feed.components)", "recomputed": "\(feed.recomputed)",
        ])
        return result
    }
}
