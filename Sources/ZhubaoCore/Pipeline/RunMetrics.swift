import Foundation
import Logging
import ZhubaoSystem

/// `metrics/zhubao.prom`: Prometheus textfile-collector metrics of the last `run`, by
/// Prometheus' conventions (every name `zhubao_`-prefixed, `# HELP` and `# TYPE` for each,
/// seconds and Unix times), written atomically after every run that did something — failed ones
/// included (exit 64, 70, 74), never one locked out (75), which did nothing. What alerting needs:
/// `zhubao_last_success_timestamp_seconds` (kept from the file before when this run failed).
package struct RunMetrics {
    package var asOf: Day?
    package var exitCode: Int32
    package var started: Date
    package var ended: Date
    /// nil when the run stopped before it produced one.
    package var result: DailyRunResult?
    /// The approved subsidy of the latest claim run of each loan and year, summed per year.
    package var approvedByYear: [Int: Fen] = [:]
    /// The end of the last successful run (exit 0 or 65: the job ran to its end).
    package var lastSuccess: Date?

    package static func isSuccess(_ code: Int32) -> Bool { code == 0 || code == 65 }

    /// Writes the metrics of a run that ended with `exitCode`; any failure to write is logged,
    /// never thrown (the run's own exit code stands).
    package static func record(workspace: Workspace, asOf: Day?, exitCode: Int32, started: Date, result: DailyRunResult?,
                              logger: Logger, now: Date = Date()) {
        // A run locked out did nothing; a folder that is no workspace gets no metrics/ folder.
        guard exitCode != 75, workspace.isInitialised else { return }
        let file = workspace.metrics.appendingPathComponent("zhubao.prom")
        var metrics = RunMetrics(asOf: asOf, exitCode: exitCode, started: started, ended: now, result: result)
        metrics.lastSuccess = isSuccess(exitCode) ? now : previousSuccess(in: file)
        if let store = try? Store.open(path: workspace.storePath, quickCheckLimit: 0),
           let approvals = try? store.latestApprovals() {
            for approval in approvals { metrics.approvedByYear[approval.year, default: .zero] += approval.approved }
        }
        do {
            // Counts only, no personal data: readable by the metrics collector's account.
            try AtomicFile.write(metrics.text, to: file, mode: 0o644, folderMode: 0o755)
        } catch {
            logger.warning("指标文件未能写入（metrics）", metadata: ["error": "\(error)"])
        }
    }

    /// `zhubao_last_success_timestamp_seconds` of the metrics file a previous run wrote.
    static func previousSuccess(in file: URL) -> Date? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("zhubao_last_success_timestamp_seconds ") {
            if let seconds = Int64(line.split(separator: " ").last ?? "") { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        }
        return nil
    }
}
