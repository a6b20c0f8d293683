import ZhubaoCore

/// What the generator adds to a `Profile`: its own figures, where the reference tables have
/// none — how loans spread over the partner banks and counties, the family names of the region,
/// contract numbering, contribution tiers and pensions of the residents' scheme. Everything the
/// shipped tables hold (banks, counties, bases, standards, rates) comes from them (`GenCity`).
extension Profile {
    var isGanzhou: Bool { name == .ganzhou2021 }

    var contractPrefix: String { isGanzhou ? "GZ" : "TL" }
    var hakkaFamilies: Bool { isGanzhou }

    /// Weights of the partner banks' shares of loans; a partner bank not listed weighs 1.
    var bankWeights: [String: Int] {
        isGanzhou
            ? ["102": 8, "103": 10, "104": 5, "105": 12, "301": 3, "302": 2, "313": 25, "314": 25, "403": 10]
            : ["102": 10, "103": 15, "104": 5, "105": 10, "314": 45, "403": 15]
    }

    /// Weights of the counties in force; a county not listed weighs 1.
    var countyWeights: [String: Int] {
        isGanzhou
            ? ["360702": 10, "360703": 8, "360704": 7, "360722": 6, "360723": 3, "360724": 3, "360725": 2,
               "360726": 4, "360728": 3, "360729": 2, "360730": 7, "360731": 9, "360732": 7, "360733": 5,
               "360734": 3, "360735": 3, "360781": 6, "360783": 4]
            : ["340705": 5, "340706": 4, "340711": 2, "340722": 6]
    }

    /// Superseded county codes of the tables that stay in old ID numbers, with the county now in
    /// force for each (赣县 → 赣县区, 龙南县 → 龙南市).
    var supersededCounties: [(old: String, current: String)] {
        isGanzhou ? [("360721", "360704"), ("360727", "360783")] : []
    }

    /// Another city's code, for a header that does not match the file's name.
    var foreignRegion: String { isGanzhou ? "360800" : "340800" }

    /// Banks that are not partners of either city (E203): 305 民生, 308 招商, 309 兴业.
    static let nonPartnerBanks = ["305", "308", "309"]

    /// Residents' pension contribution tiers (铜陵, yuan a year), in fen, with weights.
    static let residentTiers: [(Fen, Int)] = [
        (Fen(30_000), 10), (Fen(50_000), 20), (Fen(80_000), 10), (Fen(100_000), 25),
        (Fen(150_000), 10), (Fen(200_000), 15), (Fen(300_000), 7), (Fen(500_000), 3),
    ]

    /// The basic pension of the residents' scheme, fen a month, by award year (example values).
    static func residentBasic(_ year: Int) -> Fen {
        Fen(15_800 + Int64(min(max(year - 2022, 0), 6)) * 2_000)
    }

    /// Plausible flexible-employment minimum bases of 2010 … 2020 (back-pay only), for which
    /// the tables have no value; earlier years take 2010's.
    static func historicMinimumBase(_ year: Int) -> Fen {
        let historic: [Int64] = [160_000, 175_000, 190_000, 210_000, 230_000, 245_000, 260_000,
                                 275_000, 290_000, 300_000, 305_000]
        return Fen(historic[min(max(year - 2010, 0), historic.count - 1)])
    }
}
