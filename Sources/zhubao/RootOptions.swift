import ArgumentParser
import Foundation
import Logging
import ZhubaoCore

/// `--root DIR`, which every command takes (outputs.md "Command line").
struct RootOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("工作目录（默认：环境变量 $ZHUBAO_ROOT，否则为当前目录）。", valueName: "dir"))
    var root: String?

    var workspace: Workspace {
        let path = root ?? ProcessInfo.processInfo.environment["ZHUBAO_ROOT"] ?? FileManager.default.currentDirectoryPath
        return Workspace(root: URL(fileURLWithPath: path, isDirectory: true))
    }

    /// The record of this command in the run registry (`zhubao runs`), with the command line as
    /// typed; the job writes it once it holds the lock, `Exit.guarding` ends it.
    func registry(_ command: String, asOf: Day?, logger: Logger) -> RunRegistry {
        RunRegistry(workspace: workspace, command: command, arguments: Array(CommandLine.arguments.dropFirst()),
                    asOf: asOf, logger: logger)
    }
}

/// Parses `YYYY-MM-DD` options.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
