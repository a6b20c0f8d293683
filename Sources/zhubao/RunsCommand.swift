import ArgumentParser
import Foundation
import ZhubaoCore

/// `zhubao runs [--last N]`: the run registry, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the recorded runs of commands that changed the workspace, newest first.",
        discussion: "Status DONE with its exit code, RUNNING, or KILLED (a run whose process ended without finishing).")

    @OptionGroup var options: RootOptions

    @Option(help: ArgumentHelp("How many runs to list.", valueName: "n"))
    var last: Int = 20

    func validate() throws {
        guard last >= 1 else { throw ValidationError("--last must be at least 1") }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            let runs = try RunRegistry.last(last, in: options.workspace, logger: logger)
            print("id\tcommand\tas-of\tstarted\tended\tstatus\texit\timported\trejected\tunreadable\texceptions")
            for run in runs {
                let fields: [String] = [
                    String(run.id ?? 0), run.command, run.asOf ?? "-", run.startedAt, run.endedAt ?? "-", run.status.rawValue,
                    run.exitCode.map(String.init) ?? "-", String(run.filesImported), String(run.filesRejected),
                    String(run.filesUnreadable), run.exceptions ?? "-",
                ]
                print(fields.joined(separator: "\t"))
            }
            print("\(runs.count) run(s)")
            return Exit.ok
        }
    }
}
