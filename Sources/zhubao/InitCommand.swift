import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "建立运行目录结构、带注释的 zhubao.toml（按方案的默认值）和存储。", discussion: "唯一会创建存储（state/zhubao.sqlite）的命令；已有的 zhubao.toml 和存储保持原样。记入运行记录（zhubao runs）。")

        @OptionGroup var options: RootOptions

        @OptionGroup var policy: ProfileOptions

        @Option(help: ArgumentHelp("城市的 6 位行政区划代码（默认：方案所属的城市）。", valueName: "code"))
        var region: String?

        @Flag(name: .customLong("allow-unknown-region"),
              help: "接受方案和随附参考数据都不认识的地区代码（此时须在 zhubao.toml 中填写其合作银行）。")
        var allowUnknownRegion = false

        func validate() throws {
            if let region, region.count != 6 || !region.allSatisfy(\.isASCII) || Int(region) == nil {
                throw ValidationError("--region 应为 6 位行政区划代码，例如 360700")
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
            try options.recorded("init", asOf: nil, logger: logger) { registry in
                let workspace = options.workspace
                let chosen = policy.chosen
                let settings = try Settings.defaults(profile: chosen, region: region)
                try workspace.createFolders()
                if workspace.isInitialised {
                    print("\(workspace.configFile.path) 已存在，未改动")
                } else {
                    let text = ConfigTemplate.text(profile: chosen, region: settings.region, reference: settings.reference)
                    try Data(text.utf8).write(to: workspace.configFile)
                    print("已创建 \(workspace.configFile.path)（方案 \(chosen.name.rawValue)，地区 \(settings.region)）")
                }
                _ = try Settings.load(root: workspace.root)
                // The one command that creates a store; an existing one is opened (and migrated) as is.
                let existed = FileManager.default.fileExists(atPath: workspace.storePath)
                _ = try Store.create(path: workspace.storePath)
                registry.begin()  // recorded in the store it made or found
                print(existed ? "\(workspace.storePath) 已存在，未改动" : "已创建 \(workspace.storePath)")
                return Exit.ok
            }
        }
    }
}
