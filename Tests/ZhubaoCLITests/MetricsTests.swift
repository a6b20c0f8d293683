import Foundation
import Testing

/// metrics/zhubao.prom by Prometheus' conventions (issue 16): written after every run that did
/// something, failed ones included, and valid for `promtool check metrics`.
@Suite struct MetricsTests {
    func metrics(_ root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent("metrics/zhubao.prom"), encoding: .utf8)
    }

    func value(_ text: String, _ name: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map { String($0.split(separator: " ").last!) }
    }

    /// `promtool check metrics` (Debian's prometheus package, installed by `scripts/setup.sh --tests`).
    func promtool(_ text: String) throws -> (status: Int32, output: String) {
        let path = try #require(["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "promtool is missing: run scripts/setup.sh --tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aSuccessfulAndThenAFailedRunBothWriteMetricsThatPromtoolAccepts() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"]).status == 0)
        let good = try metrics(root)
        for name in ["zhubao_last_run_timestamp_seconds", "zhubao_last_success_timestamp_seconds", "zhubao_last_run_exit_code",
                     "zhubao_last_run_duration_seconds", "zhubao_last_run_success"] {
            #expect(good.contains("# HELP \(name) ") && good.contains("# TYPE \(name) gauge"), "\(name)")
        }
        #expect(value(good, "zhubao_last_run_exit_code") == "0")
        #expect(value(good, "zhubao_last_run_success") == "1")
        #expect(good.contains("zhubao_last_run_files{outcome=\"imported\"} 1"))
        #expect(good.contains("zhubao_open_exceptions{code=\"E201\",severity=\"ERROR\"} 1"))
        #expect(good.split(separator: "\n").allSatisfy { $0.hasPrefix("# HELP zhubao_") || $0.hasPrefix("# TYPE zhubao_") || $0.hasPrefix("zhubao_") })
        let checked = try promtool(good)
        #expect(checked.status == 0, "\(checked.output)")
        let success = try #require(value(good, "zhubao_last_success_timestamp_seconds"))

        // The store removed: the run fails with 74, and says so in its metrics.
        try FileManager.default.removeItem(at: root.appendingPathComponent("state/zhubao.sqlite"))
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-02-01"]).status == 74)
        let bad = try metrics(root)
        #expect(value(bad, "zhubao_last_run_exit_code") == "74")
        #expect(value(bad, "zhubao_last_run_success") == "0")
        #expect(value(bad, "zhubao_last_success_timestamp_seconds") == success)
        #expect(Int(value(bad, "zhubao_last_run_timestamp_seconds") ?? "") ?? 0 > Int(success) ?? .max)
        let checkedBad = try promtool(bad)
        #expect(checkedBad.status == 0, "\(checkedBad.output)")
    }
}
