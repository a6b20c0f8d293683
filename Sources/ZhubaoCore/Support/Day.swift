/// A calendar day with no time zone: business dates, disbursement dates, snapshot dates.
/// Stored as the number of days since 1970-01-01 so that day arithmetic is integer arithmetic.
package struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Strideable {
    package let ordinal: Int

    package init(ordinal: Int) { self.ordinal = ordinal }

    /// nil unless year, month and day form a real date (years 1000–9999).
    package init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    package var year: Int { components.year }
    package var month: YearMonth { let c = components; return YearMonth(year: c.year, month: c.month)! }

    /// The same day n years later; 29 February becomes 28 February in a common year (rules.md §5).
    package func adding(years n: Int) -> Day {
        let c = components
        let day = min(c.day, Day.daysIn(year: c.year + n, month: c.month))
        return Day(year: c.year + n, month: c.month, day: day)!
    }

    package static func + (lhs: Day, rhs: Int) -> Day { Day(ordinal: lhs.ordinal + rhs) }
    package static func - (lhs: Day, rhs: Int) -> Day { Day(ordinal: lhs.ordinal - rhs) }
    package static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }
    package static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
    package func distance(to other: Day) -> Int { other.ordinal - ordinal }
    package func advanced(by n: Int) -> Day { self + n }

    /// `YYYY-MM-DD`.
    package var iso: String { spelled(separator: UInt8(ascii: "-")) }

    /// `YYYYMMDD`, the spelling of file names and bank files.
    package var compact: String { spelled(separator: nil) }

    /// Digits written straight into a small string (no interpolation: the ledger and the
    /// importers spell millions of days).
    private func spelled(separator: UInt8?) -> String {
        let c = components
        let count = separator == nil ? 8 : 10
        return String(unsafeUninitializedCapacity: count) { out in
            var i = 0
            func put(_ value: Int, _ width: Int) {
                var v = value, k = width
                while k > 0 { k -= 1; out[i + k] = UInt8(48 + v % 10); v /= 10 }
                i += width
            }
            put(c.year, 4)
            if let separator { out[i] = separator; i += 1 }
            put(c.month, 2)
            if let separator { out[i] = separator; i += 1 }
            put(c.day, 2)
            return i
        }
    }

    package var description: String { iso }

    package static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Day {
    /// `YYYY-MM-DD` exactly.
    package init?(iso text: some StringProtocol) {
        guard let day = Day.parse(text, { Day(isoBytes: $0) }) else { return nil }
        self = day
    }

    /// `YYYYMMDD` exactly.
    package init?(compact text: some StringProtocol) {
        guard let day = Day.parse(text, { Day(compactBytes: $0) }) else { return nil }
        self = day
    }

    /// The four spellings that hardship spreadsheets use (formats.md §3):
    /// `2026-01-05`, `2026/01/05`, `2026/1/5`, `20260105`.
    package init?(spreadsheet text: some StringProtocol) {
        guard let day = Day.parse(text, { Day(spreadsheetBytes: $0) }) else { return nil }
        self = day
    }

    init?(spreadsheetBytes u: UnsafeBufferPointer<UInt8>) {
        guard let day = Day(isoBytes: u) ?? Day(compactBytes: u) ?? Day(slashedBytes: u) else { return nil }
        self = day
    }

    /// Runs a byte parser over the text's UTF-8 without copying it when it is contiguous.
    private static func parse(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Day?) -> Day? {
        if let day = text.utf8.withContiguousStorageIfAvailable(body) { return day }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    init?(isoBytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == 45, u[7] == 45,
              let y = Day.number(u, 0, 4), let m = Day.number(u, 5, 7), let d = Day.number(u, 8, 10)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    init?(compactBytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 8, let y = Day.number(u, 0, 4), let m = Day.number(u, 4, 6), let d = Day.number(u, 6, 8)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY/M/D` with one or two digits for month and day.
    init?(slashedBytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count >= 8, u.count <= 10, u[4] == 47, let y = Day.number(u, 0, 4),
              let second = u[5...].firstIndex(of: 47), (1...2).contains(second - 5), (1...2).contains(u.count - second - 1),
              let m = Day.number(u, 5, second), let d = Day.number(u, second + 1, u.count)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The decimal number in `u[from..<to]`, when every byte there is a digit.
    private static func number(_ u: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var n = 0
        for i in from..<to {
            let d = Int(u[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            n = n * 10 + d
        }
        return n
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return bytes.isEmpty ? nil : n
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Day {
    /// Today in the machine's local time zone: the agency's calendar day.
    package static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
