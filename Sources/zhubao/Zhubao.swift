import ArgumentParser
import Foundation

@main
struct Zhubao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhubao",
        abstract: "Reconciles pension contribution-assistance loan files (养老保险助保贷款).",
        subcommands: [InitCommand.self, RunCommand.self, RerunCommand.self, RunsCommand.self, ExplainCommand.self, ExceptionsCommand.self, OutboxCommand.self, ValidateCommand.self, ClaimCommand.self, DemoCommand.self, GenerateCommand.self,
                      RebuildCommand.self, VerifyCommand.self]
    )

    /// `zhubao` with no command is a usage error (64), not a success: a cron line missing its
    /// command must not look like a run that went well.
    func run() throws {
        FileHandle.standardError.write(Data((Self.helpMessage() + "\n").utf8))
        throw ExitCode(64)
    }
}
