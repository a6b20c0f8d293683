import ArgumentParser
import Foundation

@main
struct Zhubao: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "养老保险助保贷款对账：导入各方文件，逐条核对规则，计算贴息，写出异常报告和报财政局的贴息申请。",
        discussion: "每个命令都接受 --root DIR 和 --help。日志输出到标准错误，结果输出到标准输出。退出码：0 完成；65 有输入文件被拒收；74 输入输出故障；75 另一次运行持有锁；64 用法错误；70 内部错误。",
        subcommands: [Init.self, Run.self, Rerun.self, Runs.self, Explain.self, Exceptions.self, Outbox.self, Validate.self, Claim.self,
                      Demo.self, Generate.self, Rebuild.self, Verify.self]
    )

    /// `zhubao` with no command is a usage error (64), not a success: a cron line missing its
    /// command must not look like a run that went well.
    func run() throws {
        FileHandle.standardError.write(Data((Self.helpMessage() + "\n").utf8))
        throw ExitCode(64)
    }
}
