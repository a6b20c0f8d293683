/// What differs between the two cities (spec README "Two real policies"). A profile is
/// configuration plus the rules it switches on: one engine, one code path per rule; the profile
/// chooses which rules apply and with what parameters. This file is the one place to read to
/// see what differs between 赣州 and 铜陵.
package struct Profile: Sendable, Equatable {
    package enum Name: String, Sendable, CaseIterable {
        case ganzhou2021 = "ganzhou-2021"
        case tongling2022 = "tongling-2022"
    }

    /// Which rate caps a drawdown (rules.md §5).
    package enum RateCap: String, Sendable {
        /// The LPR in force on the disbursement date, 1-year or 5-year by term (ganzhou-2021).
        case lpr
        /// The PBoC benchmark lending rate for the term (tongling-2022).
        case benchmark
    }

    package let name: Name
    /// The city the profile was written for.
    package let defaultRegion: String
    /// 110 enterprise employees' pension, 170 residents' pension.
    package let insuranceType: String
    package let rateCap: RateCap
    /// Only ganzhou-2021 subsidises interest (rules.md §4; formats.md §6 for CLAIM files).
    package let subsidisesInterest: Bool
    /// The exception codes of rules.md §7 that apply: `both` plus the profile's own.
    package let codes: Set<String>

    static let bothCodes: Set<String> = [
        "E001", "E002", "E003", "E004", "E201", "E203", "E204", "E208", "E301", "E302", "E303", "E304",
        "E402", "E403", "E405", "E406", "E407", "E408", "E409",
    ]

    package static let ganzhou2021 = Profile(
        name: .ganzhou2021, defaultRegion: "360700", insuranceType: "110", rateCap: .lpr,
        subsidisesInterest: true,
        codes: bothCodes.union(["E202", "E205", "E206", "E207", "E305", "E401", "E410",
                                "E501", "E502", "E503", "E504", "E505"]))

    package static let tongling2022 = Profile(
        name: .tongling2022, defaultRegion: "340700", insuranceType: "170", rateCap: .benchmark,
        subsidisesInterest: false,
        codes: bothCodes.union(["E404", "E601"]))

    package static func named(_ name: Name) -> Profile {
        switch name {
        case .ganzhou2021: return .ganzhou2021
        case .tongling2022: return .tongling2022
        }
    }

    package func applies(_ code: String) -> Bool { codes.contains(code) }
}
