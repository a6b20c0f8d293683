/// Rate caps of rules.md §5, from the tables of reference.md, for choosing contract rates that
/// stay within them (and, for E204, one that does not).
enum GenRateCaps {
    /// LPR fixings: (in force from, 1-year, 5-year and over), in 0.0001 % units.
    static let lpr: [(Day, Int64, Int64)] = [
        (GenCalendar.day(2019, 8, 20), 42_500, 48_500),
        (GenCalendar.day(2019, 9, 20), 42_000, 48_500),
        (GenCalendar.day(2019, 11, 20), 41_500, 48_000),
        (GenCalendar.day(2020, 2, 20), 40_500, 47_500),
        (GenCalendar.day(2020, 4, 20), 38_500, 46_500),
        (GenCalendar.day(2021, 12, 20), 38_000, 46_500),
        (GenCalendar.day(2022, 1, 20), 37_000, 46_000),
        (GenCalendar.day(2022, 5, 20), 37_000, 44_500),
        (GenCalendar.day(2022, 8, 22), 36_500, 43_000),
        (GenCalendar.day(2023, 6, 20), 35_500, 42_000),
        (GenCalendar.day(2023, 8, 21), 34_500, 42_000),
        (GenCalendar.day(2024, 2, 20), 34_500, 39_500),
        (GenCalendar.day(2024, 7, 22), 33_500, 38_500),
        (GenCalendar.day(2024, 10, 21), 31_000, 36_000),
        (GenCalendar.day(2025, 5, 20), 30_000, 35_000),
    ]

    /// PBoC benchmark lending rate for the term (tongling-2022, and ganzhou before any LPR).
    static func benchmark(disbursed: Day, matures: Day) -> Rate {
        if matures <= disbursed.adding(years: 1) { return Rate(units: 43_500) }
        if matures <= disbursed.adding(years: 5) { return Rate(units: 47_500) }
        return Rate(units: 49_000)
    }

    static func cap(_ profile: GeneratorProfile, disbursed: Day, matures: Day) -> Rate {
        guard profile == .ganzhou2021, let fixing = lpr.last(where: { $0.0 <= disbursed }) else {
            return benchmark(disbursed: disbursed, matures: matures)
        }
        return Rate(units: matures <= disbursed.adding(years: 5) ? fixing.1 : fixing.2)
    }

    /// A contract rate at or a little below the cap, in steps of 0.05 %.
    static func contractRate(_ profile: GeneratorProfile, disbursed: Day, matures: Day,
                             rng: inout GenRandom) -> Rate {
        let cap = cap(profile, disbursed: disbursed, matures: matures)
        let discount = rng.weighted([(0, 60), (500, 20), (1_000, 12), (2_500, 8)])
        return Rate(units: cap.units - Int64(discount))
    }
}
