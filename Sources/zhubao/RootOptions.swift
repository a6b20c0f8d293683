import ArgumentParser
import Foundation
import ZhubaoCore

/// `--root DIR`, which every command takes (outputs.md "Command line").
struct RootOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $ZHUBAO_ROOT, else the current folder).", valueName: "dir"))
    var root: String?

    var workspace: Workspace {
        let path = root ?? ProcessInfo.processInfo.environment["ZHUBAO_ROOT"] ?? FileManager.default.currentDirectoryPath
        return Workspace(root: URL(fileURLWithPath: path, isDirectory: true))
    }
}

/// Parses `YYYY-MM-DD` options.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
