import ArgumentParser
import Foundation
import ZhubaoCore

struct RerunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun",
        abstract: "Recompute the daily outputs of every date in a range from the store; reads no inbox.",
        discussion: "What it writes for a date is byte-identical to what `run` wrote for it from the same files.")

    @OptionGroup var options: RootOptions

    @Option(help: ArgumentHelp("The first date to recompute.", valueName: "yyyy-mm-dd"))
    var from: Day

    @Option(help: ArgumentHelp("The last date to recompute.", valueName: "yyyy-mm-dd"))
    var to: Day

    func validate() throws {
        guard from <= to else { throw ValidationError("--from must be on or before --to") }
        guard to - from < 3660 else { throw ValidationError("the range is limited to ten years") }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            let days = try RerunJob(workspace: options.workspace, logger: logger).run(from: from, to: to)
            print("recomputed \(days.count) date(s), \(from.iso) to \(to.iso)")
            return Exit.ok
        }
    }
}
