import ArgumentParser
import Foundation
import ZhubaoCore

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Verify the banks' subsidy claims for a year and write the claims for the finance bureau (ganzhou-2021).",
        discussion: "Writes out/claims/YEAR/SUBSIDY_CLAIM_{region}_{bank}_{year}.xml for each bank with a CLAIM file and records what it approved, all or nothing; a later daily run raises E505 where the subsidy is then computed lower. An --as-of earlier than the year's last claim run is refused (64) unless --force.")

    @OptionGroup var options: RootOptions

    @Option(help: ArgumentHelp("The claim year.", valueName: "yyyy"))
    var year: Int

    @Option(help: ArgumentHelp("Only this bank (3-digit category code).", valueName: "nnn"))
    var bank: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute the subsidy as of this date (default: today).", valueName: "yyyy-mm-dd"))
    var asOf: Day?

    @Flag(help: "Write the claims even when --as-of is earlier than the year's last claim run (the replaced files are kept under superseded/).")
    var force = false

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year must be a year such as 2026") }
        if let bank, bank.count != 3 || Int(bank) == nil { throw ValidationError("--bank must be a 3-digit bank code such as 105") }
        if let asOf, asOf.year < year { throw ValidationError("--as-of must not be before the claim year") }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            do {
                let claims = try ClaimJob(workspace: options.workspace, logger: logger)
                    .run(year: year, bank: bank, asOf: asOf ?? Day.today(), force: force)
                for claim in claims {
                    let approved = claim.lines.reduce(Fen.zero) { $0 + $1.approved }
                    print("\(claim.file.path): \(claim.lines.count) line(s), approved \(approved.yuan)")
                }
                if claims.isEmpty { print("没有\(bank.map { "银行 \($0) " } ?? "任何银行")\(year) 年的贴息申请（CLAIM 文件）：未出具申请文件") }
                return Exit.ok
            } catch let error as ClaimJobError {
                print(error.description)
                logger.error("\(error.description)")
                return Exit.usage
            }
        }
    }
}
