import ArgumentParser
import Foundation
import ZhubaoCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check files against the contract without importing anything.",
        discussion: "Prints every problem with its file and line or element. Exit 0 when every file passes, 65 when any is rejected.")

    @OptionGroup var options: RootOptions

    @Option(help: ArgumentHelp("Check as for this profile when there is no zhubao.toml (default: ganzhou-2021).", valueName: "profile"))
    var profile: String?

    @Argument(help: "The files to check.")
    var files: [String]

    func validate() throws {
        if let profile, Profile.Name(rawValue: profile) == nil {
            throw ValidationError("--profile must be one of: \(Profile.Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
    }

    func run() throws {
        let logger = Log.make()
        try Exit.guarding(logger) {
            let workspace = options.workspace
            let settings = workspace.isInitialised && profile == nil
                ? try Settings.load(root: workspace.root)
                : try Settings.defaults(profile: .named(Profile.Name(rawValue: profile ?? "ganzhou-2021")!))
            let validator = Validator(context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()))
            var rejected = false
            for path in files {
                let url = URL(fileURLWithPath: path)
                guard FileManager.default.isReadableFile(atPath: url.path) else {
                    print("\(url.lastPathComponent): 文件不存在或不可读")
                    rejected = true
                    continue
                }
                let report = try validator.validate(url)
                rejected = rejected || report.rejected
                print("\(report.file): \(report.rejected ? "拒收" : "通过")，\(report.recordCount) 条记录")
                for diagnostic in report.diagnostics {
                    let code = diagnostic.code.map { " \($0)" } ?? ""
                    print("  \(diagnostic.severity.rawValue)\(code) \(diagnostic)")
                }
                if report.dropped > 0 { print("  ……另有 \(report.dropped) 处问题未列出") }
            }
            return rejected ? Exit.dataRejected : Exit.ok
        }
    }
}
