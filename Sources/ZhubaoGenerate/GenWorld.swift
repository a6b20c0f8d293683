import ZhubaoCore

/// A person on a hardship list who is not a borrower (the lists are much longer than the
/// borrower register).
struct GenHardshipPerson: Sendable {
    var person: GenPerson
    var certs: [GenCertification]
    /// How the department's spreadsheet spells them (a comma in the name, a lower-case x).
    var listedName: String
    var listedID: String
}

/// A fault as injected, before file names are final (a file fault renumbers its resend).
struct GenPendingFault: Sendable {
    var entry: FaultEntry
    var key: GenFileKey?
}

/// The state of one generation run: everything planned, then everything made.
final class GenWorld {
    let options: GeneratorOptions
    let profile: Profile
    /// The city the files are for: the reference tables of its profile and region.
    let city: GenCity
    let from: Day
    let to: Day
    /// The match window W of rules.md §6.
    let window = 10
    let snapshots: GenSnapshots
    var people: GenPeople
    var borrowers: [GenBorrower] = []
    var noise: [GenHardshipPerson] = []
    var faults: [GenPendingFault] = []
    var unplaced: [String] = []
    /// Hardship rows that belong to one snapshot only (an E003 row).
    var extraHardshipRows: [GenFileKey: [GenHardshipRow]] = [:]

    /// Whose contract a foreign-contract receipt names (`findEarliestCleanContract`), found by
    /// the census once the contracts are numbered.
    var earliestCleanContract: GenBorrower?
    private var ticketCounters: [Day: Int] = [:]
    private var txnCounters: [String: Int] = [:]

    /// The numbering of tickets and bank serials so far. A pass that makes the records again
    /// (`makeEveryBorrower`) starts it afresh, so that every pass numbers them alike, and puts
    /// back what it found.
    var numbering: (tickets: [Day: Int], txns: [String: Int]) {
        get { (ticketCounters, txnCounters) }
        set { (ticketCounters, txnCounters) = newValue }
    }

    init(options: GeneratorOptions) {
        self.options = options
        self.profile = options.profile
        self.from = options.from
        self.to = options.to
        self.snapshots = GenSnapshots(from: options.from, to: options.to)
        self.city = GenCity(options.profile)
        self.people = GenPeople(city: city)
    }

    func rng(_ label: String, _ index: Int = 0) -> GenRandom {
        GenRandom(seed: options.seed, label: label, index)
    }

    /// The last day a drawdown may be disbursed: its receipts (lag, reissue) and its match
    /// window all fall on or before `to`.
    var lastDrawdownDay: Day { to - window - 4 }

    /// Years whose CLAIM files (January of the next year) fall in the range (ganzhou only).
    var claimYears: [Int] {
        guard profile.subsidisesInterest else { return [] }
        return (from.year..<to.year).filter { GenCalendar.day($0 + 1, 1, 20) <= to }
    }

    func claimDate(year: Int, bank: String) -> Day {
        let offset = Int(GenRandom.fnv1a("claim" + bank) % 5)
        return GenCalendar.businessDay(onOrAfter: GenCalendar.day(year + 1, 1, 10 + offset))
    }

    /// 电子税票号: 3 + the region's first 4 digits + 6 + YYMM + DD + a 6-digit counter per day.
    func nextTicket(_ day: Day) -> String {
        let n = ticketCounters[day, default: 0] + 1
        ticketCounters[day] = n
        let c = day.components
        return "3" + profile.defaultRegion.prefix(4) + "6" + String(c.year % 100).genPadded(2)
            + Day.pad(c.month) + Day.pad(c.day) + String(n).genPadded(6)
    }

    /// The bank's serial: B + bank + T + YYYYMMDD + an 8-digit counter per bank and day.
    func nextTxn(bank: String, _ day: Day) -> String {
        let key = bank + day.compact
        let n = txnCounters[key, default: 0] + 1
        txnCounters[key] = n
        return "B\(bank)T\(day.compact)" + String(n).genPadded(8)
    }

    /// The collection account (受托支付) of the city's tax bureau.
    var collectionAccount: String { profile.defaultRegion + "01199000000001" }

    func record(_ fault: GenFault, code: ExceptionCode, key: GenFileKey?, rawFile: String? = nil,
                idNumber: String? = nil, contractNo: String? = nil, loanNo: String? = nil,
                ticketNo: String? = nil, txnNo: String? = nil, month: YearMonth? = nil,
                year: Int? = nil, amount: Fen? = nil) {
        faults.append(pendingFault(fault, code: code, key: key, rawFile: rawFile, idNumber: idNumber,
                                   contractNo: contractNo, loanNo: loanNo, ticketNo: ticketNo, txnNo: txnNo,
                                   month: month, year: year, amount: amount))
    }

    /// A fault's entry, not yet recorded.
    func pendingFault(_ fault: GenFault, code: ExceptionCode, key: GenFileKey?, rawFile: String? = nil,
                      idNumber: String? = nil, contractNo: String? = nil, loanNo: String? = nil,
                      ticketNo: String? = nil, txnNo: String? = nil, month: YearMonth? = nil,
                      year: Int? = nil, amount: Fen? = nil) -> GenPendingFault {
        let entry = FaultEntry(fault: fault.rawValue, code: code, file: rawFile ?? "", idNumber: idNumber,
                               contractNo: contractNo, loanNo: loanNo, ticketNo: ticketNo, txnNo: txnNo,
                               month: month?.iso, year: year, amount: amount?.yuan)
        return GenPendingFault(entry: entry, key: key)
    }

    /// Runs `body` and forgets the faults it recorded and gave up on: a pass that makes the
    /// records again meets the business faults the census already recorded.
    func forgettingFaults(_ body: () throws -> Void) rethrows {
        let recorded = faults.count, given = unplaced.count
        defer {
            faults.removeSubrange(recorded...)
            unplaced.removeSubrange(given...)
        }
        try body()
    }
}

extension String {
    /// Left-padded with zeros to `width` (generator numbering).
    func genPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
