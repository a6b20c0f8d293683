import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    /// `zhubao explain LOANNO --year Y [--as-of D]`: the account of a claim line an auditor can
    /// check by hand (issue 16), masked.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "逐项列出一笔借据某年度贴息的核定过程（赣州方案），供审计手工复核。", discussion: "贴息资格（认定部门、类别、日期与判定日）、上限与适用利率、每段余额的起止、天数、余额与余额×天数、积数、× 利率 ÷ 360 的精确值与四舍五入结果、银行申请与结论（E501–E504 或核准）。身份证号与姓名已遮蔽。只读：不加锁，不写任何文件。")

        @OptionGroup var options: RootOptions

        @Argument(help: ArgumentHelp("借据号（loanNo）。", valueName: "loanNo"))
        var loanNo: String

        @OptionGroup var claimYear: ClaimYearOptions

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                do {
                    let account = try ExplainJob(workspace: options.workspace, logger: logger)
                        .account(loanNo: loanNo, year: claimYear.year, asOf: claimYear.day)
                    print(SubsidyAccountReport.text(account), terminator: "")
                    return Exit.ok
                } catch let error where error is ExplainError || error is ClaimJobError {
                    logger.error("\(error)")  // standard output stays empty: it is the account's
                    return Exit.usage
                }
            }
        }
    }
}
