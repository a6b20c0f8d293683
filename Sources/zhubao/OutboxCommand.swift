import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Outbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "zhubao 回传给其他单位和银行的文件（outbound.md）。",
            subcommands: [List.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "按存储中的记录列出写入 outbox/ 的文件（以记录为准，而不是目录）。")

            @OptionGroup var options: RootOptions

            @Option(help: ArgumentHelp("只列这个接收方：B105、TAX、MZ、XC、JY、SI……", valueName: "recipient"))
            var recipient: String?

            @Option(help: ArgumentHelp("只列这一种：FDBK 或 ELIG。", valueName: "kind"))
            var kind: String?

            @Option(help: ArgumentHelp("只列该日及以后日期的文件。", valueName: "yyyy-mm-dd"))
            var from: Day?

            @Option(help: ArgumentHelp("只列该日及以前日期的文件。", valueName: "yyyy-mm-dd"))
            var to: Day?

            func validate() throws {
                if let kind, OutboundKind(rawValue: kind) == nil { throw ValidationError("--kind 应为 FDBK 或 ELIG") }
                if let from, let to, from > to { throw ValidationError("--from 不能晚于 --to") }
            }

            func run() throws {
                let logger = Log.make()
                try Exit.guarding(logger) {
                    let store = try Store.open(path: options.workspace.storePath)
                    let files = try store.outboxFiles(recipient: recipient, kind: kind, from: from, to: to)
                    print(OutboxListing.render(files))
                    return Exit.ok
                }
            }
        }
    }
}
