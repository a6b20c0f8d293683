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

    @Flag(name: .customLong("allow-unknown-region"),
          help: "Accept a region that no profile or shipped reference data knows (its partner banks must then be set in zhubao.toml).")
    var allowUnknownRegion = false

    func validate() throws {
        guard Profile.Name(rawValue: profile) != nil else {
            throw ValidationError("--profile must be one of: \(Profile.Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let region, region.count != 6 || !region.allSatisfy(\.isASCII) || Int(region) == nil {
            throw ValidationError("--region must be a 6-digit region code, e.g. 360700")
        }
        if let region, !allowUnknownRegion {
            let reference = try ReferenceData.shipped()
            guard reference.cities[region] != nil else {
                let known = reference.cities.keys.sorted().map { "\($0) \(reference.cities[$0]!.name)" }.joined(separator: "、")
                throw ValidationError("地区代码 \(region) 不在参考数据中（已知：\(known)）：该市没有合作银行名单，每笔放款都会报 E203。"
                    + "如确需使用，请加 --allow-unknown-region，并在 zhubao.toml 的 [city.\(region)] 中填写 name 和 partner_banks。")
            }
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
