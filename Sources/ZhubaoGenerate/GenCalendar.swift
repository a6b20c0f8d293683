import ZhubaoCore

/// Calendar helpers the generator needs beyond `Day`, kept in their own namespace so they never
/// collide with extensions written elsewhere in the module.
enum GenCalendar {
    /// The same day n months later, clamped to the month's length.
    static func add(months n: Int, to day: Day) -> Day {
        let c = day.components
        let index = c.year * 12 + (c.month - 1) + n
        let year = index / 12, month = index % 12 + 1
        return Day(year: year, month: month, day: min(c.day, Day.daysIn(year: year, month: month)))!
    }

    static func add(months n: Int, to month: YearMonth) -> YearMonth {
        let index = month.year * 12 + (month.month - 1) + n
        return YearMonth(year: index / 12, month: index % 12 + 1)!
    }

    /// Whole months from a to b (b later).
    static func months(from a: YearMonth, to b: YearMonth) -> Int {
        (b.year - a.year) * 12 + (b.month - a.month)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ day: Day) -> Int { ((day.ordinal % 7) + 7 + 3) % 7 }

    /// The day itself, or the next Monday when it falls on a weekend.
    static func businessDay(onOrAfter day: Day) -> Day {
        var d = day
        while weekday(d) >= 5 { d = d + 1 }
        return d
    }

    static func lastDay(of month: YearMonth) -> Day {
        Day(year: month.year, month: month.month, day: Day.daysIn(year: month.year, month: month.month))!
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }

    /// The statutory retirement date (the 2025 gradual-increase reform, 国发〔2024〕 decision):
    /// men 60, born from 1965-01 one month more per four months of birth, at most 36; women
    /// (flexible employment, 55) born from 1970-01 likewise; residents' pension (170) at 60.
    static func retirement(birth: Day, male: Bool, insurance: String) -> Day {
        if insurance == "170" { return birth.adding(years: 60) }
        let baseAge = male ? 60 : 55
        let reformYear = male ? 1965 : 1970
        let index = (birth.year - reformYear) * 12 + (birth.components.month - 1)
        let delay = index < 0 ? 0 : min(36, index / 4 + 1)
        return add(months: baseAge * 12 + delay, to: birth)
    }

    /// Fen × numerator ÷ denominator, rounded half up (for contribution arithmetic).
    static func scale(_ fen: Fen, _ numerator: Int64, _ denominator: Int64) -> Fen {
        Fen((fen.value * numerator * 2 + denominator) / (denominator * 2))
    }
}
