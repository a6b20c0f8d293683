import Foundation
import TOMLKit

/// Everything a run needs to know about its city: profile, region, the settings of
/// rules.md §8 and the reference data, read from `zhubao.toml` over the shipped defaults.
package struct Settings: Sendable {
    package var profile: Profile
    package var region: String
    package var partnerBanks: Set<String>
    /// rules.md §8.
    package var matchWindowDays = 10
    package var reviewMonth = 1
    package var reviewDay = 31
    package var ageWindowYears = 8
    package var lumpSumCap = Fen(8_000_000)
    package var deathGraceDays = 30
    package var failuresToEscalate = 3
    /// How long `exceptions ack` waits for a run that holds the lock before it exits 75.
    package var lockWaitSeconds = 60
    /// formats.md "Layout": a file whose decompressed size exceeds this is rejected without
    /// reading further (`max_decompressed_bytes`, default 2 GiB).
    package var maxDecompressedBytes = 2 << 30
    /// Intake of files still being written (issue 16): how a complete file is recognised, and
    /// for `stable` how long it must stay unchanged.
    package var intakeMode = IntakeMode.rename
    package var stableSeconds = 60
    package var reference: ReferenceData

    package static let fileName = "zhubao.toml"

    /// The defaults of a profile for a region, before any zhubao.toml.
    package static func defaults(profile: Profile, region: String? = nil) throws -> Settings {
        let reference = try ReferenceData.shipped()
        let region = region ?? profile.defaultRegion
        return Settings(profile: profile, region: region,
                        partnerBanks: Set(reference.cities[region]?.partnerBanks ?? []),
                        reference: reference)
    }

    /// Reads `zhubao.toml` text: every key checked against the declared shape (`ConfigKeys`,
    /// `SettingKey.all`), then the profile and region, the reference data, the settings.
    package static func parse(_ text: String, file: String = Settings.fileName) throws -> Settings {
        let table = try ConfigError.parse(text, file: file)
        try ConfigKeys.check(table, file: file)
        let reader = TableReader(file: file)
        for key in ["profile", "region"] where table[key] == nil {
            throw ConfigError("\(file): 缺少必填键 \(key)；请参照 zhubao init 写出的模板补上")
        }
        let profileText = try reader.string(table, "profile", "")
        guard let name = Profile.Name(rawValue: profileText) else {
            throw ConfigError("\(file): profile = \"\(profileText)\" 不是 ganzhou-2021 或 tongling-2022")
        }
        let region = try reader.string(table, "region", "")
        guard region.utf8.count == 6, region.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw ConfigError("\(file): region = \"\(region)\" 不是 6 位地区代码")
        }
        var settings = try defaults(profile: .named(name), region: region)
        try settings.reference.merge(table, file: file)
        settings.partnerBanks = Set(settings.reference.cities[region]?.partnerBanks ?? [])
        if let values = table["settings"]?.table {
            for key in SettingKey.all where values[key.name] != nil {
                try key.read(&settings, values, reader)
            }
        }
        return settings
    }

    package static func load(root: URL) throws -> Settings {
        let url = root.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ConfigError("\(url.path) 不存在或不可读：先运行 zhubao init")
        }
        return try parse(text, file: fileName)
    }

    /// The review date of a year (第六条: 31 January unless set otherwise).
    package func reviewDate(in year: Int) -> Day {
        Day(year: year, month: reviewMonth, day: min(reviewDay, Day.daysIn(year: year, month: reviewMonth)))!
    }
}
