import Foundation

/// `metrics/zhubao.prom`: Prometheus textfile-collector metrics of the last run, written
/// atomically so that the collector never reads half a file.
struct RunMetrics {
    let result: DailyRunResult
    let seconds: Double

    var text: String {
        let intake = result.intake
        var lines = [
            "# HELP zhubao_last_run_as_of_seconds The as-of date of the last run, as a Unix time.",
            "# TYPE zhubao_last_run_as_of_seconds gauge",
            "zhubao_last_run_as_of_seconds \(result.asOf.ordinal * 86_400)",
            "# HELP zhubao_last_run_duration_seconds How long the last run took.",
            "# TYPE zhubao_last_run_duration_seconds gauge",
            "zhubao_last_run_duration_seconds \(String(format: "%.3f", seconds))",
            "# HELP zhubao_last_run_files Inbox files of the last run by outcome.",
            "# TYPE zhubao_last_run_files gauge",
        ]
        for outcome in [Delivery.Outcome.imported, .rejected, .conflict, .alreadyRecorded] {
            lines.append("zhubao_last_run_files{outcome=\"\(outcome.rawValue)\"} \(intake.count(outcome))")
        }
        lines.append("zhubao_last_run_files{outcome=\"ignored\"} \(intake.ignored.count)")
        lines.append("zhubao_last_run_files{outcome=\"unread\"} \(intake.unread.count)")
        lines += [
            "# HELP zhubao_last_run_outbox_files Files the last run wrote to outbox/, by recipient and kind.",
            "# TYPE zhubao_last_run_outbox_files gauge",
        ]
        var sent: [String: Int] = [:]
        for file in result.daily?.sent ?? [] { sent["recipient=\"\(file.recipient)\",kind=\"\(file.kind)\"", default: 0] += 1 }
        for labels in sent.keys.sorted() { lines.append("zhubao_last_run_outbox_files{\(labels)} \(sent[labels]!)") }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(to folder: URL) throws {
        // Counts only, no personal data: readable by the metrics collector's account.
        try AtomicFile.write(text, to: folder.appendingPathComponent("zhubao.prom"), mode: 0o644, folderMode: 0o755)
    }
}
