import TOMLKit

/// The shape of `zhubao.toml`: every table and key it may hold. A key or table that is not
/// here is a usage error naming it and the nearest known key, so that a misspelt
/// `match_windw_days` never silently falls back to the default (issue 16).
enum ConfigKeys {
    indirect enum Shape: Sendable {
        /// A value (its type is checked where it is read).
        case value
        /// A table with exactly these keys.
        case table([String: Shape])
        /// A table whose keys are codes or years of a form (`isKey`), each holding `Shape`.
        case keyed(form: String, isKey: @Sendable (String) -> Bool, Shape)
        /// An array of tables with these keys (`[[lpr]]`).
        case tables([String: Shape])
    }

    static func digits(_ n: Int) -> @Sendable (String) -> Bool {
        { key in key.utf8.count == n && key.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }

    static let document: [String: Shape] = [
        "profile": .value,
        "region": .value,
        "lpr_confirmed_through": .value,
        "settings": .table(Dictionary(uniqueKeysWithValues: SettingKey.all.map { ($0.name, Shape.value) })),
        "city": .keyed(form: "6 位地区代码", isKey: digits(6),
                       .table(["name": .value, "province": .value, "partner_banks": .value, "counties": .value])),
        "banks": .keyed(form: "3 位银行行别代码", isKey: digits(3), .value),
        "lpr": .tables(["from": .value, "one_year": .value, "five_year": .value]),
        "benchmark": .table(["up_to_1_year": .value, "up_to_5_years": .value, "over_5_years": .value]),
        "minimum_base": .keyed(form: "6 位省级代码", isKey: digits(6), .keyed(form: "4 位年份", isKey: digits(4), .value)),
        "subsistence": .keyed(form: "6 位地区代码", isKey: digits(6), .keyed(form: "4 位年份", isKey: digits(4), .value)),
    ]

    /// Throws a `ConfigError` for the first key (in sorted order) that the shape does not name.
    static func check(_ table: TOMLTable, file: String) throws {
        try check(table, against: document, path: "", file: file)
    }

    private static func check(_ table: TOMLTable, against keys: [String: Shape], path: String, file: String) throws {
        for key in table.keys.sorted() {
            let full = path.isEmpty ? key : "\(path).\(key)"
            guard let shape = keys[key] else {
                let kind = table[key]?.table != nil ? "表" : "键"
                var message = "\(file): 未知的\(kind) \(full)"
                if let near = nearest(key, among: Array(keys.keys)) {
                    message += "（是否想写 \(path.isEmpty ? near : "\(path).\(near)")？）"
                } else {
                    message += "（此处可用的键：\(keys.keys.sorted().joined(separator: "、"))）"
                }
                throw ConfigError(message + "；请改正 zhubao.toml 后再运行")
            }
            try check(table[key]!, shape: shape, path: full, file: file)
        }
    }

    private static func check(_ value: TOMLValueConvertible, shape: Shape, path: String, file: String) throws {
        switch shape {
        case .value:
            return
        case .table(let keys):
            guard let inner = value.table else { throw ConfigError("\(file): \(path) 应为表（[\(path)]）") }
            try check(inner, against: keys, path: path, file: file)
        case .keyed(let form, let isKey, let innerShape):
            guard let inner = value.table else { throw ConfigError("\(file): \(path) 应为表（[\(path)]）") }
            for key in inner.keys.sorted() {
                guard isKey(key) else { throw ConfigError("\(file): \(path).\(key) 的键应为 \(form)") }
                try check(inner[key]!, shape: innerShape, path: "\(path).\(key)", file: file)
            }
        case .tables(let keys):
            guard let array = value.array else { throw ConfigError("\(file): \(path) 应为表数组（[[\(path)]]）") }
            for (index, item) in array.enumerated() {
                guard let inner = item.table else { throw ConfigError("\(file): \(path)[\(index)] 应为表") }
                try check(inner, against: keys, path: "\(path)[\(index)]", file: file)
            }
        }
    }

    /// The known key closest to `key` by edit distance, when it is close enough to be a slip.
    static func nearest(_ key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(key, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = scored.first, best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
