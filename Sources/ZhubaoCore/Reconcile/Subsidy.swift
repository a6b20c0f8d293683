/// rules.md §4, the interest subsidy (贴息, ganzhou-2021 only; nothing at all where the
/// profile does not subsidise interest).
///
/// A borrower is eligible in calendar year Y when they hold a valid certification (§3, any
/// department and category) on the day of their first drawdown in the year of that drawdown,
/// and on the review date (31 January) in every later year. For a drawdown L that is not
/// cancelled and does not raise E201, the subsidised days of Y are the days d of Y with
/// d ≥ disbursement date, d ≤ D, balance(d) > 0, d before the pension start and before the date
/// of death (both from the register as of D), and the borrower eligible in Y. The subsidy is
/// 积数 × the lower of the contract rate and the cap (§5) ÷ 360, rounded half up once per drawdown
/// and year (`Interest.of`).
///
/// Because eligibility holds for a whole year and the other conditions bound a range of days,
/// the subsidised days of a year are the days with a positive balance within one window
/// `[max(1 January, disbursement), min(31 December, D, pension start − 1, death − 1)]`.
package struct Subsidy: Sendable {
    package let settings: Settings
    package let asOf: Day
    package let balances: Balances
    package let certification: Certification

    /// What is fixed per drawdown: the rate applied and the first day that is never subsidised.
    struct Plan: Sendable {
        var drawdown: Drawdown
        var name: String
        var cap: Rate
        var capBasis: String
        /// The lower of the contract rate and the cap.
        var rate: Rate
        /// The pension start and the date of death (register as of D).
        var pensionStart: Day?
        var death: Day?

        /// The first day never subsidised: the pension start or the death, whichever is earlier.
        var stop: Day? { [pensionStart, death].compactMap { $0 }.min() }
    }

    /// The drawdowns that can be subsidised: the position in `plans` of each one's plan, by
    /// `LoanKey` (−1: none; empty where the profile has no subsidy). Positions, not the plans
    /// themselves: a plan holds its drawdown, and the range engine builds a subsidy for a few
    /// hundred borrowers on each date of a city of tens of thousands of loans.
    let planPositions: [Int32]
    let plans: [Plan]
    /// Each borrower's first drawdown day (the earliest not cancelled, §4), by `PersonKey`.
    let firstDrawdownDays: [Day?]
    /// Drawdowns that take part but raise E201 (their contract is not the approved loan), by `LoanKey`.
    let withoutApprovedLoan: [Bool]
    /// The keys of the ledger's loanNos and ID numbers.
    let keys: LedgerKeys

    /// The subsidy of a ledger (its `ReconcileContext`'s).
    package init(ledger: Ledger) {
        self = ReconcileContext(ledger: ledger).subsidy
    }

    /// `live` and `firstDrawdowns` (positions in `live` by `PersonKey`) as `ReconcileContext`
    /// computes them; the ledger is interned.
    init(ledger: Ledger, balances: Balances, certification: Certification, live: [Drawdown],
         firstDrawdowns: [Int32]) {
        settings = ledger.settings
        asOf = ledger.asOf
        self.balances = balances
        self.certification = certification
        keys = ledger.keys
        guard ledger.settings.profile.subsidisesInterest else {
            planPositions = []
            plans = []
            firstDrawdownDays = []
            withoutApprovedLoan = []
            return
        }
        firstDrawdownDays = firstDrawdowns.map { $0 < 0 ? nil : live[Int($0)].disbursedOn }
        let rateCap = RateCap(settings: ledger.settings)
        var positions = [Int32](repeating: -1, count: ledger.keys.loans.count)
        var plans: [Plan] = []
        var withoutApprovedLoan = [Bool](repeating: false, count: ledger.keys.loans.count)
        for drawdown in live where positions[drawdown.keys.loan.position] < 0 {
            let record = ledger.latestRecord(of: drawdown.keys.person)
            // E201, computed here as the table states it: the drawdown's contract is not the
            // approved loan of its person in the register as of D.
            guard let record, record.loan?.contractNo == drawdown.contractNo else {
                withoutApprovedLoan[drawdown.keys.loan.position] = true
                continue
            }
            let cap = rateCap.cap(disbursedOn: drawdown.disbursedOn, maturesOn: drawdown.maturesOn)
            positions[drawdown.keys.loan.position] = Int32(plans.count)
            plans.append(Plan(
                drawdown: drawdown, name: record.name, cap: cap.rate, capBasis: cap.basis,
                rate: min(drawdown.rate, cap.rate), pensionStart: record.pension?.start, death: record.deathDate))
        }
        planPositions = positions
        self.plans = plans
        self.withoutApprovedLoan = withoutApprovedLoan
    }

    /// The plan of a loan named by loanNo or key; nil where it cannot be subsidised.
    func plan(_ loan: some LoanReference) -> Plan? {
        guard let key = loan.key(in: keys.loans), key.position < planPositions.count, planPositions[key.position] >= 0 else { return nil }
        return plans[Int(planPositions[key.position])]
    }

    /// Whether the loan takes part but raises E201.
    func lacksApprovedLoan(_ loan: some LoanReference) -> Bool {
        guard let key = loan.key(in: keys.loans), key.position < withoutApprovedLoan.count else { return false }
        return withoutApprovedLoan[key.position]
    }

    /// The first drawdown day of a borrower named by ID number or key; nil for none.
    func firstDrawdownDay(of person: some PersonReference) -> Day? {
        guard let key = person.key(in: keys.persons), key.position < firstDrawdownDays.count else { return nil }
        return firstDrawdownDays[key.position]
    }

    /// The keys of the loans that can be subsidised, in order of loanNo.
    var plannedLoans: [LoanKey] {
        plans.map(\.drawdown.keys.loan).sorted()
    }

    // MARK: Eligibility

    /// The day whose certification decides year Y for a borrower: the first drawdown's day in
    /// its year, the review date in every later year; nil before the first drawdown's year, for a
    /// person with no drawdown, and where the profile has no subsidy.
    package func eligibilityDay(of idNumber: some PersonReference, in year: Int) -> Day? {
        guard let first = firstDrawdownDay(of: idNumber), year >= first.year else { return nil }
        return year == first.year ? first : settings.reviewDate(in: year)
    }

    /// Whether the borrower is eligible for the subsidy in a calendar year (§4).
    package func isEligible(_ idNumber: some PersonReference, in year: Int) -> Bool {
        guard let day = eligibilityDay(of: idNumber, in: year) else { return false }
        return certification.isCertified(idNumber.idNumber(in: keys.persons), on: day)
    }

    // MARK: Days and amounts

    /// The window of year Y that holds the drawdown's subsidised days (those of them with a
    /// positive balance); nil when the borrower is not eligible or no day is left.
    func window(_ plan: Plan, year: Int) -> ClosedRange<Day>? {
        guard let (low, high) = openWindow(plan, year: year) else { return nil }
        return low <= min(high, asOf) ? low...min(high, asOf) : nil
    }

    /// The window of year Y before D cuts it: `[max(1 January, disbursement), min(31 December,
    /// stop − 1)]`, possibly empty; nil when the borrower is not eligible in Y.
    func openWindow(_ plan: Plan, year: Int) -> (low: Day, high: Day)? {
        guard let yearStart = Day(year: year, month: 1, day: 1), let yearEnd = Day(year: year, month: 12, day: 31),
              isEligible(plan.drawdown.keys.person, in: year) else { return nil }
        let low = max(yearStart, plan.drawdown.disbursedOn)
        var high = yearEnd
        if let stop = plan.stop { high = min(high, stop - 1) }
        return (low, high)
    }

    /// The subsidy of one drawdown for one year; nil when it has no subsidised day that year.
    package func line(loanNo: some LoanReference, year: Int) -> SubsidyLine? {
        guard let plan = plan(loanNo), let window = window(plan, year: year) else { return nil }
        let drawdown = plan.drawdown
        let span = balances.span(of: drawdown.keys.loan, from: window.lowerBound, through: window.upperBound)
        guard span.days > 0,
              let bounds = balances.outstandingBounds(of: drawdown.keys.loan, from: window.lowerBound,
                                                      through: window.upperBound)
        else { return nil }
        let eligibilityDay = eligibilityDay(of: drawdown.keys.person, in: year)!
        return SubsidyLine(
            loanNo: drawdown.loanNo, contractNo: drawdown.contractNo, idNumber: drawdown.idNumber, name: plan.name,
            bankCode: drawdown.bankCode, year: year, from: bounds.first, to: bounds.last, days: span.days,
            accumulated: span.accumulated, contractRate: drawdown.rate, cap: plan.cap, capBasis: plan.capBasis,
            rate: plan.rate, computed: Interest.of(accumulated: span.accumulated, rate: plan.rate),
            categories: certification.categories(of: drawdown.idNumber, on: eligibilityDay),
            eligibilityDay: eligibilityDay, source: drawdown.source)
    }

    /// The subsidy computed for a drawdown and year; zero where none is due (for E505).
    package func computed(loanNo: some LoanReference, year: Int) -> Fen {
        line(loanNo: loanNo, year: year)?.computed ?? .zero
    }

    /// Every drawdown with subsidised days in a year, sorted by loanNo.
    package func subsidies(year: Int) -> [SubsidyLine] {
        plannedLoans.compactMap { line(loanNo: $0, year: year) }
    }

    /// The subsidy of a year as of D, each line rounded once, then summed: the accruals of
    /// `Subsidy+Accrual.swift` read at D, as the range engine reads them on every date.
    package func accrued(year: Int) -> Fen {
        accruals(year: year).reduce(Fen.zero) { $0 + $1.accrued(through: asOf) }
    }

    /// summary.json: the subsidy accrued from 1 January of D's year to D.
    package var accruedYearToDate: Fen { accrued(year: asOf.year) }
}
