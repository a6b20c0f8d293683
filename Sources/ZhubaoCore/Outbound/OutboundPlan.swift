/// What the run of D would send (outbound.md), before it is compared with what was sent: the
/// FDBK lines per recipient and, for ganzhou-2021, the ELIG list of the year per bank. Computed
/// by the daily report from the same ledger and outcome as the reports.
package struct OutboundPlan: Sendable {
    package var asOf: Day
    /// Recipient of each exception key (only routed ones), for the reports' bank column.
    package var routes: [String: String]
    /// FDBK detail lines per recipient: the NEW and RESOLVED exceptions routed to it.
    package var feedback: [String: [OutboundLine]]
    /// The ELIG year (nil where the profile does not subsidise interest) and each bank's list of
    /// it, keyed by recipient (`B105`), for every bank that disbursed a drawdown known as of D.
    package var eligibilityYear: Int?
    package var eligibility: [String: [OutboundLine]]

    package init(asOf: Day, routes: [String: String] = [:], feedback: [String: [OutboundLine]] = [:],
                eligibilityYear: Int? = nil, eligibility: [String: [OutboundLine]] = [:]) {
        self.asOf = asOf
        self.routes = routes
        self.feedback = feedback
        self.eligibilityYear = eligibilityYear
        self.eligibility = eligibility
    }

    /// Builds the plan of a date from its ledger, its subsidy computation and its outcome; the
    /// ELIG lists only when `eligibility` and a subsidy are given (a run that sends them; a
    /// rerun sends nothing, and its ledger may hold only the records its exceptions name).
    init(ledger: Ledger, subsidy: Subsidy?, outcome: ExceptionLifecycle.Outcome, eligibility withLists: Bool = true) {
        let routing = Routing(ledger: ledger, for: outcome.exceptions.map(\.finding))
        var routes: [String: String] = [:], feedback: [String: [OutboundLine]] = [:]
        for item in outcome.exceptions {
            guard let recipient = routing.recipient(of: item.finding) else { continue }
            routes[item.key] = recipient
            if item.status == .new || item.status == .resolved {
                feedback[recipient, default: []].append(Self.feedbackLine(item))
            }
        }
        self.init(asOf: ledger.asOf, routes: routes, feedback: feedback)
        if withLists, let subsidy, ledger.settings.profile.subsidisesInterest {
            let year = Self.eligibilityYear(asOf: ledger.asOf, settings: ledger.settings)
            eligibilityYear = year
            eligibility = EligibilityList(ledger: ledger, subsidy: subsidy).lines(year: year)
                .mapValues { $0.map(\.outboundLine) }
        }
    }

    /// outbound.md: the year of D when D is on or after that year's review date, else the year before.
    package static func eligibilityYear(asOf: Day, settings: Settings) -> Int {
        asOf >= settings.reviewDate(in: asOf.year) ? asOf.year : asOf.year - 1
    }

    /// `D|{id}|{code}|{severity}|{status}|{firstSeen}|{idNumber}|{contractNo}|{loanNo}|{ticketNo}|{txnNo}|{file}|{year}|{month}|{amount}|{source}|{message}`
    static func feedbackLine(_ item: ExceptionLifecycle.Reported) -> OutboundLine {
        let f = item.finding, s = f.subject
        return OutboundLine(fields: [
            f.shortID, f.code.rawValue, f.severity.rawValue, item.status.rawValue, item.firstSeen.compact,
            s.idNumber ?? "", s.contractNo ?? "", s.loanNo ?? "", s.ticketNo ?? "", s.txnNo ?? "", s.file ?? "",
            s.year.map(String.init) ?? "", s.month?.compact ?? "", f.amount?.yuan ?? "", f.source, f.message,
        ], amount: f.amount)
    }
}
