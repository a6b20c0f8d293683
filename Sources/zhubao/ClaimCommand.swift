import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "核对各银行某年度的贴息申请，并出具报财政局的贴息申请文件（赣州方案）。", discussion: "为每家报送了 CLAIM 文件的银行写出 out/claims/YEAR/SUBSIDY_CLAIM_{地区}_{银行}_{年度}.xml，并记录核准的金额，要么全部完成，要么什么都不写；之后的日常运行若算得的贴息更低，报 E505。--as-of 早于该年度上一次申请运行的，拒绝（64），除非加 --force。")

        @OptionGroup var options: RootOptions

        @OptionGroup var claimYear: ClaimYearOptions

        @Option(help: ArgumentHelp("只处理这家银行（3 位银行代码）。", valueName: "nnn"))
        var bank: String?

        @Flag(help: "即使 --as-of 早于该年度上一次申请运行，也写出申请文件（被替换的文件保存在 superseded/ 下）。")
        var force = false

        func validate() throws {
            if let bank, bank.count != 3 || Int(bank) == nil { throw ValidationError("--bank 应为 3 位银行代码，例如 105") }
        }

        func run() throws {
            let logger = Log.make()
            let (year, day) = (claimYear.year, claimYear.day)
            try options.recorded("claim", asOf: day, logger: logger) { registry in
                do {
                    let claims = try ClaimJob(workspace: options.workspace, logger: logger)
                        .run(year: year, bank: bank, asOf: day, force: force, registry: registry)
                    for claim in claims {
                        let approved = claim.lines.reduce(Fen.zero) { $0 + $1.approved }
                        print("\(claim.file.path)：\(claim.lines.count) 行，核准 \(approved.yuan) 元")
                    }
                    if claims.isEmpty { print("没有\(bank.map { "银行 \($0) " } ?? "任何银行")\(year) 年的贴息申请（CLAIM 文件）：未出具申请文件") }
                    return Exit.ok
                } catch let error as ClaimJobError {
                    return Exit.refused(error, logger: logger)
                }
            }
        }
    }
}
