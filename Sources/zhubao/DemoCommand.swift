import ArgumentParser
import Foundation
import ZhubaoCore
import ZhubaoGenerate

extension Zhubao {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "建立演示工作目录：生成几百名借款人一年的文件，逐日运行日常作业，并出具年度贴息申请。", discussion: "目录（默认 ./demo）每次重建；不是由演示建立的目录会被拒绝。")

        @Option(name: .long, help: ArgumentHelp("演示目录（默认：./demo）。", valueName: "dir"))
        var root: String = "demo"

        @OptionGroup var policy: ProfileOptions

        @Option(help: ArgumentHelp("借款人数（默认 300）。", valueName: "n"))
        var borrowers: Int = 300

        func validate() throws {
            guard (10...5000).contains(borrowers) else { throw ValidationError("--borrowers 应在 10 到 5000 之间") }
        }

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                let workspace = Workspace(root: URL(fileURLWithPath: root, isDirectory: true))
                let result = try DemoJob(workspace: workspace, profile: policy.chosen,
                                         borrowers: borrowers, logger: logger).run()
                print("""
                演示工作目录：\(workspace.root.path)（\(policy.profile)，\(borrowers) 名借款人，2026-01-01 至 \(result.lastDay.iso)）
                日常运行：\(result.runs) 次；其间拒收的文件：\(result.rejectedFiles) 个（见 quarantine/）
                生成器注入的错误：\(result.faultsInjected) 处（generated/faults.json）
                截至 \(result.lastDay.iso) 未关闭的异常：\(result.openExceptions) 条
                报告：\(result.report.path)
                  另有：\(result.report.deletingLastPathComponent().path)/exceptions.{xlsx,csv,jsonl}、summary.json
                回传给银行和各单位的文件：\(workspace.outbox.path)/（zhubao outbox list --root \(workspace.root.path)）
                """)
                for claim in result.claims { print("报财政局的贴息申请：\(claim.path)") }
                return Exit.ok
            }
        }
    }
}
