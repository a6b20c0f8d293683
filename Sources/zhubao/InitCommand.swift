import ArgumentParser
import Foundation
import ZhubaoCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the run layout and a commented zhubao.toml with a profile's defaults.")

    @OptionGroup var options: RootOptions

    @Option(help: ArgumentHelp("The policy: ganzhou-2021 or tongling-2022.", valueName: "profile"))
    var profile: String = Profile.Name.ganzhou2021.rawValue

    @Option(help: ArgumentHelp("The city's 6-digit region code (default: the profile's city).", valueName: "code"))
    var region: String?

    func validate() throws {
        guard Profile.Name(rawValue: profile) != nil else {
            throw ValidationError("--profile must be one of: \(Profile.Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let region, region.count != 6 || !region.allSatisfy(\.isASCII) || Int(region) == nil {
            throw ValidationError("--region must be a 6-digit region code, e.g. 360700")
        }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            let workspace = options.workspace
            let chosen = Profile.named(Profile.Name(rawValue: profile)!)
            let settings = try Settings.defaults(profile: chosen, region: region)
            try workspace.createFolders()
            if workspace.isInitialised {
                print("\(workspace.configFile.path) exists; left unchanged")
            } else {
                let text = ConfigTemplate.text(profile: chosen, region: settings.region, reference: settings.reference)
                try Data(text.utf8).write(to: workspace.configFile)
                print("created \(workspace.configFile.path) (profile \(chosen.name.rawValue), region \(settings.region))")
            }
            _ = try Settings.load(root: workspace.root)
            // The one command that creates a store; an existing one is opened (and migrated) as is.
            let existed = FileManager.default.fileExists(atPath: workspace.storePath)
            _ = try Store.create(path: workspace.storePath)
            print(existed ? "\(workspace.storePath) exists; left unchanged" : "created \(workspace.storePath)")
            return Exit.ok
        }
    }
}
