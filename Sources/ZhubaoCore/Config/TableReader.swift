import TOMLKit

/// Reads typed values out of a TOML table, naming the file and key in every error.
/// Amounts and rates are written as strings in TOML so that they never pass through a float.
struct TableReader {
    let file: String

    /// `path.key`, or `key` at the top level.
    static func name(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func string(_ table: TOMLTable, _ key: String, _ path: String) throws -> String {
        guard let value = table[key]?.string else { throw ConfigError("\(file): \(Self.name(path, key)) 应为字符串") }
        return value
    }

    func strings(_ table: TOMLTable, _ key: String, _ path: String) throws -> [String] {
        guard let array = table[key]?.array else { throw ConfigError("\(file): \(Self.name(path, key)) 应为字符串数组") }
        return try array.map {
            guard let s = $0.string else { throw ConfigError("\(file): \(Self.name(path, key)) 应为字符串数组") }
            return s
        }
    }

    func int(_ table: TOMLTable, _ key: String, _ path: String) throws -> Int {
        guard let value = table[key]?.int else { throw ConfigError("\(file): \(Self.name(path, key)) 应为整数") }
        return value
    }

    /// An integer within `range`; out of range is a usage error naming the key and the range.
    func int(_ table: TOMLTable, _ key: String, _ path: String, in range: ClosedRange<Int>) throws -> Int {
        let value = try int(table, key, path)
        guard range.contains(value) else {
            let words = range.upperBound == Int.max ? "不小于 \(range.lowerBound)" : "在 \(range.lowerBound) 到 \(range.upperBound) 之间"
            throw ConfigError("\(file): \(Self.name(path, key)) = \(value) 超出范围：应\(words)")
        }
        return value
    }

    func day(_ table: TOMLTable, _ key: String, _ path: String) throws -> Day {
        let text = try string(table, key, path)
        guard let day = Day(iso: text) else { throw ConfigError("\(file): \(Self.name(path, key)) = \"\(text)\" 不是 YYYY-MM-DD 日期") }
        return day
    }

    func rate(_ table: TOMLTable, _ key: String, _ path: String) throws -> Rate {
        let text = try string(table, key, path)
        guard let rate = Rate(percent: text) else { throw ConfigError("\(file): \(Self.name(path, key)) = \"\(text)\" 不是年利率百分数（最多 4 位小数）") }
        return rate
    }

    func amount(_ table: TOMLTable, _ key: String, _ path: String) throws -> Fen {
        let text = try string(table, key, path)
        guard let amount = Fen(yuan: text) else { throw ConfigError("\(file): \(Self.name(path, key)) = \"\(text)\" 不是两位小数的金额") }
        return amount
    }
}

/// A configuration problem: it stops the run (exit 64 for a bad zhubao.toml is the operator's
/// to fix; the message names the file and key).
package struct ConfigError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package init(_ message: String) { self.description = message }

    static func parse(_ text: String, file: String) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError("\(file) 第 \(error.source.begin.line) 行第 \(error.source.begin.column) 列不是合法的 TOML，请改正后再运行"
                + "（TOMLKit: \(error.description)）")
        }
    }
}
