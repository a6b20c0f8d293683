import ArgumentParser
import Foundation
import ZhubaoCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo workspace with generated files for a few hundred borrowers over a year and run the daily job over it.",
        discussion: "The folder (default ./demo) is rebuilt each time; a folder that an earlier demo did not make is refused.")

    @Option(name: .long, help: ArgumentHelp("The demo folder (default: ./demo).", valueName: "dir"))
    var root: String = "demo"

    @Option(help: ArgumentHelp("The policy: ganzhou-2021 or tongling-2022.", valueName: "profile"))
    var profile: String = Profile.Name.ganzhou2021.rawValue

    @Option(help: ArgumentHelp("How many borrowers (default 300).", valueName: "n"))
    var borrowers: Int = 300

    func validate() throws {
        guard Profile.Name(rawValue: profile) != nil else {
            throw ValidationError("--profile must be one of: \(Profile.Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (10...5000).contains(borrowers) else { throw ValidationError("--borrowers must be 10 … 5000") }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            let workspace = Workspace(root: URL(fileURLWithPath: root, isDirectory: true))
            let result = try DemoJob(workspace: workspace, profile: .named(Profile.Name(rawValue: profile)!),
                                     borrowers: borrowers, logger: logger).run()
            print("""
            demo workspace: \(workspace.root.path) (\(profile), \(borrowers) borrowers, 2026-01-01 … \(result.lastDay.iso))
            daily runs: \(result.runs); files rejected along the way: \(result.rejectedFiles) (see quarantine/)
            faults injected by the generator: \(result.faultsInjected) (generated/faults.json)
            open exceptions as of \(result.lastDay.iso): \(result.openExceptions)
            report: \(result.report.path)
              also: \(result.report.deletingLastPathComponent().path)/exceptions.{xlsx,csv,jsonl}, summary.json
            sent back to the banks and agencies: \(workspace.outbox.path)/ (zhubao outbox list --root \(workspace.root.path))
            """)
            for claim in result.claims { print("claim for the finance bureau: \(claim.path)") }
            return Exit.ok
        }
    }
}
