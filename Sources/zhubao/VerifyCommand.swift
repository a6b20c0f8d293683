import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "检查日志的哈希链、存储（PRAGMA integrity_check）、每个登记的文件与 archive/、quarantine/ 中的是否一致，以及贴息申请文件。", discussion: "退出码：0 一切正常；74 有问题（每个问题输出一行）；75 另一次运行持有锁。只读，不记入运行记录。")

        @OptionGroup var options: RootOptions

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                let problems = try VerifyJob(workspace: options.workspace, logger: logger).run()
                guard problems.isEmpty else {
                    for problem in problems { print(problem) }
                    logger.error("verify 发现问题（见标准输出）", metadata: ["count": "\(problems.count)"])
                    return Exit.ioFault
                }
                print("verify：日志、存储与留存的文件一致")
                return Exit.ok
            }
        }
    }
}

extension Exit {
    /// sysexits EX_IOERR (outputs.md): a fault of the store, the journal or the kept files.
    static let ioFault: Int32 = 74
}
