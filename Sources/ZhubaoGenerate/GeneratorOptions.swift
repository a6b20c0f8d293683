import ZhubaoCore

/// Which faults to inject (see `GenFault`).
package enum FaultRequest: Sendable, Equatable {
    case none
    /// Each borrower gets a random applicable business or record fault with this probability,
    /// and each file a random applicable file fault with a tenth of it (per ten thousand).
    case rate(perTenThousand: Int)
    /// Each named fault the given number of times.
    case list([GenFault: Int])
    /// Every fault that applies to the profile, once.
    case all

    /// Parses `none`, `all`, a rate (`0.05`, `5%`) or a list (`E301,no-receipt:3,wrong-count`).
    package static func parse(_ text: String) throws -> FaultRequest {
        let body = trimmed(text)
        if body.isEmpty || body == "none" { return .none }
        if body == "all" { return .all }
        if let rate = parseRate(body) { return .rate(perTenThousand: rate) }
        var counts: [GenFault: Int] = [:]
        for item in body.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { trimmed(String($0)) }
            guard let fault = GenFault(nameOrCode: parts[0]) else {
                let names = GenFault.allCases.map(\.rawValue).joined(separator: ", ")
                throw GeneratorOptionsError("unknown fault “\(parts[0])”: use a name (\(names)) or a code such as E301")
            }
            var count = 1
            if parts.count == 2 {
                guard let n = Int(parts[1]), n >= 1, n <= 1000 else { throw GeneratorOptionsError("bad count in “\(item)”") }
                count = n
            }
            counts[fault, default: 0] += count
        }
        return .list(counts)
    }

    /// `0.05` or `5%` → 500 per ten thousand; no floating point.
    static func parseRate(_ text: String) -> Int? {
        var body = Substring(text)
        var percent = false
        if body.hasSuffix("%") { percent = true; body = body.dropLast() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isNumber),
              parts.count == 2 || percent else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isNumber) else { return nil }
        let scale = percent ? 2 : 4          // digits of the integer result before the point
        let padded = (fraction + String(repeating: "0", count: 4)).prefix(scale)
        guard let w = Int(whole), let f = Int(padded.isEmpty ? "0" : String(padded)) else { return nil }
        var value = w
        for _ in 0..<scale { value *= 10 }
        value += f
        return value <= 10_000 ? value : nil
    }
}

package enum GzipMode: String, Sendable, CaseIterable, Codable {
    /// No file is gzipped.
    case none
    /// Half the TAX files and a tenth of the other XML and CSV files.
    case some
    /// Every XML and CSV file.
    case all
}

/// Everything that decides what `CityGenerator` writes. The same options give the same bytes.
package struct GeneratorOptions: Sendable {
    package var profile: Profile
    package var seed: UInt64
    package var borrowers: Int
    package var from: Day
    package var to: Day
    package var faults: FaultRequest
    package var gzip: GzipMode
    /// Encoding and line-ending variety: some XML in GB18030, some CSV in UTF-8 with BOM,
    /// some banks with CRLF or no final line ending. Off: UTF-8 XML, GB18030 CSV, LF.
    package var variety: Bool
    /// Rare but legal spellings: a quoted name with a comma, a lower-case `x`, multi-member gzip.
    package var edgeCases: Bool
    /// People on the hardship lists who are not borrowers, per borrower.
    package var hardshipNoisePerBorrower: Int
    /// How many records the generator holds at once: the files are written in windows of at
    /// most this many records, every borrower's records made again for each
    /// (`GenWorld+Windows.swift`). Memory, not bytes: any value gives the same files.
    package var recordsPerPass = 1_000_000

    package static let defaultSeed: UInt64 = 20_210_301

    package init(profile: Profile, borrowers: Int = 200, from: Day? = nil, to: Day? = nil,
                seed: UInt64 = GeneratorOptions.defaultSeed, faults: FaultRequest = .none,
                gzip: GzipMode = .some, variety: Bool = true, edgeCases: Bool = false,
                hardshipNoisePerBorrower: Int = 2) {
        self.profile = profile
        self.seed = seed
        self.borrowers = borrowers
        self.from = from ?? GenCalendar.day(2026, 1, 1)
        self.to = to ?? GenCalendar.day(2026, 12, 31)
        self.faults = faults
        self.gzip = gzip
        self.variety = variety
        self.edgeCases = edgeCases
        self.hardshipNoisePerBorrower = hardshipNoisePerBorrower
    }

    /// Throws a message for options that cannot give a sensible data set.
    package func validate() throws {
        guard borrowers >= 1, borrowers <= 1_000_000 else { throw GeneratorOptionsError("borrowers must be 1 … 1000000") }
        guard to - from >= 60 else { throw GeneratorOptionsError("the range must span at least 60 days") }
        guard from.year >= 2016, to.year <= 2060 else { throw GeneratorOptionsError("dates must lie in 2016 … 2060") }
        guard hardshipNoisePerBorrower >= 0, hardshipNoisePerBorrower <= 50 else {
            throw GeneratorOptionsError("hardship noise per borrower must be 0 … 50")
        }
        guard recordsPerPass >= 1 else { throw GeneratorOptionsError("records per pass must be at least 1") }
    }
}

package struct GeneratorOptionsError: Error, CustomStringConvertible, Equatable {
    package let description: String
    package init(_ description: String) { self.description = description }
}

private func trimmed(_ text: String) -> String {
    String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
}

/// The generator's profile is ZhubaoCore's `Profile`; the name stays for callers written when
/// the generator had a profile type of its own.
package typealias GeneratorProfile = Profile
