import ArgumentParser
import Foundation
import ZhubaoCore

/// `zhubao explain LOANNO --year Y [--as-of D]`: the account of a claim line an auditor can
/// check by hand (issue 16), masked.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "逐项列出一笔借据某年度贴息的核定过程（赣州方案），供审计手工复核。",
        discussion: "贴息资格（认定部门、类别、日期与判定日）、上限与适用利率、每段余额的起止、天数、余额与余额×天数、积数、× 利率 ÷ 360 的精确值与四舍五入结果、银行申请与结论（E501–E504 或核准）。身份证号与姓名已遮蔽。只读：不加锁，不写任何文件。")

    @OptionGroup var options: RootOptions

    @Argument(help: ArgumentHelp("借据号（loanNo）。", valueName: "loanNo"))
    var loanNo: String

    @Option(help: ArgumentHelp("贴息年度。", valueName: "yyyy"))
    var year: Int

    @Option(name: .customLong("as-of"), help: ArgumentHelp("按该日的数据核定（默认：今天），与 zhubao claim --as-of 相同。", valueName: "yyyy-mm-dd"))
    var asOf: Day?

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year 应为年份，例如 2026") }
        if let asOf, asOf.year < year { throw ValidationError("--as-of 不能早于贴息年度") }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            do {
                let account = try ExplainJob(workspace: options.workspace, logger: logger)
                    .account(loanNo: loanNo, year: year, asOf: asOf ?? Day.today())
                print(SubsidyAccountReport.text(account), terminator: "")
                return Exit.ok
            } catch let error as ExplainError {
                logger.error("\(error.description)")
                return Exit.usage
            } catch let error as ClaimJobError {
                logger.error("\(error.description)")
                return Exit.usage
            }
        }
    }
}
