/// A calendar month: contribution periods (`YYYY-MM`), coverage (`YYYYMM`), E401's month.
package struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int

    package init?(year: Int, month: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// `YYYY-MM`.
    package init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == 45, let y = Day.digits(u[0..<4]), let m = Day.digits(u[5..<7])
        else { return nil }
        self.init(year: y, month: m)
    }

    /// `YYYYMM`.
    package init?(compact text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 6, let y = Day.digits(u[0..<4]), let m = Day.digits(u[4..<6]) else { return nil }
        self.init(year: y, month: m)
    }

    package var firstDay: Day { Day(year: year, month: month, day: 1)! }
    package var iso: String { "\(year)-\(Day.pad(month))" }
    package var compact: String { "\(year)\(Day.pad(month))" }
    package var description: String { iso }

    package static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
