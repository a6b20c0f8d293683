/// The two policies the generator writes files for (README.md), with the reference data of
/// reference.md that shapes realistic, rule-abiding records.
public enum GeneratorProfile: String, Sendable, CaseIterable, Codable {
    case ganzhou2021 = "ganzhou-2021"
    case tongling2022 = "tongling-2022"

    public var region: String { self == .ganzhou2021 ? "360700" : "340700" }
    var insuranceType: String { self == .ganzhou2021 ? "110" : "170" }
    var contractPrefix: String { self == .ganzhou2021 ? "GZ" : "TL" }
    var taxOffice: String { self == .ganzhou2021 ? "国家税务总局赣州市税务局" : "国家税务总局铜陵市税务局" }
    /// Only ganzhou-2021 subsidises interest and receives CLAIM files.
    public var subsidises: Bool { self == .ganzhou2021 }

    /// Partner banks with the weight of their share of loans.
    var partnerBanks: [(String, Int)] {
        switch self {
        case .ganzhou2021:
            return [("102", 8), ("103", 10), ("104", 5), ("105", 12), ("301", 3), ("302", 2),
                    ("313", 25), ("314", 25), ("403", 10)]
        case .tongling2022:
            return [("102", 10), ("103", 15), ("104", 5), ("105", 10), ("314", 45), ("403", 15)]
        }
    }

    var partnerCodes: [String] { partnerBanks.map(\.0) }

    /// Banks that are not partners of the city (E203): 305 民生, 308 招商, 309 兴业.
    var nonPartnerBanks: [String] { ["305", "308", "309"] }

    /// Current county codes with weights.
    var counties: [(String, Int)] {
        switch self {
        case .ganzhou2021:
            return [("360702", 10), ("360703", 8), ("360704", 7), ("360722", 6), ("360723", 3),
                    ("360724", 3), ("360725", 2), ("360726", 4), ("360728", 3), ("360729", 2),
                    ("360730", 7), ("360731", 9), ("360732", 7), ("360733", 5), ("360734", 3),
                    ("360735", 3), ("360781", 6), ("360783", 4)]
        case .tongling2022:
            return [("340705", 5), ("340706", 4), ("340711", 2), ("340722", 6)]
        }
    }

    /// Superseded county codes that stay in old ID numbers, with the county now in force.
    var supersededCounties: [(old: String, current: String)] {
        self == .ganzhou2021 ? [("360721", "360704"), ("360727", "360783")] : []
    }

    var hakkaFamilies: Bool { self == .ganzhou2021 }

    /// Subsistence standard (低保标准) of a year, fen a month; years after the table keep its
    /// last value (reference.md has no later figure, so E401 is then not raised at all).
    func subsistence(_ year: Int) -> Fen {
        let table: [Int64] = self == .ganzhou2021
            ? [76_000, 80_000, 84_000, 87_000, 90_000, 90_000]
            : [70_000, 73_000, 76_000, 79_000, 82_000, 82_000]
        return Fen(table[min(max(year - 2021, 0), table.count - 1)])
    }

    /// The flexible-employment minimum monthly base of a year (ganzhou). reference.md lists
    /// 2021–2026; earlier years (back-pay only) use plausible historic bases for which
    /// reference.md has no value, so E305 is not raised for them.
    static func minimumBase(_ year: Int) -> Fen {
        let reference: [Int: Int64] = [2021: 316_400, 2022: 332_200, 2023: 343_200, 2024: 355_200,
                                       2025: 371_000, 2026: 371_000]
        if let value = reference[year] { return Fen(value) }
        if year > 2026 { return Fen(371_000) }
        let historic: [Int64] = [160_000, 175_000, 190_000, 210_000, 230_000, 245_000, 260_000,
                                 275_000, 290_000, 300_000, 305_000]   // 2010 … 2020
        return Fen(historic[min(max(year - 2010, 0), historic.count - 1)])
    }

    /// Minimum contribution for `months` months of a year: base × 20 % × months.
    static func minimumContribution(_ year: Int, months: Int) -> Fen {
        Fen(minimumBase(year).value * 20 * Int64(months) / 100)
    }

    /// Residents' pension contribution tiers (铜陵, yuan a year), in fen.
    static let residentTiers: [(Fen, Int)] = [
        (Fen(30_000), 10), (Fen(50_000), 20), (Fen(80_000), 10), (Fen(100_000), 25),
        (Fen(150_000), 10), (Fen(200_000), 15), (Fen(300_000), 7), (Fen(500_000), 3),
    ]

    /// The basic pension of the residents' scheme, fen a month, by award year (example values).
    static func residentBasic(_ year: Int) -> Fen {
        Fen(15_800 + Int64(min(max(year - 2022, 0), 6)) * 2_000)
    }
}
