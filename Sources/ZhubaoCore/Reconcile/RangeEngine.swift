/// Computes the dates of a range in order from one `LedgerHistory` (issue 14; docs/engine-plan.md
/// §3, Option A), recomputing on each date only the components (`Partitions`) for which
/// something may have changed since the date before, and carrying the others' findings and
/// totals. What it gives for a date is what `Reconciliation` over `history.ledger(asOf:)` gives
/// (`RangeEngineTests` compare every date of a year with late files, cancellations, reversals,
/// revocations and deaths).
///
/// A component is recomputed on D when, since the last date computed:
/// - a record of it became visible (its file's business date), or a hardship snapshot changed
///   the rows of one of its people (rules.md §3);
/// - one of its dates passed on which a rule's answer can change with no new record: a
///   disbursement, its match window's end (§6, E301/E302), a receipt's payment and window's end
///   (E303), a bank line's date (E406, balances), a death and its grace period (E409, E410), a
///   claim approval's as-of date (E505 counts approvals before D);
/// - it holds a finding whose text or amount quotes D (`quotesTheDate`), or a claim line or
///   approval of D's year or later (E501–E503, E505 follow the subsidy computed as of D).
/// Every component is recomputed on the first date, on 1 January and on the review date.
/// The subsidy accrued (summary.json) changes every day: it is read from each drawdown's
/// balance schedule at D (`Subsidy.Accrual`).
struct RangeEngine {
    let history: LedgerHistory
    let approvals: ClaimApprovalHistory
    let parts: PartTables
    private let events: [Event]
    private var nextEvent = 0
    /// The components with a claim line or an approval of a year, and the latest such year.
    private let claimYears: [(component: Int32, year: Int)]
    private var memo: [Part]
    private var running = DailySummary.Totals()
    private var daily: Set<Int32> = []
    private var orphans: [Finding] = []
    private let chunk: Int
    private var last: Day?
    /// Set when a finding could not be given a component: every date is then computed whole.
    private(set) var wholeOnly = false

    /// What the engine carries of one component: its findings, its totals and its accruals as of
    /// the last date it was computed.
    private struct Part {
        var findings: [Finding] = []
        var totals = DailySummary.Totals()
        var accruals: [Subsidy.Accrual] = []
    }

    struct Event: Comparable {
        var day: Int32
        var component: Int32
        static func < (a: Event, b: Event) -> Bool { (a.day, a.component) < (b.day, b.component) }
    }

    /// What a date's computation gives: the findings (intake first, then each component's in
    /// the order its rules gave them), the totals, and how many components were recomputed.
    struct DateResult {
        var findings: [Finding]
        var totals: DailySummary.Totals
        var recomputed: Int
    }

    /// `chunk`: the most components evaluated on one ledger (tests make it small).
    init(history: LedgerHistory, approvals: ClaimApprovalHistory, chunk: Int = 4096) {
        self.chunk = chunk
        var history = history
        if history.keys == nil { history.intern() }
        self.history = history
        self.approvals = approvals
        let parts = PartTables(history)
        self.parts = parts
        events = Self.events(history, approvals: approvals, parts: parts)
        claimYears = Self.claimYears(history, approvals: approvals, parts: parts)
        memo = Array(repeating: Part(), count: parts.partitions.count)
    }

    /// The findings and totals of D; dates come in increasing order.
    mutating func compute(asOf day: Day) -> DateResult {
        if let last { precondition(day > last, "the range engine computes dates in order") }
        let settings = history.settings
        let whole = wholeOnly || last.map { $0.year != day.year || ($0 < settings.reviewDate(in: day.year)
            && day >= settings.reviewDate(in: day.year)) } ?? true
        let result = compute(asOf: day, whole: whole)
        // A finding without a component turned up on a partial date: that date again, whole.
        return wholeOnly && !whole ? compute(asOf: day, whole: true) : result
    }

    private mutating func compute(asOf day: Day, whole: Bool) -> DateResult {
        let settings = history.settings, keys = history.keys!, count = parts.partitions.count
        var included = [Bool](repeating: whole, count: count)
        while nextEvent < events.count, events[nextEvent].day <= Int32(day.ordinal) {
            if let last, events[nextEvent].day > Int32(last.ordinal) { included[Int(events[nextEvent].component)] = true }
            nextEvent += 1
        }
        if !whole {
            for component in daily { included[Int(component)] = true }
            for claim in claimYears where claim.year >= day.year { included[Int(claim.component)] = true }
        }
        last = day

        var recomputed = 0
        for component in 0..<count where included[component] {
            running.add(memo[component].totals, sign: -1)
            memo[component] = Part()
            daily.remove(Int32(component))
            recomputed += 1
        }
        orphans = []
        // The components in chunks: a whole date, or a date that changed much of the city,
        // never holds more than a chunk's ledger and context in memory at once.
        let approvalsNow = approvals.latest(before: day)
        let listed = included.indices.filter { included[$0] }
        for start in stride(from: 0, to: max(listed.count, 1), by: chunk) {
            let chunked = Array(listed[start..<min(start + chunk, listed.count)])
            var part = [Bool](repeating: false, count: count)
            for component in chunked { part[component] = true }
            // An approval of a loanNo no record names goes with the first chunk.
            let approvalsOfPart = approvalsNow.filter { approval in
                keys.loans.key(approval.loanNo).map { part[Int(parts.partitions.ofLoan[$0.position])] } ?? (start == 0)
            }
            evaluate(history.restricted(to: chunked, parts: parts).ledger(asOf: day), approvals: approvalsOfPart, part: part)
        }
        for component in listed { running.add(memo[component].totals) }

        var findings = history.findings.filter { $0.day <= day && settings.profile.applies($0.value.code) }.map(\.value)
        var totals = running
        var accrued = Fen.zero
        for part in memo {
            findings += part.findings
            for accrual in part.accruals { accrued += accrual.accrued(through: day) }
        }
        totals.subsidyAccrued = settings.profile.subsidisesInterest ? accrued : nil
        return DateResult(findings: findings + orphans, totals: totals, recomputed: recomputed)
    }

    /// Evaluates one part of the city on its ledger and files what it finds under its components.
    private mutating func evaluate(_ ledger: Ledger, approvals: [ClaimRecovery.Approval], part: [Bool]) {
        let settings = history.settings, keys = history.keys!
        let reconciliation = Reconciliation(ledger: ledger, approvals: approvals)
        // A part's history holds no intake findings (the city's, added per date): these are the rules'.
        for finding in reconciliation.findings() {
            guard let component = parts.partitions.of(finding.subject, keys: keys), part[Int(component)] else {
                // Only an approval of a loanNo no record names has no component, and it is
                // computed every date. Any other finding without one: every date whole from now on.
                orphans.append(finding)
                if !(finding.code == .e505 && finding.subject.idNumber == nil) { wholeOnly = true }
                continue
            }
            memo[Int(component)].findings.append(finding)
            if Self.quotesTheDate.contains(finding.code) { daily.insert(component) }
        }
        reconciliation.countYearToDate { keys, counted in
            let component = parts.partitions.of(keys)
            if component >= 0 { memo[Int(component)].totals.add(counted) }
        }
        if settings.profile.subsidisesInterest {
            for accrual in reconciliation.subsidy.accruals(year: ledger.asOf.year) {
                memo[Int(parts.partitions.ofLoan[accrual.loan.position])].accruals.append(accrual)
            }
        }
    }

    /// The codes whose text or amount quotes D (docs/engine-plan.md §1, column "daily").
    static let quotesTheDate: Set<ExceptionCode> = [.e201, .e304, .e409, .e410, .e501, .e502, .e503, .e504, .e505, .e601]

    /// What the reports of the engine's dates read.
    var reports: RangeReports { RangeReports(history: history, parts: parts) }
}

/// The records behind a rerun date's reports: the history, and its components.
struct RangeReports: Sendable {
    let history: LedgerHistory
    let parts: PartTables

    /// The ledger as of D of the components the findings name: what the reports' routing reads
    /// (`Routing` looks up each finding's drawdown, contract, bank line or claim line, all of
    /// them in the finding's component).
    func ledger(for findings: [Finding], asOf day: Day) -> Ledger {
        let keys = history.keys!
        let components = Set(findings.compactMap { parts.partitions.of($0.subject, keys: keys).map(Int.init) })
        return history.restricted(to: Array(components), parts: parts, forRouting: true).ledger(asOf: day)
    }
}
