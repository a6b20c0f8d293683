import ArgumentParser
import Foundation
import ZhubaoCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the journal's hash chain, the store (PRAGMA integrity_check), every registered file against archive/ and quarantine/, and the claim files.",
        discussion: "Exit codes: 0 all is well; 74 something is wrong (each problem on standard output, in Chinese); 75 another run holds the lock.")

    @OptionGroup var options: RootOptions

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            let problems = try VerifyJob(workspace: options.workspace, logger: logger).run()
            guard problems.isEmpty else {
                for problem in problems { print(problem) }
                logger.error("verify found problems", metadata: ["count": "\(problems.count)"])
                return Exit.ioFault
            }
            print("verify: journal, store and kept files agree")
            return Exit.ok
        }
    }
}

extension Exit {
    /// sysexits EX_IOERR (outputs.md): a fault of the store, the journal or the kept files.
    static let ioFault: Int32 = 74
}
