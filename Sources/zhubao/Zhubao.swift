import ArgumentParser

@main
struct Zhubao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhubao",
        abstract: "Reconciles pension contribution-assistance loan files (养老保险助保贷款).",
        subcommands: [InitCommand.self, RunCommand.self, RerunCommand.self, ExceptionsCommand.self, ValidateCommand.self, ClaimCommand.self, DemoCommand.self, GenerateCommand.self,
                      RebuildCommand.self, VerifyCommand.self]
    )
}
