import Testing
@testable import ZhubaoCore

/// outbound.md "Subsidy list — ELIG": who is on a bank's list of a year, from when to when.
@Suite struct EligibilityListTests {
    static let other = LedgerBuilder.otherPerson

    /// The borrower: first drawdown L1 on 2026-01-15 from B105, approved loan C1, certified DB by
    /// 民政 from 2025-12-01 (snapshot of 2026-01-01).
    static func builder(asOf: String, certified: Bool = true) throws -> LedgerBuilder {
        var b = try LedgerBuilder(asOf: asOf)
        b.participant()
        b.drawdown("L1", bank: "105", source: RoutingTests.disb("105"))
        if certified {
            b.snapshot(date: "2026-01-01", [(LedgerBuilder.borrower, "DB", "2025-12-01", nil, false)])
        }
        return b
    }

    static func lines(_ b: LedgerBuilder, year: Int) -> [String: [String]] {
        EligibilityList(ledger: b.ledger).lines(year: year).mapValues { $0.map(\.outboundLine.text) }
    }

    @Test func theYearTurnsOnTheReviewDate() throws {
        let settings = try Settings.defaults(profile: .ganzhou2021)
        #expect(OutboundPlan.eligibilityYear(asOf: d("2027-01-30"), settings: settings) == 2026)
        #expect(OutboundPlan.eligibilityYear(asOf: d("2027-01-31"), settings: settings) == 2027)
        #expect(OutboundPlan.eligibilityYear(asOf: d("2027-12-31"), settings: settings) == 2027)
    }

    @Test func atTheReviewDate() throws {
        let b = try Self.builder(asOf: "2027-01-31")
        // 2026: the first drawdown's day decides; from the disbursement on.
        #expect(Self.lines(b, year: 2026) == ["B105": ["D|L1|C1|360702196703150030|刘建国|2026|20260115|20261231|DB|8904.00"]])
        // 2027: the review date decides; the whole year (the pension starts later, no death).
        #expect(Self.lines(b, year: 2027) == ["B105": ["D|L1|C1|360702196703150030|刘建国|2027|20270101|20271231|DB|8904.00"]])
        // Not certified on 2027-01-31 (the list ended on 2027-01-20): off the 2027 list, still on 2026's.
        var ended = try Self.builder(asOf: "2027-01-31")
        ended.snapshot(date: "2027-01-20", [])
        #expect(Self.lines(ended, year: 2027) == ["B105": []])
        #expect(Self.lines(ended, year: 2026)["B105"]?.count == 1)
    }

    @Test func aRevocationVoidsTheCertification() throws {
        var b = try Self.builder(asOf: "2027-03-01")
        b.snapshot(date: "2027-02-20", [(LedgerBuilder.borrower, "DB", "2025-12-01", "2027-02-20", true)])
        #expect(Self.lines(b, year: 2027) == ["B105": []])
        #expect(Self.lines(b, year: 2026) == ["B105": []])
    }

    @Test func aLateDeathAndThePensionStartEndTheList() throws {
        var b = try Self.builder(asOf: "2027-08-01")
        b.participant(asOf: "2027-07-30", pensionStart: "2027-07", death: "2027-05-10")
        #expect(Self.lines(b, year: 2027) == ["B105": ["D|L1|C1|360702196703150030|刘建国|2027|20270101|20270509|DB|8904.00"]])
        var pension = try Self.builder(asOf: "2027-08-01")
        pension.participant(asOf: "2027-07-30", pensionStart: "2027-06")
        #expect(Self.lines(pension, year: 2027)["B105"] == ["D|L1|C1|360702196703150030|刘建国|2027|20270101|20270531|DB|8904.00"])
        // Died before the year began: from after to, not listed.
        var early = try Self.builder(asOf: "2027-08-01")
        early.participant(asOf: "2027-07-30", death: "2026-12-01")
        #expect(Self.lines(early, year: 2027) == ["B105": []])
    }

    @Test func aCancelledDrawdownIsNotListedAndTheBankKeepsAnEmptyList() throws {
        var b = try LedgerBuilder(asOf: "2027-02-01")
        b.participant()
        b.drawdown("L1", bank: "105", cancelled: true, source: RoutingTests.disb("105"))
        b.drawdown("L2", bank: "313", amount: "5000.00", disbursed: "2026-02-01", source: RoutingTests.disb("313"))
        b.snapshot(date: "2026-01-01", [(LedgerBuilder.borrower, "DB", "2025-12-01", nil, false)])
        // L2 is the first drawdown now (L1 cancelled): 2026 decided on 2026-02-01.
        #expect(Self.lines(b, year: 2027) == ["B105": [], "B313": ["D|L2|C1|360702196703150030|刘建国|2027|20270101|20271231|DB|5000.00"]])
        #expect(Self.lines(b, year: 2026)["B313"] == ["D|L2|C1|360702196703150030|刘建国|2026|20260201|20261231|DB|5000.00"])
    }

    @Test func aFirstDrawdownAfterTheReviewDateIsDecidedOnItsOwnDay() throws {
        var b = try LedgerBuilder(asOf: "2027-06-30")
        b.participant(Self.other, contract: "C7")
        b.participant(contract: "C8")
        // Other: first drawdown 2027-03-10, certified only from 2027-03-01 (not on the review date).
        b.drawdown("M1", contract: "C7", id: Self.other, bank: "105", disbursed: "2027-03-10", source: RoutingTests.disb("105"))
        // The borrower: certified on the review date, not on the first drawdown's day 2027-03-10.
        b.drawdown("N1", contract: "C8", bank: "105", disbursed: "2027-03-10", source: RoutingTests.disb("105"))
        b.snapshot("XC", date: "2027-01-05", [(LedgerBuilder.borrower, "TP", "2026-06-01", "2027-02-01", false)])
        b.snapshot("JY", date: "2027-03-01", [(Self.other, "XG", "2027-03-01", nil, false)])
        b.snapshot("MZ", date: "2027-03-01", [(Self.other, "DB", "2027-03-01", nil, false)])
        #expect(Self.lines(b, year: 2027) == ["B105": ["D|M1|C7|360731196908221041|刘建国|2027|20270310|20271231|DB XG|8904.00"]])
    }

    @Test func aDrawdownRaisingE201IsNotListed() throws {
        var b = try Self.builder(asOf: "2027-02-01")
        b.drawdown("L9", contract: "C-other", bank: "105", source: RoutingTests.disb("105"))
        #expect(Self.lines(b, year: 2027)["B105"]?.count == 1)
    }

    @Test func tonglingSendsNoList() throws {
        var b = try LedgerBuilder(asOf: "2027-02-01", profile: .tongling2022)
        b.participant()
        b.drawdown("L1", bank: "105", source: RoutingTests.disb("105"))
        b.snapshot(date: "2026-01-01", [(LedgerBuilder.borrower, "DB", "2025-12-01", nil, false)])
        let outcome = ExceptionLifecycle.Outcome(asOf: d("2027-02-01"), previousRun: nil, exceptions: [])
        let plan = OutboundPlan(ledger: b.ledger, subsidy: Subsidy(ledger: b.ledger), outcome: outcome)
        #expect(plan.eligibilityYear == nil)
        #expect(plan.eligibility.isEmpty)
    }
}
