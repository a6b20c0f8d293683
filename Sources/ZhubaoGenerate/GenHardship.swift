import ZhubaoCore

/// The three departments that certify hardship (formats.md §3; the enum is the records') and their categories.
extension HardshipDepartment {
    /// Category names (人员类别) with the weight of their share of the list.
    var categories: [(String, Int)] {
        switch self {
        case .civilAffairs: return [("特困人员", 10), ("最低生活保障对象", 55), ("低收入家庭", 25), ("支出型贫困家庭", 10)]
        case .ruralRevitalisation: return [("脱贫户", 80), ("贫困边缘户", 20)]
        case .employment: return [("下岗失业人员", 100)]
        }
    }

    /// The day of the month each department exports its snapshot (nil: the month's last day).
    var snapshotDay: Int? {
        switch self {
        case .civilAffairs: return nil
        case .ruralRevitalisation: return 25
        case .employment: return 20
        }
    }

    /// The date spelling its spreadsheet mostly uses.
    var preferredDateStyle: Int {
        switch self {
        case .civilAffairs: return 2
        case .ruralRevitalisation: return 0
        case .employment: return 3
        }
    }

    /// A category of another department (the foreign-category fault).
    var foreignCategory: String { self == .ruralRevitalisation ? "特困人员" : "脱贫户" }
}

/// One certification of a person by a department, and how it ends.
struct GenCertification: Sendable {
    enum Exit: Sendable { case none, endDateRow(Day), silentDrop(Day), revoked(Day) }

    var department: HardshipDepartment
    var category: String
    var certifiedOn: Day
    var exit: Exit
    var dateStyle: Int
}

/// The monthly snapshot dates of each department over the range, and what they say.
struct GenSnapshots: Sendable {
    let dates: [HardshipDepartment: [Day]]

    init(from: Day, to: Day) {
        var dates: [HardshipDepartment: [Day]] = [:]
        for department in HardshipDepartment.allCases {
            var list: [Day] = []
            var month = from.month
            while month.firstDay <= to {
                let day = department.snapshotDay.map { GenCalendar.day(month.year, month.month, $0) }
                    ?? GenCalendar.lastDay(of: month)
                if day >= from, day <= to { list.append(day) }
                month = GenCalendar.add(months: 1, to: month)
            }
            dates[department] = list
        }
        self.dates = dates
    }

    func list(_ department: HardshipDepartment) -> [Day] { dates[department] ?? [] }

    func first(_ department: HardshipDepartment, onOrAfter day: Day) -> Day? {
        list(department).first { $0 >= day }
    }

    /// The row a snapshot of date `s` holds for the certification, if any: present from the
    /// first snapshot on or after 认定日期; an end date or a revocation is shown once, in the
    /// first snapshot on or after it; a silent drop just leaves the row out from then on.
    func row(_ cert: GenCertification, at s: Day) -> RowState {
        guard s >= cert.certifiedOn else { return .absent }
        switch cert.exit {
        case .none: return .open
        case .silentDrop(let end): return s < end ? .open : .absent
        case .endDateRow(let end), .revoked(let end):
            if s < end { return .open }
            guard s == first(cert.department, onOrAfter: end) else { return .absent }
            if case .revoked = cert.exit { return .ended(end, "撤销") }
            return .ended(end, "正常退出")
        }
    }

    enum RowState: Equatable { case absent, open, ended(Day, String) }

    /// [start, end) in which the certification is valid (rules.md §3), or nil when it never is
    /// (no snapshot holds it, or it was revoked).
    func validity(_ cert: GenCertification) -> (start: Day, end: Day?)? {
        guard list(cert.department).contains(where: { row(cert, at: $0) != .absent }) else { return nil }
        switch cert.exit {
        case .none: return (cert.certifiedOn, nil)
        case .revoked: return nil
        case .silentDrop(let end): return (cert.certifiedOn, first(cert.department, onOrAfter: end))
        case .endDateRow(let end):
            return (cert.certifiedOn, first(cert.department, onOrAfter: end) == nil ? nil : end)
        }
    }

    func isValid(_ certs: [GenCertification], on day: Day) -> Bool {
        certs.contains { cert in
            guard let (start, end) = validity(cert) else { return false }
            return day >= start && (end.map { day < $0 } ?? true)
        }
    }

    /// The day a new certification published in snapshot `s` would carry (at most 15 days
    /// before it, so that no review date is decided retroactively).
    static func certifiedBefore(_ s: Day, rng: inout GenRandom) -> Day { s - rng.int(0, 15) }
}

enum GenDates {
    /// A date as spreadsheets write it (formats.md §3).
    static func spreadsheet(_ day: Day, style: Int) -> String {
        let c = day.components
        switch style {
        case 1: return "\(c.year)/\(Day.pad(c.month))/\(Day.pad(c.day))"
        case 2: return "\(c.year)/\(c.month)/\(c.day)"
        case 3: return day.compact
        default: return day.iso
        }
    }
}
