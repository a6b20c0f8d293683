import ArgumentParser
import Foundation
import ZhubaoCore

extension Zhubao {
    struct Exceptions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出或确认异常。",
            subcommands: [List.self, Ack.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出最近一次日常运行（或 --as-of 那天的运行）的异常；第一列为短编号，exceptions ack 可直接使用。", discussion: "身份证号已遮蔽。--as-of 那天没有日常运行时，说明这一点并指出最近的较早一次运行，退出码 64（不会答“0 条异常”）。")

            @OptionGroup var options: RootOptions

            @Option(help: ArgumentHelp("只列这些状态：NEW、OPEN、ACKNOWLEDGED、RESOLVED（用逗号分隔）。", valueName: "status"))
            var status: String?

            @Option(help: ArgumentHelp("只列这一责任方：sender、SI、BANK、TAX 或 CZ。", valueName: "owner"))
            var owner: String?

            @Option(name: .customLong("as-of"), help: ArgumentHelp("要列出的运行日期（默认：最近一次运行）。", valueName: "yyyy-mm-dd"))
            var asOf: Day?

            func validate() throws {
                let known = Set(ExceptionLifecycle.Status.allCases.map(\.rawValue))
                for s in status?.split(separator: ",") ?? [] where !known.contains(String(s)) {
                    throw ValidationError("--status：\(s) 不是 \(known.sorted().joined(separator: "、")) 之一")
                }
                if let owner, Owner(rawValue: owner) == nil {
                    throw ValidationError("--owner 应为 sender、SI、BANK、TAX 或 CZ")
                }
            }

            func run() throws {
                let logger = Log.make()
                try Exit.guarding(logger) {
                    let store = try Store.open(path: options.workspace.storePath)
                    let statuses = status.map { Set($0.split(separator: ",").map(String.init)) }
                    do {
                        print(try ExceptionListing(store: store).list(asOf: asOf, statuses: statuses, owner: owner))
                        return Exit.ok
                    } catch let error as ExceptionListingError {
                        return Exit.refused(error, logLine: "该日没有日常运行，未列出任何异常（no daily run of that date）", logger: logger)
                    }
                }
            }
        }

        struct Ack: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "确认一条异常：备注会保存，并显示在之后的每份报告中；不改变任何计算。", discussion: "再次确认会追加到确认历史中。另一次运行持有锁时最多等待 settings.lock_wait_seconds 秒（默认 60），之后退出 75；未知的键退出 64。")

            @OptionGroup var options: RootOptions

            @Argument(help: ArgumentHelp("异常的短编号（10 位，见报告和 zhubao exceptions list 的第一列），或 exceptions.jsonl 中的完整键（例如 E301|GZ105-2026-000017|GZ105-2026-000017-01）。",
                                         valueName: "key"))
            var key: String

            @Option(help: "做了什么或作出的决定。")
            var note: String

            @Option(help: "确认人。")
            var by: String

            @Option(name: .customLong("as-of"), help: ArgumentHelp("自该日起视为已确认（默认：今天）。", valueName: "yyyy-mm-dd"))
            var asOf: Day?

            func validate() throws {
                guard !note.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--note 不能为空") }
                guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--by 不能为空") }
                guard (key.hasPrefix("E") && key.contains("|")) || ShortID.looksLikeShortID(key.lowercased()) else {
                    throw ValidationError("键应形如 E301|合同号|借据号，或 3f9a0c12d4 这样的 10 位短编号：请从报告或 zhubao exceptions list 中复制")
                }
            }

            func run() throws {
                let logger = Log.make()
                let day = asOf ?? Day.today()
                try options.recorded("exceptions ack", asOf: day, logger: logger) { registry in
                    do {
                        let full = try AcknowledgeJob(workspace: options.workspace, logger: logger)
                            .run(key: key, note: note, by: by, on: day, registry: registry)
                        print("已确认 \(ShortID.of(key: full))：自 \(day.iso) 起显示为 ACKNOWLEDGED（已确认）")
                        return Exit.ok
                    } catch let error as AcknowledgeError {
                        // The key may hold an ID number: on standard output only, never in the log.
                        return Exit.refused(error, logLine: "未知的异常键或短编号，未确认任何异常（unknown key or short id）", logger: logger)
                    }
                }
            }
        }
    }
}
