import ArgumentParser
import Foundation
import ZhubaoCore

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recreate the store from archive/, quarantine/ and the journal (state/journal.jsonl).",
        discussion: "For a missing, empty or damaged store. A healthy store is replaced only with --force; the old one is kept as state/zhubao.sqlite.before-rebuild-…. Exit codes: 0 rebuilt; 64 the store is healthy (no --force); 74 the journal or a kept file is missing or broken; 75 another run holds the lock.")

    @OptionGroup var options: RootOptions

    @Flag(help: "Rebuild even when the store looks healthy (it is kept aside).")
    var force = false

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            do {
                let result = try RebuildJob(workspace: options.workspace, logger: logger).run(force: force)
                print("rebuilt: \(result.files) file(s), \(result.days) computed date(s), \(result.acknowledgements) acknowledgement(s), \(result.claimRuns) claim run(s)"
                      + (result.keptAside.map { "; the old store is \($0.path)" } ?? ""))
                return Exit.ok
            } catch let error as RebuildError {
                print(error.description)
                logger.error("rebuild refused or failed; the store is as it was")
                if case .healthyStore = error { return Exit.usage }
                return Exit.ioFault
            }
        }
    }
}
