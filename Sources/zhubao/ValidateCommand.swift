import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "按接口规范检查文件，不导入任何东西。", discussion: "列出每个问题及其所在的文件和行或元素（outbox 中的 FDBK、ELIG 文件也可检查）。全部通过退出 0，有文件会被拒收退出 65。")

        @OptionGroup var options: RootOptions

        @Option(help: ArgumentHelp("没有 zhubao.toml 时按此方案检查（默认：ganzhou-2021）。", valueName: "profile"))
        var profile: String?

        @Argument(help: ArgumentHelp("要检查的文件。", valueName: "file"))
        var files: [String]

        func validate() throws {
            if let profile { try ProfileOptions.check(profile) }
            guard !files.isEmpty else { throw ValidationError("至少指定一个文件") }
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
}
