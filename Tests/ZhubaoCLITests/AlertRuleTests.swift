import Foundation
import Testing

/// README's example alerting rules on the metrics (issue 16): `promtool check rules` accepts
/// them and `promtool test rules` shows each firing when it should and not before.
@Suite struct AlertRuleTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The first ```yaml block after the heading of the metrics.
    func rules() throws -> String {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = try #require(text.range(of: "### Metrics (`metrics/zhubao.prom`)"))
        let start = try #require(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\n```\n", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    func promtool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = try #require(["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "promtool is missing: run scripts/setup.sh --tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theREADMEsAlertRulesFireWhenTheyShould() throws {
        let folder = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rulesFile = folder.appendingPathComponent("zhubao-rules.yml"), testFile = folder.appendingPathComponent("zhubao-rules-test.yml")
        try rules().write(to: rulesFile, atomically: true, encoding: .utf8)
        let checked = try promtool(["check", "rules", rulesFile.path])
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("SUCCESS: 3 rules found"))
        // A success at 02:00 of day 0, then none: no alert 26 hours after it, one 27 hours after.
        // The last run fails at hour 2. Metrics absent for 26 hours: the third rule.
        try """
        rule_files:
          - zhubao-rules.yml
        evaluation_interval: 1m
        tests:
          - interval: 1h
            input_series:
              - series: 'zhubao_last_success_timestamp_seconds{instance="h"}'
                values: '7200x40'
              - series: 'zhubao_last_run_success{instance="h"}'
                values: '1 1 0 0x40'
              - series: 'zhubao_last_run_timestamp_seconds{instance="h"}'
                values: '7200x40'
            alert_rule_test:
              - eval_time: 28h
                alertname: ZhubaoNoSuccessfulRun
                exp_alerts: []
              - eval_time: 29h
                alertname: ZhubaoNoSuccessfulRun
                exp_alerts:
                  - exp_labels: {severity: page, instance: h}
                    exp_annotations: {summary: "zhubao：26 小时内没有成功的日常运行，请查看 zhubao runs 和运行日志"}
              - eval_time: 1h
                alertname: ZhubaoLastRunFailed
                exp_alerts: []
              - eval_time: 2h
                alertname: ZhubaoLastRunFailed
                exp_alerts:
                  - exp_labels: {severity: ticket, instance: h}
                    exp_annotations: {summary: "zhubao：上次日常运行失败，请查看 zhubao runs 和运行日志"}
              - eval_time: 30h
                alertname: ZhubaoMetricsMissing
                exp_alerts: []
          - interval: 1h
            input_series:
              - series: 'up{job="node"}'
                values: '1x40'
            alert_rule_test:
              - eval_time: 25h
                alertname: ZhubaoMetricsMissing
                exp_alerts: []
              - eval_time: 27h
                alertname: ZhubaoMetricsMissing
                exp_alerts:
                  - exp_labels: {severity: ticket}
                    exp_annotations: {summary: "zhubao：没有指标（从未运行，或 textfile 收集器未读取 metrics/）"}

        """.write(to: testFile, atomically: true, encoding: .utf8)
        let tested = try promtool(["test", "rules", testFile.path])
        #expect(tested.status == 0, "\(tested.output)")
    }
}
