import Foundation

extension RunMetrics {
    /// One metric: its HELP and TYPE lines, then its samples (`labels` → value, sorted).
    static func family(_ name: String, _ help: String, _ samples: [(labels: String, value: String)]) -> [String] {
        ["# HELP zhubao_\(name) \(help)", "# TYPE zhubao_\(name) gauge"]
            + samples.map { "zhubao_\(name)\($0.labels.isEmpty ? "" : "{\($0.labels)}") \($0.value)" }
    }

    static func unix(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970.rounded(.down))) }

    var text: String {
        var lines: [String] = []
        lines += Self.family("last_run_timestamp_seconds", "When the last run ended, as a Unix time.", [("", Self.unix(ended))])
        lines += Self.family("last_success_timestamp_seconds",
                             "When the last run that ran to its end (exit 0 or 65) ended, as a Unix time.",
                             lastSuccess.map { [("", Self.unix($0))] } ?? [])
        lines += Self.family("last_run_success", "1 when the last run ran to its end (exit 0 or 65), else 0.",
                             [("", Self.isSuccess(exitCode) ? "1" : "0")])
        lines += Self.family("last_run_exit_code", "The exit code of the last run (sysexits: 0, 64, 65, 70, 74).", [("", String(exitCode))])
        let milliseconds = max(0, Int64((ended.timeIntervalSince(started) * 1000).rounded()))
        lines += Self.family("last_run_duration_seconds", "How long the last run took.",
                             [("", "\(milliseconds / 1000).\(String(format: "%03lld", milliseconds % 1000))")])
        lines += Self.family("last_run_as_of_timestamp_seconds", "The as-of date of the last run (00:00 UTC), as a Unix time.",
                             asOf.map { [("", String($0.ordinal * 86_400))] } ?? [])
        var files: [(String, String)] = []
        if let intake = result?.intake {
            for outcome in [Delivery.Outcome.imported, .rejected, .conflict, .alreadyRecorded] {
                files.append(("outcome=\"\(outcome.rawValue)\"", String(intake.count(outcome))))
            }
            files.append(("outcome=\"ignored\"", String(intake.ignored.count)))
            files.append(("outcome=\"unread\"", String(intake.unread.count)))
        }
        lines += Self.family("last_run_files", "Inbox files the last run took, by outcome.", files.sorted { $0.0 < $1.0 })
        var open: [String: Int] = [:]
        for item in result?.daily?.outcome.exceptions ?? [] where item.status != .resolved {
            open["code=\"\(item.finding.code.rawValue)\",severity=\"\(item.finding.severity.rawValue)\"", default: 0] += 1
        }
        lines += Self.family("open_exceptions", "Exceptions open as of the last run's date, by code and severity.",
                             open.keys.sorted().map { ($0, String(open[$0]!)) })
        var sent: [String: Int] = [:]
        for file in result?.daily?.sent ?? [] { sent["recipient=\"\(file.recipient)\",kind=\"\(file.kind.rawValue)\"", default: 0] += 1 }
        lines += Self.family("last_run_outbox_files", "Files the last run wrote to outbox/, by recipient and kind.",
                             sent.keys.sorted().map { ($0, String(sent[$0]!)) })
        lines += Self.family("claims_approved_yuan", "Subsidy approved by the latest claim run of each drawdown, by claim year, in yuan.",
                             approvedByYear.keys.sorted().map { ("year=\"\($0)\"", approvedByYear[$0]!.yuan) })
        return lines.joined(separator: "\n") + "\n"
    }
}
