/// Warnings about the reference data a date's computation used (reference.md), shown in the
/// log, summary.json and every report of that date:
/// - the LPR table confirmed only up to a day more than 45 days before D: the cap may be stale;
/// - example minimum bases (E205, E305) or subsistence standards (E401) of a year up to D's:
///   records of those years are checked against them until the agency gives the published ones.
struct ReferenceWarnings {
    let settings: Settings

    static let staleAfterDays = 45

    func warnings(asOf: Day) -> [String] {
        var out: [String] = []
        let reference = settings.reference
        if settings.profile.rateCap == .lpr, let confirmed = reference.lprConfirmedThrough ?? reference.lpr.last?.from,
           asOf - confirmed > Self.staleAfterDays {
            out.append("LPR 报价表仅确认到 \(confirmed.iso)，距 \(asOf.iso) 已超过 \(Self.staleAfterDays) 天：E204 的利率上限可能已过时。"
                + "请在 zhubao.toml 中补充此后公布的报价（[[lpr]]），并把 lpr_confirmed_through 改为核对到的日期")
        }
        guard settings.profile.name == .ganzhou2021 else { return out }
        if let province = reference.cities[settings.region]?.province,
           let years = exampleYears("minimum_base", province, through: asOf.year) {
            out.append("E205、E305 按灵活就业最低缴费基数的示例值计算（\(province) 的 \(years) 年）："
                + "请在 zhubao.toml 的 [minimum_base.\(province)] 中填写公布的数值")
        }
        if let years = exampleYears("subsistence", settings.region, through: asOf.year) {
            out.append("E401 按城市低保标准的示例值计算（\(settings.region) 的 \(years) 年）："
                + "请在 zhubao.toml 的 [subsistence.\(settings.region)] 中填写公布的数值")
        }
        return out
    }

    /// The example years of a table up to `year` (every earlier year's records are still
    /// checked against them), as "2021、2022", or nil when there is none.
    func exampleYears(_ table: String, _ area: String, through year: Int) -> String? {
        let prefix = "\(table).\(area)."
        let years = settings.reference.exampleYears.compactMap { key -> Int? in
            key.hasPrefix(prefix) ? Int(key.dropFirst(prefix.count)) : nil
        }.filter { $0 <= year }.sorted()
        return years.isEmpty ? nil : years.map(String.init).joined(separator: "、")
    }
}
