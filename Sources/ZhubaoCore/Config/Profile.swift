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
    package let codes: Set<ExceptionCode>

    static let bothCodes: Set<ExceptionCode> = [
        .e001, .e002, .e003, .e004, .e201, .e203, .e204, .e208, .e301, .e302, .e303, .e304,
        .e402, .e403, .e405, .e406, .e407, .e408, .e409,
    ]

    package static let ganzhou2021 = Profile(
        name: .ganzhou2021, defaultRegion: "360700", insuranceType: "110", rateCap: .lpr,
        subsidisesInterest: true,
        codes: bothCodes.union([.e202, .e205, .e206, .e207, .e305, .e401, .e410,
                                .e501, .e502, .e503, .e504, .e505]))

    package static let tongling2022 = Profile(
        name: .tongling2022, defaultRegion: "340700", insuranceType: "170", rateCap: .benchmark,
        subsidisesInterest: false,
        codes: bothCodes.union([.e404, .e601]))

    package static func named(_ name: Name) -> Profile {
        switch name {
        case .ganzhou2021: return .ganzhou2021
        case .tongling2022: return .tongling2022
        }
    }

    package func applies(_ code: ExceptionCode) -> Bool { codes.contains(code) }
}
