import Foundation
import TOMLKit

/// The reference tables of reference.md. The project ships them as data files
/// (Resources/reference/*.toml); `zhubao.toml` overrides or extends any of them with tables of
/// the same shape.
package struct ReferenceData: Sendable {
    package struct LPRFixing: Sendable, Equatable {
        package var from: Day
        package var oneYear: Rate
        package var fiveYear: Rate
    }

    /// Sorted by `from`.
    package var lpr: [LPRFixing]
    package var benchmarkUpTo1Year: Rate
    package var benchmarkUpTo5Years: Rate
    package var benchmarkOver5Years: Rate
    /// province → year → minimum monthly base.
    package var minimumBase: [String: [Int: Fen]]
    /// city → year → subsistence standard a month.
    package var subsistence: [String: [Int: Fen]]
    package var bankNames: [String: String]
    package var cities: [String: City]
    /// The day up to which the LPR table is known complete (reference.md: the warning of a stale
    /// cap counts from it, not from the last change).
    package var lprConfirmedThrough: Day?
    /// `"minimum_base.360000.2026"`: the years of the tables that ship example figures and that
    /// `zhubao.toml` has not replaced.
    package var exampleYears: Set<String> = []

    package struct City: Sendable, Equatable {
        package var name: String
        package var province: String
        package var partnerBanks: [String]
        package var counties: [String]
    }

    /// The names of the tables that ship with zhubao (`Resources/reference/<name>.toml`).
    static let shippedTables = ["lpr", "benchmark", "contributions", "cities"]

    /// Where the shipped table `name` is installed; nil when it is missing.
    static func shippedURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "toml", subdirectory: "reference")
    }

    /// The tables that ship with zhubao.
    package static func shipped() throws -> ReferenceData {
        var data = ReferenceData(lpr: [], benchmarkUpTo1Year: Rate(units: 0), benchmarkUpTo5Years: Rate(units: 0),
                                 benchmarkOver5Years: Rate(units: 0), minimumBase: [:], subsistence: [:],
                                 bankNames: [:], cities: [:], lprConfirmedThrough: nil)
        for name in shippedTables {
            guard let url = shippedURL(name) else {
                throw ConfigError("the shipped reference table \(name).toml is missing from the installation")
            }
            let text = try String(contentsOf: url, encoding: .utf8)
            let table = try ConfigError.parse(text, file: "\(name).toml")
            try data.merge(table, file: "\(name).toml")
            for area in table["examples"]?.array?.compactMap(\.string) ?? [] {
                let parts = area.split(separator: ".").map(String.init)
                let years = parts.count == 2 ? (parts[0] == "minimum_base" ? data.minimumBase : data.subsistence)[parts[1]] : nil
                for year in years?.keys ?? [:].keys { data.exampleYears.insert("\(area).\(year)") }
            }
        }
        return data
    }

    /// Overrides and extends these tables with those of a TOML document (`zhubao.toml`).
    package mutating func merge(_ table: TOMLTable, file: String) throws {
        let reader = TableReader(file: file)
        if table["lpr_confirmed_through"] != nil { lprConfirmedThrough = try reader.day(table, "lpr_confirmed_through", "") }
        if let fixings = table["lpr"]?.array {
            for (index, item) in fixings.enumerated() {
                let path = "lpr[\(index)]"
                guard let entry = item.table else { throw ConfigError("\(file): \(path) 应为表") }
                let fixing = LPRFixing(from: try reader.day(entry, "from", path),
                                       oneYear: try reader.rate(entry, "one_year", path),
                                       fiveYear: try reader.rate(entry, "five_year", path))
                lpr.removeAll { $0.from == fixing.from }
                lpr.append(fixing)
            }
            lpr.sort { $0.from < $1.from }
        }
        if let benchmark = table["benchmark"]?.table {
            if benchmark["up_to_1_year"] != nil { benchmarkUpTo1Year = try reader.rate(benchmark, "up_to_1_year", "benchmark") }
            if benchmark["up_to_5_years"] != nil { benchmarkUpTo5Years = try reader.rate(benchmark, "up_to_5_years", "benchmark") }
            if benchmark["over_5_years"] != nil { benchmarkOver5Years = try reader.rate(benchmark, "over_5_years", "benchmark") }
        }
        var examples = exampleYears
        try mergeYearly(table["minimum_base"]?.table, into: &minimumBase, examples: &examples, reader: reader, path: "minimum_base")
        try mergeYearly(table["subsistence"]?.table, into: &subsistence, examples: &examples, reader: reader, path: "subsistence")
        exampleYears = examples
        if let banks = table["banks"]?.table {
            for key in banks.keys { bankNames[key] = try reader.string(banks, key, "banks") }
        }
        if let cityTable = table["city"]?.table {
            for code in cityTable.keys {
                guard let entry = cityTable[code]?.table else { throw ConfigError("\(file): city.\(code) 应为表") }
                let path = "city.\(code)"
                var city = cities[code] ?? City(name: code, province: String(code.prefix(2)) + "0000", partnerBanks: [], counties: [])
                if entry["name"] != nil { city.name = try reader.string(entry, "name", path) }
                if entry["province"] != nil { city.province = try reader.string(entry, "province", path) }
                if entry["partner_banks"] != nil {
                    city.partnerBanks = try reader.strings(entry, "partner_banks", path)
                    if let bad = city.partnerBanks.first(where: { $0.utf8.count != 3 || !$0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) {
                        throw ConfigError("\(file): \(path).partner_banks 中的 \"\(bad)\" 不是 3 位银行行别代码")
                    }
                }
                if entry["counties"] != nil { city.counties = try reader.strings(entry, "counties", path) }
                cities[code] = city
            }
        }
    }

    private func mergeYearly(_ table: TOMLTable?, into target: inout [String: [Int: Fen]],
                             examples: inout Set<String>, reader: TableReader, path: String) throws {
        guard let table else { return }
        for area in table.keys {
            guard let years = table[area]?.table else { throw ConfigError("\(reader.file): \(path).\(area) 应为表") }
            for year in years.keys {
                guard let y = Int(year), (1000...9999).contains(y) else {
                    throw ConfigError("\(reader.file): \(path).\(area).\(year) 的键应为年份")
                }
                target[area, default: [:]][y] = try reader.amount(years, year, "\(path).\(area)")
                examples.remove("\(path).\(area).\(y)")
            }
        }
    }

    /// The LPR fixing in force on a day: the latest published on or before it.
    package func lprFixing(on day: Day) -> LPRFixing? {
        lpr.last { $0.from <= day }
    }
}
