import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Rerun: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "从存储重算某段日期中 run 运行过的各日的日常报告；不读收件箱。", discussion: "每个日期写出的内容与当初 run 写出的逐字节相同，即使之后又收到了文件。没有运行过的日期跳过并列出，除非加 --every-date。")

        @OptionGroup var options: RootOptions

        @Option(help: ArgumentHelp("重算的第一个日期。", valueName: "yyyy-mm-dd"))
        var from: Day

        @Option(help: ArgumentHelp("重算的最后一个日期。", valueName: "yyyy-mm-dd"))
        var to: Day

        @Flag(name: .customLong("every-date"), help: "也计算 run 从未运行过的日期；每个这样的日期都记为一次运行。")
        var everyDate = false

        func validate() throws {
            guard from <= to else { throw ValidationError("--from 不能晚于 --to") }
            guard to - from < 3660 else { throw ValidationError("日期范围最长十年") }
        }

        func run() throws {
            let logger = Log.make()
            try options.recorded("rerun", asOf: to, logger: logger) { registry in
                let result = try RerunJob(workspace: options.workspace, logger: logger).run(from: from, to: to, everyDate: everyDate, registry: registry)
                print("已重算 \(result.computed.count) 个日期（\(from.iso) 至 \(to.iso)）")
                if !result.skipped.isEmpty {
                    print("跳过 \(result.skipped.count) 个没有运行过的日期（加 --every-date 可一并计算）："
                          + result.skipped.map(\.iso).joined(separator: " "))
                }
                return Exit.ok
            }
        }
    }
}
