/// The commented `zhubao.toml` that `zhubao init` writes.
package enum ConfigTemplate {
    package static func text(profile: Profile, region: String, reference: ReferenceData) -> String {
        let defaults = (try? Settings.defaults(profile: profile, region: region)) ?? Settings(profile: profile, region: region, partnerBanks: [], reference: reference)
        let city = reference.cities[region]
        let banks = (city?.partnerBanks ?? []).map { "\"\($0)\"" }.joined(separator: ", ")
        let bankComment = (city?.partnerBanks ?? []).map { "\($0) \(reference.bankNames[$0] ?? "")" }.joined(separator: "、")
        let lastFixing = reference.lpr.last.map { "\($0.from.iso)（1 年期 \($0.oneYear.percent)%，5 年期以上 \($0.fiveYear.percent)%）" } ?? "无"
        let subsidy = profile.subsidisesInterest
            ? "本方案对困难助保对象贴息（rules.md §4），银行每年报送 CLAIM 文件，zhubao claim 出具财政申请。"
            : "本方案不贴息：CLAIM 文件整份拒收（E001），zhubao claim 不可用。"
        let cap = profile.rateCap == .lpr
            ? "合同利率不得高于放款日适用的 LPR（期限 5 年以内用 1 年期，否则用 5 年期以上）。"
            : "合同利率不得高于人民银行同期贷款基准利率（1 年以内 4.35%，1–5 年 4.75%，5 年以上 4.90%）。"
        return """
        # zhubao.toml — 助保贷款对账配置 (settings of \(city?.name ?? region))
        #
        # zhubao ships the reference data of the specification (LPR fixings, benchmark rates,
        # minimum contribution bases, subsistence standards, partner banks) as data files.
        # This file only overrides them: uncomment and edit what your agency confirms.
        # Amounts and rates are strings ("80000.00", "3.45") so that they stay exact.

        # 政策方案: ganzhou-2021 (赣州, 企业职工养老保险, 贴息) or tongling-2022 (铜陵, 城乡居民养老保险, 不贴息).
        # \(subsidy)
        # \(cap)
        profile = "\(profile.name.rawValue)"

        # 本市行政区划代码 (GB/T 2260). Files for any other region are rejected (E001).
        region = "\(region)"

        # LPR 报价表核对到的日期：运行日期晚于它 45 天以上时提示利率上限可能过时（reference.md）.
        # The shipped table is confirmed through \(reference.lprConfirmedThrough?.iso ?? "无")；核对新报价后改为核对日期.
        # lpr_confirmed_through = "2026-11-20"

        [settings]
        \(settingsLines(defaults))

        # 合作银行 (\(bankComment)). Uncomment to change this city's list.
        # [city.\(region)]
        # partner_banks = [\(banks)]

        # 新的 LPR 报价. The last shipped fixing is \(lastFixing);
        # add each change here, then set lpr_confirmed_through (above) to the day you checked.
        # [[lpr]]
        # from = "2026-09-22"
        # one_year = "3.00"
        # five_year = "3.50"

        # 灵活就业人员最低缴费基数（月）. The shipped figures are EXAMPLE values: replace them.
        # [minimum_base.360000]
        # 2027 = "3900.00"

        # 城市低保标准（元/人·月）. The shipped figures are EXAMPLE values: replace them.
        # [subsistence.\(region)]
        # 2027 = "950.00"

        """
    }
}

extension ConfigTemplate {
    /// The `[settings]` keys of `SettingKey.all`, each under its comment, at its default.
    static func settingsLines(_ defaults: Settings) -> String {
        SettingKey.all.map { key in
            "# \(key.comment)。\(key.rangeText)。\n\(key.name) = \(key.literal(defaults))"
        }.joined(separator: "\n")
    }
}
