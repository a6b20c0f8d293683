/// The account of one drawdown's subsidy for one year (rules.md §4), step by step as an auditor
/// checks it by hand: the certifications that made the borrower eligible, the day that decided
/// it, the cap and the applied rate, each span of days at one balance, the 积数, × rate ÷ 360,
/// the unrounded value and the half-up result, then the bank's claim and the verdict.
///
/// Made by `Subsidy.account` from the very values `Subsidy.line` computes (the window, the plan,
/// `Balances`, `Interest.exact`), so it cannot disagree with the claim line: `zhubao explain`
/// and the sections of claims.html show it.
package struct SubsidyAccount: Sendable, Equatable {
    /// Who decides eligibility in the year, and with what (§4).
    package struct Eligibility: Sendable, Equatable {
        package enum Basis: Sendable, Equatable {
            /// The first drawdown's day, in its own year.
            case firstDrawdown
            /// The review date (31 January unless set), in every later year.
            case reviewDate
        }

        package var day: Day
        package var basis: Basis
        /// The certifications valid on `day` (any department, any category).
        package var held: [Certification.Interval]
        /// Every certification known of the borrower as of D.
        package var known: [Certification.Interval]

        package var isEligible: Bool { !held.isEmpty }
    }

    /// What the bank claimed and what was decided (`ClaimStatement`); nil where the account is
    /// made outside a claim statement.
    package struct Verdict: Sendable, Equatable {
        package var claimed: Fen?
        package var approved: Fen
        /// E501–E504 raised on the line.
        package var codes: [ExceptionCode]
        /// Why approved differs from claimed, in Chinese (a finding's message); empty if it does not.
        package var reason: String
    }

    package var loanNo: String
    package var year: Int
    package var asOf: Day
    /// The drawdown as known as of D; nil where none is (or it is cancelled, or raises E201).
    package var drawdown: Drawdown?
    /// The borrower's name in the register as of D.
    package var name: String?
    package var eligibility: Eligibility?
    /// The cap of §5 on the disbursement date and where it comes from; the applied rate.
    package var cap: Rate?
    package var capBasis: String?
    package var rate: Rate?
    /// The days of the year that can be subsidised, and why they begin and end where they do.
    package var window: ClosedRange<Day>?
    package var windowReasons: [String]
    /// The spans of one balance each over `window`; those at zero or below do not count.
    package var spans: [Balances.Span]
    /// The subsidy line itself (nil where none is due) and its exact, unrounded value.
    package var line: SubsidyLine?
    package var exact: Interest.Exact?
    /// Why nothing is due, where nothing is (`Subsidy.whyNoSubsidy`).
    package var noSubsidyReason: String?
    package var verdict: Verdict?

    /// The sum of the spans that count: the 积数 of the line, added up as an auditor does.
    package var spanTotal: (days: Int, accumulated: Fen) {
        spans.filter(\.counts).reduce((0, Fen.zero)) { ($0.0 + $1.days, $0.1 + $1.product) }
    }
}

extension Subsidy {
    /// The account of a drawdown's subsidy for a year, built from what `line` computes.
    package func account(loanNo: String, year: Int) -> SubsidyAccount {
        var account = SubsidyAccount(loanNo: loanNo, year: year, asOf: asOf, windowReasons: [], spans: [])
        let line = line(loanNo: loanNo, year: year)
        account.line = line
        account.exact = line.map { Interest.exact(accumulated: $0.accumulated, rate: $0.rate) }
        if line == nil { account.noSubsidyReason = whyNoSubsidy(loanNo: loanNo, year: year) }
        guard let plan = plan(loanNo) else { return account }
        let drawdown = plan.drawdown
        account.drawdown = drawdown
        account.name = plan.name
        (account.cap, account.capBasis, account.rate) = (plan.cap, plan.capBasis, plan.rate)
        if let day = eligibilityDay(of: drawdown.idNumber, in: year) {
            account.eligibility = .init(day: day, basis: day == firstDrawdownDay(of: drawdown.keys.person) ? .firstDrawdown : .reviewDate,
                                        held: certification.held(by: drawdown.idNumber, on: day),
                                        known: certification.intervals[drawdown.idNumber] ?? [])
        }
        guard let window = window(plan, year: year) else { return account }
        account.window = window
        account.windowReasons = windowReasons(plan, window)
        account.spans = balances.spans(of: loanNo, from: window.lowerBound, through: window.upperBound)
        return account
    }

    /// Why the window begins and ends where it does, in Chinese.
    func windowReasons(_ plan: Plan, _ window: ClosedRange<Day>) -> [String] {
        let drawdown = plan.drawdown
        var reasons = [window.lowerBound == drawdown.disbursedOn
            ? "自放款日 \(drawdown.disbursedOn.iso) 起计（算头）" : "自 \(window.lowerBound.iso)（年初）起计"]
        let high = window.upperBound
        if let stop = plan.stop, high == stop - 1 {
            reasons.append(stop == plan.pensionStart
                ? "计至 \(high.iso)：养老金自 \(stop.iso) 起发放，此后不贴息"
                : "计至 \(high.iso)：借款人于 \(stop.iso) 死亡，此后不贴息")
        } else if high == asOf, high.year == window.lowerBound.year, high != Day(year: high.year, month: 12, day: 31) {
            reasons.append("计至数据截止日 \(asOf.iso)")
        } else {
            reasons.append("计至 \(high.iso)（年末）")
        }
        reasons.append("余额按还款日当日起减少（算头不算尾）；余额为零或以下的天数不计")
        return reasons
    }
}
