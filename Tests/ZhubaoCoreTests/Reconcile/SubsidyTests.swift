import Testing
@testable import ZhubaoCore

/// rules.md §4: eligibility, subsidised days, 积数 × applied rate ÷ 360 rounded half up once.
/// Expectations are worked out by hand in the comments.
@Suite struct SubsidyTests {
    let person = LedgerBuilder.borrower
    let other = LedgerBuilder.otherPerson

    @Test func theSpecsSampleClaim() throws {
        // 刘建国: 8904.00 from 2026-01-15 at 3.0000 %, certified DB since 2024-03-01, so certified
        // on the first drawdown's day. Subsidised: 15–31 January (17 days) + February–December
        // (28+31+30+31+30+31+31+30+31+30+31 = 334) = 351 days at 8904.00:
        // 积数 8904.00 × 351 = 3,125,304.00; × 3 % = 93,759.12; ÷ 360 = 260.442 → 260.44.
        // The cap on 2026-01-15 is the 1-year LPR of 2025-05-20, 3.00 %: the contract rate stands.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample()
        let subsidy = b.subsidy()
        let line = try #require(subsidy.line(loanNo: "L1", year: 2026))

        #expect(line.from == d("2026-01-15"))
        #expect(line.to == d("2026-12-31"))
        #expect(line.days == 351)
        #expect(line.accumulated == fen("3125304.00"))
        #expect(line.rate == Rate(percent: "3.0000")!)
        #expect(line.computed == fen("260.44"))
        #expect(line.categories == ["DB"])
        #expect(line.eligibilityDay == d("2026-01-15"))
        #expect((line.contractNo, line.idNumber, line.name, line.bankCode) == ("C1", person, "刘建国", "105"))
        #expect(line.formula == "积数 3125304.00 × 3.0000% ÷ 360")
        #expect(subsidy.subsidies(year: 2026).map(\.loanNo) == ["L1"])
        #expect(subsidy.accrued(year: 2026) == fen("260.44"))
        // 2027 so far: nothing was repaid, D = 2027-01-20, so 1–20 January, 20 days,
        // 8904.00 × 20 = 178080.00 × 3 % = 5342.40 ÷ 360 = 14.84. The review date 2027-01-31
        // (after D) decides 2027, with the certification as known on D (no end): eligible.
        #expect(subsidy.line(loanNo: "L1", year: 2027)?.computed == fen("14.84"))
        #expect(subsidy.accruedYearToDate == fen("14.84"))
    }

    @Test func theRateAppliedIsTheLowerOfContractAndCap() throws {
        // Contract 3.4500 % above the 1-year LPR of 3.00 % on 2026-01-15: 3.0000 % applies and
        // the sample's 260.44 comes out again.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample(rate: "3.4500")
        let line = try #require(b.subsidy().line(loanNo: "L1", year: 2026))
        #expect(line.contractRate == Rate(percent: "3.4500")!)
        #expect(line.rate == Rate(percent: "3.0000")!)
        #expect(line.computed == fen("260.44"))
    }

    @Test func firstDayCountedLastNotAndHalfAFenRoundsUp() throws {
        // 8002.00 disbursed 2026-06-01, paid off 2026-07-01: subsidised 1–30 June, 30 days.
        // 积数 8002.00 × 30 = 240,060.00; × 3 % = 7,201.80; ÷ 360 = 20.005 exactly, half a fen:
        // rounded half up once → 20.01 (half-even or truncation would give 20.00).
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.participant()
        b.certify(since: "2024-03-01", listedOn: "2026-01-31")
        b.drawdown("L1", amount: "8002.00", disbursed: "2026-06-01", matures: "2027-05-31")
        b.transaction("T1", loan: "L1", date: "2026-07-01", kind: .earlyPayoff, principal: "8002.00", interest: "0.00")
        let subsidy = b.subsidy()
        let line = try #require(subsidy.line(loanNo: "L1", year: 2026))

        #expect(line.days == 30)
        #expect((line.from, line.to) == (d("2026-06-01"), d("2026-06-30")))
        #expect(line.accumulated == fen("240060.00"))
        #expect(line.computed == fen("20.01"))
        #expect(subsidy.isSubsidised(loanNo: "L1", on: d("2026-06-30")))
        #expect(!subsidy.isSubsidised(loanNo: "L1", on: d("2026-07-01")))
    }

    @Test func eachYearIsRoundedOnItsOwnAcrossAYearEnd() throws {
        // 1000.00 at 3 % disbursed 2025-12-20, 400.00 repaid 2026-01-10, D = 2026-01-31.
        // 2025: 20–31 December, 12 days × 1000.00 = 12000.00 → × 3 % ÷ 360 = 1.00.
        // 2026: 1–9 January 9 × 1000.00 = 9000.00, 10–31 January 22 × 600.00 = 13200.00;
        //       31 days, 22200.00 → × 3 % = 666.00 ÷ 360 = 1.85.
        var b = try LedgerBuilder(asOf: "2026-01-31")
        b.participant()
        b.certify(since: "2025-01-01", listedOn: "2025-12-01")
        b.drawdown("L1", amount: "1000.00", disbursed: "2025-12-20", matures: "2026-12-19")
        b.transaction("T1", loan: "L1", date: "2026-01-10", kind: .voluntary, principal: "400.00")
        let subsidy = b.subsidy()

        let y2025 = try #require(subsidy.line(loanNo: "L1", year: 2025))
        #expect((y2025.days, y2025.accumulated, y2025.computed) == (12, fen("12000.00"), fen("1.00")))
        let y2026 = try #require(subsidy.line(loanNo: "L1", year: 2026))
        #expect((y2026.days, y2026.accumulated, y2026.computed) == (31, fen("22200.00"), fen("1.85")))
        #expect(y2026.eligibilityDay == d("2026-01-31"))
        #expect(subsidy.subsidisedAccumulated(of: "L1", from: d("2025-12-25"), through: d("2026-01-12"))
                == fen("17800.00"))   // 7 × 1000 (25–31 Dec) + 9 × 1000 (1–9 Jan) + 3 × 600 (10–12 Jan)
    }

    @Test func eligibilityIsDecidedOnTheFirstDrawdownDayThenOnTheReviewDate() throws {
        // Person A: first drawdown 1200.00 on 2025-06-01; MZ certifies from 2025-07-01 (listed
        // 2025-07-31 and again 2026-01-31). Not certified on 2025-06-01 → nothing in 2025
        // although certified from July; certified on the review date 2026-01-31 → the whole of
        // 2026, January included. D = 2026-03-31: 1 January – 31 March = 31+28+31 = 90 days,
        // 1200.00 × 90 = 108000.00 × 3 % ÷ 360 = 9.00.
        // Person B: first drawdown 3600.00 on 2025-06-01; XC lists B on 2025-05-31 (since
        // 2025-01-01), not on 2026-01-20: the certification ends 2026-01-20, so B is not
        // certified on 2026-01-31 and gets nothing in 2026, not even 1–19 January. 2025:
        // 1 June – 31 December = 30+31+31+30+31+30+31 = 214 days, 3600.00 × 214 = 770400.00
        // × 3 % = 23112.00 ÷ 360 = 64.20.
        var b = try LedgerBuilder(asOf: "2026-03-31")
        b.participant()
        b.participant(other, contract: "C2")
        b.drawdown("LA", amount: "1200.00", disbursed: "2025-06-01", matures: "2027-05-31")
        b.drawdown("LB", contract: "C2", id: other, amount: "3600.00", disbursed: "2025-06-01", matures: "2027-05-31")
        b.certify(since: "2025-07-01", listedOn: "2025-07-31")
        b.certify(since: "2025-07-01", listedOn: "2026-01-31")
        b.certify(other, "TP", since: "2025-01-01", listedOn: "2025-05-31", department: "XC")
        b.snapshot("XC", date: "2026-01-20", [])
        let subsidy = b.subsidy()

        #expect(!subsidy.isEligible(person, in: 2025))
        #expect(subsidy.isEligible(person, in: 2026))
        #expect(subsidy.line(loanNo: "LA", year: 2025) == nil)
        let a2026 = try #require(subsidy.line(loanNo: "LA", year: 2026))
        #expect((a2026.from, a2026.to, a2026.days) == (d("2026-01-01"), d("2026-03-31"), 90))
        #expect(a2026.computed == fen("9.00"))
        #expect(subsidy.isSubsidised(loanNo: "LA", on: d("2026-01-01")))
        #expect(!subsidy.isSubsidised(loanNo: "LA", on: d("2025-12-31")))

        #expect(subsidy.isEligible(other, in: 2025))
        #expect(!subsidy.isEligible(other, in: 2026))
        #expect(subsidy.line(loanNo: "LB", year: 2025)?.days == 214)
        #expect(subsidy.line(loanNo: "LB", year: 2025)?.computed == fen("64.20"))
        #expect(subsidy.line(loanNo: "LB", year: 2026) == nil)
        #expect(subsidy.whyNoSubsidy(loanNo: "LB", year: 2026).contains("年度审核日 2026-01-31"))
    }

    @Test func aRevocationTakesBackTheWholeYear() throws {
        // The sample, then MZ's list of 2026-06-30 marks his DB 撤销: the certification never
        // held, so 2026 has no subsidised day (the E505 case once a claim was approved).
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample()
        b.certify(since: "2024-03-01", listedOn: "2026-06-30", revoked: true)
        let subsidy = b.subsidy()
        #expect(subsidy.line(loanNo: "L1", year: 2026) == nil)
        #expect(subsidy.computed(loanNo: "L1", year: 2026) == .zero)
        #expect(subsidy.whyNoSubsidy(loanNo: "L1", year: 2026).contains("首笔放款日 2026-01-15"))
    }

    @Test func theSubsidyStopsAtPensionStart() throws {
        // Pension from 2026-07 (start 2026-07-01): subsidised 2026-01-15 … 06-30,
        // 17+28+31+30+31+30 = 167 days; 8904.00 × 167 = 1,486,968.00 × 3 % = 44,609.04
        // ÷ 360 = 123.914 → 123.91.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample()
        b.participant(asOf: "2026-07-05", pensionStart: "2026-07")
        let line = try #require(b.subsidy().line(loanNo: "L1", year: 2026))
        #expect((line.to, line.days) == (d("2026-06-30"), 167))
        #expect(line.accumulated == fen("1486968.00"))
        #expect(line.computed == fen("123.91"))
        #expect(b.subsidy().line(loanNo: "L1", year: 2027) == nil)
        #expect(b.subsidy().whyNoSubsidy(loanNo: "L1", year: 2027).contains("养老金自 2026-07-01"))
    }

    @Test func theSubsidyStopsAtDeath() throws {
        // Died 2026-05-10: subsidised 2026-01-15 … 05-09, 17+28+31+30+9 = 115 days;
        // 8904.00 × 115 = 1,023,960.00 × 3 % = 30,718.80 ÷ 360 = 85.33.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample()
        b.participant(asOf: "2026-05-20", death: "2026-05-10")
        let line = try #require(b.subsidy().line(loanNo: "L1", year: 2026))
        #expect((line.to, line.days) == (d("2026-05-09"), 115))
        #expect(line.computed == fen("85.33"))
    }

    @Test func noSubsidyWithoutTheApprovedLoanOrForACancelledDrawdown() throws {
        // The register approves contract C9, the bank lent under C1 (E201): no subsidy. A
        // cancelled drawdown of the same person gets none either.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.participant(contract: "C9")
        b.drawdown("L1")
        b.drawdown("L2", contract: "C9", cancelled: true)
        b.certify(since: "2024-03-01", listedOn: "2026-01-31")
        let subsidy = b.subsidy()
        #expect(subsidy.subsidies(year: 2026).isEmpty)
        #expect(subsidy.whyNoSubsidy(loanNo: "L1", year: 2026).contains("E201"))
        #expect(!subsidy.isSubsidised(loanNo: "L2", on: d("2026-03-01")))
    }

    @Test func tonglingSubsidisesNothing() throws {
        var b = try LedgerBuilder(asOf: "2027-01-20", profile: .tongling2022)
        b.sample()
        let subsidy = b.subsidy()
        #expect(subsidy.subsidies(year: 2026).isEmpty)
        #expect(!subsidy.isEligible(person, in: 2026))
        #expect(subsidy.accruedYearToDate == .zero)
    }
}
