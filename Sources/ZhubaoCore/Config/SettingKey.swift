import TOMLKit

/// One key of `zhubao.toml`'s `[settings]` table (rules.md §8 and the operational settings):
/// its type and range, what it means, and how it is read. `SettingKey.all` is the one list that
/// the parser (`Settings.parse`) and the template (`ConfigTemplate`) both read; the default is
/// the value `Settings` starts with, so it is written in one place too.
package struct SettingKey: Sendable {
    package enum Kind: Sendable {
        /// A TOML integer within the range.
        case integer(ClosedRange<Int>)
        /// A string `"MM-DD"`.
        case monthDay
        /// A string of yuan with two decimals, at least the lower bound (in fen).
        case amount(min: Int64)
        /// One of these strings.
        case choice([String])
    }

    package let name: String
    package let kind: Kind
    /// One line of Simplified Chinese for the template, citing its source.
    package let comment: String
    let read: @Sendable (inout Settings, TOMLTable, TableReader) throws -> Void
    /// The value as TOML, for the template.
    let literal: @Sendable (Settings) -> String

    /// The range or format, in words, for error messages and the template.
    package var rangeText: String {
        switch kind {
        case .integer(let range):
            return range.upperBound == Int.max ? "不小于 \(range.lowerBound) 的整数" : "\(range.lowerBound) 到 \(range.upperBound) 之间的整数"
        case .monthDay: return "\"MM-DD\" 形式的月日"
        case .amount(let min): return "不小于 \(Fen(min).yuan) 的金额字符串（两位小数）"
        case .choice(let values): return values.map { "\"\($0)\"" }.joined(separator: "、") + " 之一"
        }
    }

    static func integer(_ name: String, _ range: ClosedRange<Int>, _ path: WritableKeyPath<Settings, Int> & Sendable,
                        _ comment: String) -> SettingKey {
        SettingKey(name: name, kind: .integer(range), comment: comment,
                   read: { settings, table, reader in
                       settings[keyPath: path] = try reader.int(table, name, "settings", in: range)
                   },
                   literal: { String($0[keyPath: path]) })
    }

    package static let all: [SettingKey] = [
        .integer("match_window_days", 0...366, \.matchWindowDays,
                 "专款专用匹配窗口：放款后多少天内到账的税票可与借据匹配（rules.md §6）"),
        SettingKey(name: "review_date", kind: .monthDay,
                   comment: "年度复核日（第六条）：次年及以后年度是否贴息，以该日是否认定困难为准",
                   read: { settings, table, reader in
                       let text = try reader.string(table, "review_date", "settings")
                       guard text.utf8.count == 5, let day = Day(iso: "2000-" + text) else {
                           throw ConfigError("\(reader.file): settings.review_date = \"\(text)\" 应为 \"MM-DD\" 形式的月日")
                       }
                       (settings.reviewMonth, settings.reviewDay) = (day.components.month, day.components.day)
                   },
                   literal: { "\"\(pad($0.reviewMonth))-\(pad($0.reviewDay))\"" }),
        .integer("age_window_years", 1...50, \.ageWindowYears,
                 "首笔放款距法定退休日期的最长年数（第二条，E202）"),
        SettingKey(name: "lump_sum_cap", kind: .amount(min: 1),
                   comment: "一次放款合同累计上限（第五条(四)，E206）",
                   read: { settings, table, reader in
                       let cap = try reader.amount(table, "lump_sum_cap", "settings")
                       guard cap.value >= 1 else {
                           throw ConfigError("\(reader.file): settings.lump_sum_cap = \"\(cap.yuan)\" 超出范围：应为大于 0.00 的金额")
                       }
                       settings.lumpSumCap = cap
                   },
                   literal: { "\"\($0.lumpSumCap.yuan)\"" }),
        .integer("death_grace_days", 0...3650, \.deathGraceDays,
                 "借款人死亡后多少天仍有余额即提示（E409、E410）"),
        .integer("failures_to_escalate", 1...100, \.failuresToEscalate,
                 "连续多少次养老金扣款失败升级为 E403"),
        .integer("max_decompressed_bytes", 1...Int.max, \.maxDecompressedBytes,
                 "输入文件（gzip 解压后）的最大字节数，超过即拒收（E001），不再读取；默认 2 GiB"),
        .integer("lock_wait_seconds", 0...3600, \.lockWaitSeconds,
                 "zhubao exceptions ack 等待正在运行的任务释放运行锁的最长秒数，超时退出 75"),
        SettingKey(name: "intake_mode", kind: .choice(IntakeMode.allCases.map(\.rawValue)),
                   comment: "如何判断收件箱中的文件已写完：rename（发送方先写 .part/.tmp 再改名，默认）；"
                       + "marker（等同目录出现 文件名.done 标记后才收取，标记随文件一并移走）；"
                       + "stable（文件大小与修改时间持续 stable_seconds 秒不变才收取，未满的留待下次运行）",
                   read: { settings, table, reader in
                       let text = try reader.string(table, "intake_mode", "settings")
                       guard let mode = IntakeMode(rawValue: text) else {
                           throw ConfigError("\(reader.file): settings.intake_mode = \"\(text)\" 应为 \"rename\"、\"marker\" 或 \"stable\"")
                       }
                       settings.intakeMode = mode
                   },
                   literal: { "\"\($0.intakeMode.rawValue)\"" }),
        .integer("stable_seconds", 1...86_400, \.stableSeconds,
                 "intake_mode = \"stable\" 时，文件须保持不变的秒数"),
    ]

    package static func named(_ name: String) -> SettingKey? { all.first { $0.name == name } }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
