import Testing
@testable import ZhubaoCore

/// `zhubao.toml` is read against its declared shape (issue 16): an unknown key or table, a
/// value out of range, a missing required key are usage errors naming the key, in Chinese.
@Suite struct SettingsParseTests {
    /// The template `zhubao init` writes, with `edit` applied to its text.
    func template(_ profile: Profile = .ganzhou2021, _ edit: (String) -> String = { $0 }) throws -> String {
        let settings = try Settings.defaults(profile: profile)
        return edit(ConfigTemplate.text(profile: profile, region: settings.region, reference: settings.reference))
    }

    func error(_ text: String) -> String? {
        do {
            _ = try Settings.parse(text)
            return nil
        } catch let error as ConfigError {
            return error.description
        } catch {
            return "not a ConfigError: \(error)"
        }
    }

    @Test func theTemplateReadsBackAsTheDefaults() throws {
        for profile in [Profile.ganzhou2021, .tongling2022] {
            let parsed = try Settings.parse(try template(profile))
            let defaults = try Settings.defaults(profile: profile)
            #expect(parsed.matchWindowDays == 10 && defaults.matchWindowDays == 10)
            #expect(parsed.reviewDate(in: 2027) == Day(iso: "2027-01-31"))
            #expect(parsed.lumpSumCap == Fen(8_000_000))
            #expect((parsed.ageWindowYears, parsed.deathGraceDays, parsed.failuresToEscalate) == (8, 30, 3))
            #expect(parsed.partnerBanks == defaults.partnerBanks)
        }
    }

    @Test func everyDeclaredKeyIsInTheTemplateAtItsDefault() throws {
        let text = try template()
        let defaults = try Settings.defaults(profile: .ganzhou2021)
        for key in SettingKey.all {
            #expect(text.contains("\n\(key.name) = \(key.literal(defaults))\n"), "\(key.name)")
        }
    }

    @Test func aSettingIsRead() throws {
        let parsed = try Settings.parse(try template { $0.replacingOccurrences(of: "match_window_days = 10", with: "match_window_days = 7")
            .replacingOccurrences(of: "review_date = \"01-31\"", with: "review_date = \"02-15\"") })
        #expect(parsed.matchWindowDays == 7)
        #expect(parsed.reviewDate(in: 2027) == Day(iso: "2027-02-15"))
    }

    @Test func aMisspeltKeyIsRefusedWithTheNearestKnownKey() throws {
        let message = error(try template { $0.replacingOccurrences(of: "match_window_days = 10", with: "match_windw_days = 10") })
        #expect(message == "zhubao.toml: 未知的键 settings.match_windw_days（是否想写 settings.match_window_days？）；请改正 zhubao.toml 后再运行")
    }

    @Test func aMisspeltTableIsRefused() throws {
        let message = error(try template { $0.replacingOccurrences(of: "[settings]", with: "[setings]") })
        #expect(message == "zhubao.toml: 未知的表 setings（是否想写 settings？）；请改正 zhubao.toml 后再运行")
    }

    @Test func aKeyFarFromAnyKnownOneListsTheKnownKeys() {
        let message = error("profile = \"ganzhou-2021\"\nregion = \"360700\"\n[settings]\nzzz = 1\n")
        #expect(message?.hasPrefix("zhubao.toml: 未知的键 settings.zzz（此处可用的键：age_window_years、death_grace_days、") == true)
    }

    @Test func outOfRangeValuesAreRefused() throws {
        #expect(error(try template { $0.replacingOccurrences(of: "match_window_days = 10", with: "match_window_days = -3") })
            == "zhubao.toml: settings.match_window_days = -3 超出范围：应在 0 到 366 之间")
        #expect(error(try template { $0.replacingOccurrences(of: "failures_to_escalate = 3", with: "failures_to_escalate = 0") })
            == "zhubao.toml: settings.failures_to_escalate = 0 超出范围：应在 1 到 100 之间")
        #expect(error(try template { $0.replacingOccurrences(of: "lump_sum_cap = \"80000.00\"", with: "lump_sum_cap = \"0.00\"") })
            == "zhubao.toml: settings.lump_sum_cap = \"0.00\" 超出范围：应为大于 0.00 的金额")
        #expect(error(try template { $0.replacingOccurrences(of: "review_date = \"01-31\"", with: "review_date = \"02-30\"") })
            == "zhubao.toml: settings.review_date = \"02-30\" 应为 \"MM-DD\" 形式的月日")
    }

    @Test func aPartnerBankMustBeABankCode() {
        let text = "profile = \"ganzhou-2021\"\nregion = \"360700\"\n[city.360700]\npartner_banks = [\"../x\"]\n"
        #expect(error(text) == "zhubao.toml: city.360700.partner_banks 中的 \"../x\" 不是 3 位银行行别代码")
        #expect(error("profile = \"ganzhou-2021\"\nregion = \"360700\"\n[city.36070]\nname = \"x\"\n")
            == "zhubao.toml: city.36070 的键应为 6 位地区代码")
    }

    @Test func aMissingRegionIsNamedAsMissing() {
        #expect(error("profile = \"ganzhou-2021\"\n") == "zhubao.toml: 缺少必填键 region；请参照 zhubao init 写出的模板补上")
    }

    @Test func aSyntaxErrorIsReportedInChineseWithItsLine() {
        let message = error("profile = \"ganzhou-2021\"\nregion = \n")
        #expect(message?.hasPrefix("zhubao.toml 第 2 行") == true, "\(message ?? "")")
        #expect(message?.contains("不是合法的 TOML") == true)
    }

    @Test func nearestIsAnEditDistance() {
        #expect(ConfigKeys.distance("kitten", "sitting") == 3)
        #expect(ConfigKeys.distance("", "abc") == 3)
        #expect(ConfigKeys.nearest("lpr_", among: ["lpr", "banks"]) == "lpr")
        #expect(ConfigKeys.nearest("qqqqqqq", among: ["lpr", "banks"]) == nil)
    }
}
