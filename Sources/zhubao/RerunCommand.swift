import ArgumentParser
import Foundation
import ZhubaoCore

struct RerunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun",
        abstract: "Recompute the daily outputs of the dates in a range on which `run` ran, from the store; reads no inbox.",
        discussion: "What it writes for a date is byte-identical to what `run` wrote for it, even when files delivered later are in the store. Dates without a run are skipped and named, unless --every-date.")

    @OptionGroup var options: RootOptions

    @Option(help: ArgumentHelp("The first date to recompute.", valueName: "yyyy-mm-dd"))
    var from: Day

    @Option(help: ArgumentHelp("The last date to recompute.", valueName: "yyyy-mm-dd"))
    var to: Day

    @Flag(name: .customLong("every-date"), help: "Also compute the dates on which `run` never ran; each becomes a run.")
    var everyDate = false

    func validate() throws {
        guard from <= to else { throw ValidationError("--from must be on or before --to") }
        guard to - from < 3660 else { throw ValidationError("the range is limited to ten years") }
    }

    func run() throws {
        let logger = Log.make()
        let registry = RunRegistry(workspace: options.workspace, command: "rerun", arguments: Array(CommandLine.arguments.dropFirst()),
                                   asOf: to, logger: logger)
        try Exit.guarding(logger, registry: registry) {
            let result = try RerunJob(workspace: options.workspace, logger: logger).run(from: from, to: to, everyDate: everyDate, registry: registry)
            print("recomputed \(result.computed.count) date(s), \(from.iso) to \(to.iso)")
            if !result.skipped.isEmpty {
                print("skipped \(result.skipped.count) date(s) without a run (--every-date computes them): "
                      + result.skipped.map(\.iso).joined(separator: " "))
            }
            return Exit.ok
        }
    }
}
