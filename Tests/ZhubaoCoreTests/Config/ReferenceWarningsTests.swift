import Testing
@testable import ZhubaoCore

/// The warnings about the reference data behind a date's outputs (issue 16, reference.md).
@Suite struct ReferenceWarningsTests {
    func warnings(_ toml: String = "", profile: String = "ganzhou-2021", region: String = "360700", asOf: String) throws -> [String] {
        let settings = try Settings.parse("profile = \"\(profile)\"\nregion = \"\(region)\"\n" + toml)
        return ReferenceWarnings(settings: settings).warnings(asOf: Day(iso: asOf)!)
    }

    @Test func theLPRWarningCountsFromTheDayTheTableWasConfirmed() throws {
        // Shipped: confirmed through 2026-08-20; 45 days later is 2026-10-04.
        #expect(try warnings(asOf: "2026-10-04").filter { $0.hasPrefix("LPR") }.isEmpty)
        let stale = try warnings(asOf: "2026-10-05").filter { $0.hasPrefix("LPR") }
        #expect(stale == ["LPR 报价表仅确认到 2026-08-20，距 2026-10-05 已超过 45 天：E204 的利率上限可能已过时。"
            + "请在 zhubao.toml 中补充此后公布的报价（[[lpr]]），并把 lpr_confirmed_through 改为核对到的日期"])
        #expect(try warnings("lpr_confirmed_through = \"2026-11-30\"\n", asOf: "2026-12-31").filter { $0.hasPrefix("LPR") }.isEmpty)
    }

    @Test func tonglingHasNoLPRAndNoExampleWarnings() throws {
        #expect(try warnings(profile: "tongling-2022", region: "340700", asOf: "2027-06-30").isEmpty)
    }

    @Test func exampleFiguresAreNamedUntilZhubaoTomlGivesThatYear() throws {
        let shipped = try warnings(asOf: "2026-03-01")
        #expect(shipped == [
            "E205、E305 按灵活就业最低缴费基数的示例值计算（360000 的 2021、2022、2023、2024、2025、2026 年）：请在 zhubao.toml 的 [minimum_base.360000] 中填写公布的数值",
            "E401 按城市低保标准的示例值计算（360700 的 2021、2022、2023、2024、2025、2026 年）：请在 zhubao.toml 的 [subsistence.360700] 中填写公布的数值",
        ])
        // Only the years up to D's: a 2022 run names no later year.
        #expect(try warnings(asOf: "2022-03-01").first?.contains("（360000 的 2021、2022 年）") == true)
        // zhubao.toml gives 2025 and 2026 of the minimum base and every year of the standard.
        let confirmed = try warnings("[minimum_base.360000]\n2025 = \"3800.00\"\n2026 = \"3800.00\"\n[subsistence.360700]\n"
            + (2021...2026).map { "\($0) = \"950.00\"" }.joined(separator: "\n") + "\n", asOf: "2026-03-01")
        #expect(confirmed == ["E205、E305 按灵活就业最低缴费基数的示例值计算（360000 的 2021、2022、2023、2024 年）：请在 zhubao.toml 的 [minimum_base.360000] 中填写公布的数值"])
    }
}
