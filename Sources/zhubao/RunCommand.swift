import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "日常作业：接收收件箱中的文件（逐个导入或拒收），对账，写出当日的报告与回传文件。", discussion: "退出码：0 完成；65 完成，但有输入文件被拒收（见 quarantine/）；74 输入输出故障：收件箱中有文件无法读取（其余已处理，该文件留在收件箱），磁盘已满，目录不可写，存储缺失或损坏（此时未做任何事）；75 另一次运行持有锁，未做任何事；64 用法错误；70 内部错误。")

        @OptionGroup var options: RootOptions

        @Option(name: .customLong("as-of"), help: ArgumentHelp("对账所按的日期（默认：今天）。", valueName: "yyyy-mm-dd"))
        var asOf: Day?

        @Flag(name: .customLong("intake-only"), help: "只接收收件箱（逐个导入或拒收），不计算当日的报告。")
        var intakeOnly = false

        @Flag(name: .customLong("dry-run"), help: "试运行：在临时副本上导入并计算，列出将导入、拒收的文件和将报告的异常（按代码）；工作目录不作任何改动，不记入运行记录。")
        var dryRun = false

        func run() throws {
            let logger = Log.make()
            let day = asOf ?? Day.today()
            if dryRun { return try runDry(asOf: day, logger: logger) }
            let started = Date()
            var finished: DailyRunResult?
            let metrics = { (code: Int32) in
                RunMetrics.record(workspace: options.workspace, asOf: day, exitCode: code, started: started, result: finished, logger: logger)
            }
            try options.recorded("run", asOf: day, logger: logger, after: metrics) { registry in
                let result = try DailyJob(workspace: options.workspace, logger: logger).run(asOf: day, intakeOnly: intakeOnly, registry: registry)
                finished = result
                let intake = result.intake
                let rejected = intake.count(.rejected) + intake.count(.conflict)
                registry.filesImported = intake.count(.imported)
                registry.filesRejected = rejected
                registry.filesUnreadable = intake.unread.count
                registry.exceptionsByCode = result.daily.map { daily in
                    daily.outcome.exceptions.filter { $0.status != .resolved }.reduce(into: [:]) { $0[$1.finding.code.rawValue, default: 0] += 1 }
                }
                let unread = intake.unread.isEmpty ? "" : "，\(intake.unread.count) 个无法读取、留在收件箱"
                print("按 \(day.iso) 运行：导入 \(intake.count(.imported)) 个文件，拒收 \(rejected) 个，已收过 \(intake.count(.alreadyRecorded)) 个，"
                      + "忽略 \(intake.ignored.count) 个\(unread)")
                return result.exitCode
            }
        }
    }
}
