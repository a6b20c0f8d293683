import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "从 archive/、quarantine/ 和日志（state/journal.jsonl）重建存储。", discussion: "用于缺失、为空或损坏的存储。完好的存储只有加 --force 才会被替换，旧存储保存为 state/zhubao.sqlite.before-rebuild-…。退出码：0 已重建；64 存储完好（未加 --force）；74 日志或某个留存文件缺失或损坏；75 另一次运行持有锁。")

        @OptionGroup var options: RootOptions

        @Flag(help: "即使存储看来完好也重建（旧存储另行保存）。")
        var force = false

        func run() throws {
            let logger = Log.make()
            try options.recorded("rebuild", asOf: nil, logger: logger) { registry in
                do {
                    let result = try RebuildJob(workspace: options.workspace, logger: logger).run(force: force, registry: registry)
                    print("已重建：\(result.files) 个文件，\(result.days) 个计算日期，\(result.acknowledgements) 条确认，\(result.claimRuns) 次贴息申请运行"
                          + (result.keptAside.map { "；原存储已移至 \($0.path)" } ?? ""))
                    return Exit.ok
                } catch let error as RebuildError {
                    let code = if case .healthyStore = error { Exit.usage } else { Exit.ioFault }
                    return Exit.refused(error, logLine: "重建被拒绝或失败，存储保持原样（rebuild refused or failed）", logger: logger, code: code)
                }
            }
        }
    }
}
