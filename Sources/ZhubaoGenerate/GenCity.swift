import ZhubaoCore

/// The city the generator writes files for: ZhubaoCore's `Profile` with its default `Settings`
/// over the shipped reference tables (`Resources/reference/*.toml`) — the city's name, partner
/// banks, counties, minimum bases, subsistence standards, and the rate caps (`RateCap`) — and the
/// generator's own weights and figures where the tables have none (`Profile+Generation`).
/// Nothing the tables hold is copied into the generator: change a table and the files follow.
struct GenCity: Sendable {
    let profile: Profile
    let settings: Settings
    let region: String
    /// The partner banks in the tables' order, each with the weight of its share of loans.
    let partnerBanks: [(String, Int)]
    let partnerCodes: [String]
    /// The counties in force (the tables' counties less the superseded codes), in code order,
    /// with weights.
    let counties: [(String, Int)]
    /// The tax bureau that issues the receipts: 国家税务总局 + the city's name + 税务局.
    let taxOffice: String
    private let subsistenceStandards: [Int: Fen]
    private let minimumBases: [Int: Fen]

    init(settings: Settings) {
        let profile = settings.profile, region = settings.region, reference = settings.reference
        let city = reference.cities[region]
        self.profile = profile
        self.settings = settings
        self.region = region
        partnerCodes = city?.partnerBanks ?? []
        partnerBanks = partnerCodes.map { ($0, profile.bankWeights[$0] ?? 1) }
        let superseded = Set(profile.supersededCounties.map(\.old))
        counties = (city?.counties ?? []).filter { !superseded.contains($0) }.sorted()
            .map { ($0, profile.countyWeights[$0] ?? 1) }
        taxOffice = "国家税务总局" + (city?.name ?? region) + "税务局"
        subsistenceStandards = reference.subsistence[region] ?? [:]
        minimumBases = city.flatMap { reference.minimumBase[$0.province] } ?? [:]
    }

    /// The city of `profile` (its default region) over the shipped tables.
    init(_ profile: Profile) {
        guard let settings = Self.shipped[profile.name] else { fatalError("no settings for \(profile.name)") }
        self.init(settings: settings)
    }

    /// Each profile's default settings over the shipped tables, read once per process. The
    /// tables are part of the build (ZhubaoCore's resources, whose absence `Bundle.module`
    /// already treats as fatal) and every generator test reads them: failing to read them is a
    /// broken build, not bad input.
    private static let shipped: [Profile.Name: Settings] = {
        do {
            return try Dictionary(uniqueKeysWithValues: Profile.Name.allCases.map {
                ($0, try Settings.defaults(profile: .named($0)))
            })
        } catch {
            fatalError("the shipped reference tables cannot be read: \(error)")
        }
    }()

    /// The subsistence standard (低保标准) of a year, fen a month; a year outside the tables takes
    /// the nearest year's figure (so E401 is not raised for a year they do not reach).
    func subsistence(_ year: Int) -> Fen {
        guard let first = subsistenceStandards.keys.min(), let last = subsistenceStandards.keys.max() else { return .zero }
        return subsistenceStandards[min(max(year, first), last)] ?? .zero
    }

    /// The flexible-employment minimum monthly base of a year: the tables' figure; after their
    /// last year, that year's; before their first, the generator's own historic figures
    /// (back-pay only; the tables have no value for them, so E305 is not raised).
    func minimumBase(_ year: Int) -> Fen {
        if let value = minimumBases[year] { return value }
        if let last = minimumBases.keys.max(), year > last { return minimumBases[last]! }
        return Profile.historicMinimumBase(year)
    }

    /// Minimum contribution for `months` months of a year: base × 20 % × months.
    func minimumContribution(_ year: Int, months: Int) -> Fen {
        Fen(minimumBase(year).value * 20 * Int64(months) / 100)
    }

    /// The rate cap of rules.md §5 (`RateCap`: the LPR or the benchmark rate the profile names).
    func cap(disbursed: Day, matures: Day) -> Rate {
        RateCap(settings: settings).cap(disbursedOn: disbursed, maturesOn: matures).rate
    }

    /// A contract rate at or a little below the cap, in steps of 0.05 %.
    func contractRate(disbursed: Day, matures: Day, rng: inout GenRandom) -> Rate {
        let cap = cap(disbursed: disbursed, matures: matures)
        let discount = rng.weighted([(0, 60), (500, 20), (1_000, 12), (2_500, 8)])
        return Rate(units: cap.units - Int64(discount))
    }
}
