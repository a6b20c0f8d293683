import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    /// `zhubao runs [--last N]`: the run registry, newest first.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出改动过工作目录的命令的运行记录，最新的在前。", discussion: "记录的命令：run、rerun、claim、exceptions ack、rebuild、init（run --dry-run 不改动任何东西，不记录）。每行以制表符分隔：编号、命令、业务日期、开始、结束、状态、退出码、导入、拒收、无法读取的文件数、按代码的未关闭异常。状态 DONE（带退出码）、RUNNING（正在运行）或 KILLED（进程未结束运行就消失了，例如被终止）。")

        @OptionGroup var options: RootOptions

        @Option(help: ArgumentHelp("列出多少次运行（默认 20）。", valueName: "n"))
        var last: Int = 20

        func validate() throws {
            guard last >= 1 else { throw ValidationError("--last 至少为 1") }
        }

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                let runs = try RunRegistry.last(last, in: options.workspace, logger: logger)
                print("编号\t命令\t业务日期\t开始\t结束\t状态\t退出码\t导入\t拒收\t无法读取\t异常（按代码）")
                for run in runs {
                    let fields: [String] = [
                        String(run.id ?? 0), run.command, run.asOf ?? "-", run.startedAt, run.endedAt ?? "-", run.status.rawValue,
                        run.exitCode.map(String.init) ?? "-", String(run.filesImported), String(run.filesRejected),
                        String(run.filesUnreadable), run.exceptions ?? "-",
                    ]
                    print(fields.joined(separator: "\t"))
                }
                print("共 \(runs.count) 次运行")
                return Exit.ok
            }
        }
    }
}
