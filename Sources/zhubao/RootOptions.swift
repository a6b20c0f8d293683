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

    /// Runs a command that changes the workspace, recorded in the run registry (`zhubao runs`)
    /// with the command line as typed: `body` hands the record to the job, which writes it once
    /// it holds the lock; `Exit.guarding` ends it with the exit code.
    func recorded(_ command: String, asOf: Day?, logger: Logger, after: ((Int32) -> Void)? = nil,
                  _ body: (RunRegistry) throws -> Int32) throws {
        let registry = RunRegistry(workspace: workspace, command: command, arguments: Array(CommandLine.arguments.dropFirst()),
                                   asOf: asOf, logger: logger)
        try Exit.guarding(logger, registry: registry, after: after) { try body(registry) }
    }
}

/// `--year` and `--as-of` of the commands that compute a year's subsidy (`claim`, `explain`).
struct ClaimYearOptions: ParsableArguments {
    @Option(help: ArgumentHelp("贴息年度。", valueName: "yyyy"))
    var year: Int

    @Option(name: .customLong("as-of"), help: ArgumentHelp("按该日的数据核定贴息（默认：今天），claim 与 explain 相同。", valueName: "yyyy-mm-dd"))
    var asOf: Day?

    /// The as-of date: the one given, else today.
    var day: Day { asOf ?? Day.today() }

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year 应为年份，例如 2026") }
        if let asOf, asOf.year < year { throw ValidationError("--as-of 不能早于贴息年度") }
    }
}

/// `--profile` of the commands that set a workspace or a generated city up (`init`, `demo`,
/// `generate`).
struct ProfileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("政策方案：ganzhou-2021 或 tongling-2022。", valueName: "profile"))
    var profile: String = Profile.Name.ganzhou2021.rawValue

    /// The profile named (`validate()` has refused any other name).
    var chosen: Profile { .named(Profile.Name(rawValue: profile)!) }

    func validate() throws { try Self.check(profile) }

    /// Refuses a name that is no profile's (also `validate --profile`).
    static func check(_ name: String) throws {
        guard Profile.Name(rawValue: name) == nil else { return }
        throw ValidationError("--profile 应为以下之一：\(Profile.Name.allCases.map(\.rawValue).joined(separator: "、"))")
    }
}

/// Parses `YYYY-MM-DD` options.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
