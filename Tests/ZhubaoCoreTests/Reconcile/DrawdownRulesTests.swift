import Testing
@testable import ZhubaoCore

/// rules.md §5 and §7 E201–E208, E601. Every expectation is worked out by hand in the comments.
///
/// LedgerBuilder's defaults: drawdown C1, bank 105, annual, 8904.00 at 3.0000 %, disbursed
/// 2026-01-15, matures 2027-01-14, covers 2026-01..2026-12; register record (AsOf 2026-01-07)
/// holding C1 at bank 105, retirement 2027-06-15, 148 months, no co-borrower.
@Suite struct DrawdownRulesTests {
    // ganzhou: C1 is the approved loan at bank 105 (no E201/E208); 105 is a partner (E203);
    // 2026-01-15 + 8 y = 2034-01-15 is not before 2027-06-15, nor is the drawdown after it (E202);
    // the LPR of 2025-05-20 caps a ≤ 5-year term at 3.00 % = the rate (E204); 3710.00 × 240 / 100
    // = 8904.00 = the amount (E205). tongling: the same, except E601 (no co-borrower at all).
    @Test func aCleanDrawdownRaisesNothing() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.participant()
        b.drawdown("L1")
        #expect(b.drawdownFindings.isEmpty)

        var t = try LedgerBuilder(asOf: "2026-02-01", profile: .tongling2022)
        t.participant()
        t.drawdown("L1")
        #expect(t.drawdownFindings.codes() == [.e601])
    }

    // A cancelled drawdown breaks every rule here and raises none of them (rules.md §2).
    @Test(arguments: [Profile.ganzhou2021, .tongling2022])
    func aCancelledDrawdownTakesPartInNothing(_ profile: Profile) throws {
        var b = try LedgerBuilder(asOf: "2026-02-01", profile: profile)
        b.drawdown("L0", contract: "C9", bank: "999", mode: .lump, amount: "90000.00", rate: "9.0000",
                   disbursed: "2010-01-01", cancelled: true)
        b.drawdown("L1", bank: "999", amount: "9999.00", rate: "9.0000", cancelled: true)
        #expect(b.drawdownFindings.isEmpty)
    }

    // E201 as of D: no record at all, a record without a loan, a record holding another contract,
    // and a history whose latest record (2026-01-20) moved the loan to C2. Amount: 8904.00.
    @Test func e201WhenTheDrawdownsContractIsNotThePersonsApprovedLoan() throws {
        var none = try LedgerBuilder(asOf: "2026-02-01")
        none.drawdown("L1")
        var noLoan = try LedgerBuilder(asOf: "2026-02-01")
        noLoan.participant(contract: nil)
        noLoan.drawdown("L1")
        var other = try LedgerBuilder(asOf: "2026-02-01")
        other.participant(contract: "C2")
        other.drawdown("L1")
        var moved = try LedgerBuilder(asOf: "2026-02-01")
        moved.participant(asOf: "2026-01-07", contract: "C1")
        moved.participant(asOf: "2026-01-20", contract: "C2", bank: "104")
        moved.drawdown("L1")
        for b in [none, noLoan, other, moved] {
            let found = b.drawdownFindings
            #expect(found.codes() == [.e201])  // never E208 beside it, though bank 104 ≠ 105 in `moved`
            #expect(found.first?.amount == fen("8904.00"))
            #expect(found.first?.subject == .drawdown(b.ledger.drawdowns[0]))
        }
        #expect(other.drawdownFindings.first?.detail.contains("合同为 C2") == true)
    }

    // E208: the approved loan was found (C1) but at bank 105, the drawdown came from 104: E208
    // without amount. The same drawdown on C2 (not approved) is E201 only.
    @Test func e208OnlyWhereTheApprovedLoanWasFound() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.participant(bank: "105")
        b.drawdown("L1", bank: "104")
        #expect(b.drawdownFindings.codes() == [.e208])
        #expect(b.drawdownFindings.first?.amount == nil)

        var c = try LedgerBuilder(asOf: "2026-02-01")
        c.participant(bank: "105")
        c.drawdown("L1", contract: "C2", bank: "104")
        #expect(c.drawdownFindings.codes() == [.e201])
    }

    // E202, 8-year window: retirement 2027-06-15. 2019-06-15 + 8 y = 2027-06-15, not before it:
    // allowed. 2019-06-14 + 8 y = 2027-06-14 < 2027-06-15: more than 8 years, E202 for 8904.00.
    // (No extract as old as 2019: the person's first extract is read, rules.md §2.)
    @Test func e202ExactlyEightYearsBeforeRetirementAndOneDayMore() throws {
        var exact = try LedgerBuilder(asOf: "2026-02-01")
        exact.participant(retirement: "2027-06-15")
        exact.drawdown("L1", disbursed: "2019-06-15", matures: "2020-06-14")
        #expect(exact.drawdownFindings.only(.e202).isEmpty)

        var dayMore = try LedgerBuilder(asOf: "2026-02-01")
        dayMore.participant(retirement: "2027-06-15")
        dayMore.drawdown("L1", disbursed: "2019-06-14", matures: "2020-06-13")
        #expect(dayMore.drawdownFindings.only(.e202).map(\.amount) == [fen("8904.00")])
    }

    // E202 after retirement (2026-01-10): on the day itself allowed; the day after with 180 months
    // raised; the day after with 179 months allowed.
    @Test func e202AfterRetirementOnlyWith180Months() throws {
        func e202(disbursed: String, months: Int) throws -> [Finding] {
            var b = try LedgerBuilder(asOf: "2026-02-01")
            b.participant(retirement: "2026-01-10", months: months)
            b.drawdown("L1", disbursed: disbursed)
            return b.drawdownFindings.only(.e202)
        }
        #expect(try e202(disbursed: "2026-01-10", months: 180).isEmpty)
        #expect(try e202(disbursed: "2026-01-11", months: 180).map(\.amount) == [fen("8904.00")])
        #expect(try e202(disbursed: "2026-01-11", months: 179).isEmpty)
    }

    // E202 reads the register on the first drawdown's date. Extract A (AsOf 2026-01-01): retired
    // 2026-01-10, 185 months. Extract B (AsOf 2026-03-01, the latest as of D): retirement moved to
    // 2026-06-30. First drawdown 2026-02-01 → A decides → after retirement with 185 ≥ 180: E202,
    // though B as of D would allow it. First drawdown 2026-03-02 → B decides → allowed.
    @Test func e202ReadsTheRegisterOnTheFirstDrawdownsDate() throws {
        func e202(disbursed: String) throws -> [ExceptionCode] {
            var b = try LedgerBuilder(asOf: "2026-03-15")
            b.participant(asOf: "2026-01-01", retirement: "2026-01-10", months: 185)
            b.participant(asOf: "2026-03-01", retirement: "2026-06-30", months: 185)
            b.drawdown("L1", disbursed: disbursed)
            return b.drawdownFindings.codes()
        }
        #expect(try e202(disbursed: "2026-02-01") == [.e202])
        #expect(try e202(disbursed: "2026-03-02") == [])
    }

    // Only the first live drawdown counts: L0 (2017, > 8 years before) is cancelled; L1 is first
    // and fine; L2 comes after retirement (2026-06-30, 185 months) but is not the first. tongling
    // has no E202 even for the 2019-06-14 case above.
    @Test func e202OnlyForTheFirstDrawdownAndOnlyInGanzhou() throws {
        var b = try LedgerBuilder(asOf: "2026-09-01")
        b.participant(retirement: "2026-06-30", months: 185)
        b.drawdown("L0", disbursed: "2017-01-01", cancelled: true)
        b.drawdown("L1", disbursed: "2026-01-15")
        b.drawdown("L2", disbursed: "2026-08-01", cover: ("2027-01", "2027-12"))
        #expect(b.drawdownFindings.only(.e202).isEmpty)

        var t = try LedgerBuilder(asOf: "2026-02-01", profile: .tongling2022)
        t.participant(retirement: "2027-06-15", coBorrowers: ["CHILD"])
        t.drawdown("L1", disbursed: "2019-06-14", matures: "2020-06-13")
        #expect(t.drawdownFindings.isEmpty)
    }

    // E203: 999 is nobody's partner; 313 (赣州银行) is a ganzhou partner but not a tongling one.
    @Test func e203BankNotAPartnerOfTheCity() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.participant(bank: "999")
        b.drawdown("L1", bank: "999")
        #expect(b.drawdownFindings.codes() == [.e203])
        #expect(b.drawdownFindings.first?.amount == fen("8904.00"))

        var g = try LedgerBuilder(asOf: "2026-02-01")
        g.participant(bank: "313")
        g.drawdown("L1", bank: "313")
        #expect(g.drawdownFindings.isEmpty)

        var t = try LedgerBuilder(asOf: "2026-02-01", profile: .tongling2022)
        t.participant(bank: "313", coBorrowers: ["GUARANTOR"])
        t.drawdown("L1", bank: "313")
        #expect(t.drawdownFindings.codes() == [.e203])
    }
}

// MARK: - E204, the rate cap of rules.md §5

/// One term boundary: the cap worked out by hand from reference.md.
struct RateCapCase: Sendable, CustomTestStringConvertible {
    var profile: Profile.Name
    var disbursed: String
    var matures: String
    var cap: String
    var why: String
    var testDescription: String { "\(profile.rawValue) \(disbursed)→\(matures): \(cap) (\(why))" }
}

extension DrawdownRulesTests {
    static let rateCapCases: [RateCapCase] = [
        // ganzhou, 2026-01-15: the fixing of 2025-05-20 is in force (1-year 3.00, 5-year 3.50).
        // The 1-year LPR caps every term up to 5 years, the 5-year one beyond.
        .init(profile: .ganzhou2021, disbursed: "2026-01-15", matures: "2027-01-15", cap: "3.0000", why: "exactly 1 year"),
        .init(profile: .ganzhou2021, disbursed: "2026-01-15", matures: "2027-01-16", cap: "3.0000", why: "1 year and a day"),
        .init(profile: .ganzhou2021, disbursed: "2026-01-15", matures: "2031-01-15", cap: "3.0000", why: "exactly 5 years"),
        .init(profile: .ganzhou2021, disbursed: "2026-01-15", matures: "2031-01-16", cap: "3.5000", why: "5 years and a day"),
        // ganzhou, 2019-08-19: the day before the first fixing (2019-08-20): the benchmark caps.
        .init(profile: .ganzhou2021, disbursed: "2019-08-19", matures: "2020-08-19", cap: "4.3500", why: "no LPR yet, 1 year"),
        .init(profile: .ganzhou2021, disbursed: "2019-08-19", matures: "2020-08-20", cap: "4.7500", why: "no LPR yet, 1 year + 1 d"),
        .init(profile: .ganzhou2021, disbursed: "2019-08-19", matures: "2024-08-19", cap: "4.7500", why: "no LPR yet, 5 years"),
        .init(profile: .ganzhou2021, disbursed: "2019-08-19", matures: "2024-08-20", cap: "4.9000", why: "no LPR yet, 5 years + 1 d"),
        // ganzhou, 2019-08-20: the first fixing itself (4.25 / 4.85).
        .init(profile: .ganzhou2021, disbursed: "2019-08-20", matures: "2024-08-20", cap: "4.2500", why: "first LPR, 5 years"),
        .init(profile: .ganzhou2021, disbursed: "2019-08-20", matures: "2024-08-21", cap: "4.8500", why: "first LPR, 5 years + 1 d"),
        // ganzhou, 2024-02-29 (fixing of 2024-02-20: 3.45 / 3.95): 29 Feb + 5 y = 2029-02-28.
        .init(profile: .ganzhou2021, disbursed: "2024-02-29", matures: "2029-02-28", cap: "3.4500", why: "leap day, 5 years"),
        .init(profile: .ganzhou2021, disbursed: "2024-02-29", matures: "2029-03-01", cap: "3.9500", why: "leap day, 5 years + 1 d"),
        // tongling: the benchmark, 4.35 up to 1 year, 4.75 up to 5 years, 4.90 beyond.
        .init(profile: .tongling2022, disbursed: "2026-01-15", matures: "2027-01-15", cap: "4.3500", why: "exactly 1 year"),
        .init(profile: .tongling2022, disbursed: "2026-01-15", matures: "2027-01-16", cap: "4.7500", why: "1 year and a day"),
        .init(profile: .tongling2022, disbursed: "2026-01-15", matures: "2031-01-15", cap: "4.7500", why: "exactly 5 years"),
        .init(profile: .tongling2022, disbursed: "2026-01-15", matures: "2031-01-16", cap: "4.9000", why: "5 years and a day"),
        // tongling, 29 Feb + 1 y = 2025-02-28.
        .init(profile: .tongling2022, disbursed: "2024-02-29", matures: "2025-02-28", cap: "4.3500", why: "leap day, 1 year"),
        .init(profile: .tongling2022, disbursed: "2024-02-29", matures: "2025-03-01", cap: "4.7500", why: "leap day, 1 year + 1 d"),
    ]

    // A rate equal to the cap is allowed; 0.0001 % above it raises E204 (no amount), and the
    // detail names the cap.
    @Test(arguments: rateCapCases)
    func e204AtTheCapAndJustAbove(_ c: RateCapCase) throws {
        let above = Rate(units: Rate(percent: c.cap)!.units + 1).percent
        for (rate, raised) in [(c.cap, false), (above, true)] {
            var b = try LedgerBuilder(asOf: "2026-02-01", profile: .named(c.profile))
            b.participant(coBorrowers: ["CHILD"])
            b.drawdown("L1", rate: rate, disbursed: c.disbursed, matures: c.matures)
            let found = b.drawdownFindings.only(.e204)
            #expect(found.count == (raised ? 1 : 0), "rate \(rate)")
            if raised {
                #expect(found[0].amount == nil)
                #expect(found[0].detail.contains("合同年利率 \(above)% 高于上限 \(c.cap)%"))
            }
        }
    }
}

// MARK: - E205–E207, 第五条(四)

extension DrawdownRulesTests {
    // 2026 base 3710.00 → 371000 fen × 240 / 100 = 890400 fen = 8904.00. 8904.00 is allowed,
    // 8904.01 exceeds it by 0.01. A lump-sum drawdown is not annual: no E205. tongling: no E205.
    @Test func e205AtTheMinimumAnnualContribution() throws {
        func e205(_ amount: String, mode: DrawdownMode = .annual, profile: Profile = .ganzhou2021) throws -> [Fen?] {
            var b = try LedgerBuilder(asOf: "2026-02-01", profile: profile)
            b.drawdown("L1", mode: mode, amount: amount)
            return b.drawdownFindings.only(.e205).map(\.amount)
        }
        #expect(try e205("8904.00") == [])
        #expect(try e205("8904.01") == [fen("0.01")])
        #expect(try e205("9000.00", mode: .lump) == [])
        #expect(try e205("8904.01", profile: .tongling2022) == [])
    }

    // The year is coverFrom's: covering 2024 (base 3552.00 → 355200 × 240 / 100 = 852480 fen =
    // 8524.80), 8904.00 exceeds by 8904.00 − 8524.80 = 379.20, though disbursed in 2026. A year
    // with no base (2030) raises nothing.
    @Test func e205ReadsTheYearOfCoverFrom() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.drawdown("L1", cover: ("2024-01", "2024-12"))
        b.drawdown("L2", contract: "C2", amount: "99999.00", cover: ("2030-01", "2030-12"))
        let found = b.drawdownFindings.only(.e205)
        #expect(found.map(\.amount) == [fen("379.20")])
        #expect(found.map(\.subject.loanNo) == ["L1"])
    }

    // base × 240 / 100 is not always a whole fen. 3710.02: 371002 × 240 = 89040480 hundredths
    // → 890404.8 fen → rounded half up 890405 = 8904.05. 3710.01: 89040240 → 890402.4 → 890402 =
    // 8904.02. The boundary moves with the rounding: at it nothing, 0.01 above it E205 for 0.01.
    @Test func e205RoundsTheMinimumHalfUp() throws {
        #expect(DrawdownRules.minimumAnnualContribution(base: fen("3710.00")) == fen("8904.00"))
        #expect(DrawdownRules.minimumAnnualContribution(base: fen("3710.02")) == fen("8904.05"))
        #expect(DrawdownRules.minimumAnnualContribution(base: fen("3710.01")) == fen("8904.02"))
        for (year, base, atMinimum, above) in [(2027, "3710.02", "8904.05", "8904.06"), (2028, "3710.01", "8904.02", "8904.03")] {
            var b = try LedgerBuilder(asOf: "2026-02-01")
            b.minimumBase(year, base)
            b.drawdown("L1", amount: atMinimum, cover: ("\(year)-01", "\(year)-12"))
            b.drawdown("L2", contract: "C2", amount: above, cover: ("\(year)-01", "\(year)-12"))
            #expect(b.drawdownFindings.only(.e205).map(\.subject.loanNo) == ["L2"])
            #expect(b.drawdownFindings.only(.e205).map(\.amount) == [fen("0.01")])
        }
    }

    // E206, cap 80,000.00. C1: lump 50,000.00 + 30,000.00 = 80,000.00, not above; a cancelled lump
    // of 20,000.00 and an annual 8,904.00 do not count. Adding lump 0.01 (bank 104) makes
    // 80,000.01: one E206 for 0.01, subject contract + ID, source the drawdown that crossed.
    // C2: a single lump of 85,000.00 → 5,000.00.
    @Test func e206LumpSumsOfAContractAboveTheCap() throws {
        var b = try LedgerBuilder(asOf: "2026-04-01")
        b.drawdown("L1", mode: .lump, amount: "50000.00", disbursed: "2026-01-15")
        b.drawdown("L2", mode: .lump, amount: "30000.00", disbursed: "2026-02-01")
        b.drawdown("LX", mode: .lump, amount: "20000.00", disbursed: "2026-02-02", cancelled: true)
        b.drawdown("A1", mode: .annual, amount: "8904.00", disbursed: "2026-02-03")
        #expect(b.drawdownFindings.only(.e206).isEmpty)

        b.drawdown("L3", bank: "104", mode: .lump, amount: "0.01", disbursed: "2026-03-01")
        b.drawdown("M1", contract: "C2", id: LedgerBuilder.otherPerson, mode: .lump, amount: "85000.00")
        let found = b.drawdownFindings.only(.e206)
        #expect(found.map(\.amount) == [fen("0.01"), fen("5000.00")])
        #expect(found[0].subject == Finding.Subject(idNumber: LedgerBuilder.borrower, contractNo: "C1"))
        #expect(found[0].source == "B104_DISB.txt:2")
        #expect(found[1].subject == Finding.Subject(idNumber: LedgerBuilder.otherPerson, contractNo: "C2"))
        #expect(found[0].detail.contains("合计 80000.01 元，超过上限 80000.00 元，超出 0.01 元"))
    }

    // E207 on C1: A25 (2025) and A26 (2026) do not meet; A26b (disbursed later, covers
    // 2026-03..2026-12) meets A26's 2026: E207 for its own 7,000.00. The cancelled X (2025-06,
    // covering 2026) is no "earlier drawdown", so A26 is clean. C2: B and A disbursed the same day,
    // both 2026: loanNo orders A first, so B raises it. C3: a lump drawdown covering 2026 is not
    // annual. Different contracts never meet.
    @Test func e207OverlappingYearsOfOneContract() throws {
        var b = try LedgerBuilder(asOf: "2026-04-01")
        b.drawdown("A25", disbursed: "2025-01-10", cover: ("2025-01", "2025-12"))
        b.drawdown("X", disbursed: "2025-06-01", cover: ("2026-01", "2026-12"), cancelled: true)
        b.drawdown("A26", disbursed: "2026-01-15", cover: ("2026-01", "2026-12"))
        b.drawdown("A26b", amount: "7000.00", disbursed: "2026-02-01", cover: ("2026-03", "2026-12"))
        b.drawdown("B", contract: "C2", disbursed: "2026-01-15")
        b.drawdown("A", contract: "C2", disbursed: "2026-01-15")
        b.drawdown("L", contract: "C3", mode: .lump, amount: "5000.00", disbursed: "2026-01-10")
        b.drawdown("N", contract: "C3", disbursed: "2026-01-15")
        let found = b.drawdownFindings.only(.e207)
        #expect(found.map(\.subject.loanNo) == ["A26b", "B"])
        #expect(found.map(\.amount) == [fen("7000.00"), fen("8904.00")])
        #expect(found[0].detail.contains("借据 A26（"))
    }
}

// MARK: - E601 and the details

extension DrawdownRulesTests {
    // tongling: C1 approved with no co-borrower → E601 on each of its 2 drawdowns, each for its
    // own amount. CHILD or GUARANTOR → none. ganzhou → none. A drawdown on C9 (nobody's approved
    // loan) → E201 only. Another person's drawdown on C1 (the register's approved loan, of the
    // borrower) → E201 and E601 (E601 asks only whether the contract is an approved loan).
    @Test func e601ResidentsLoanWithoutChildOrGuarantor() throws {
        var b = try LedgerBuilder(asOf: "2026-04-01", profile: .tongling2022)
        b.participant(coBorrowers: [])
        b.drawdown("L1")
        b.drawdown("L2", amount: "1200.00", disbursed: "2026-02-15")
        b.drawdown("L9", contract: "C9")
        b.drawdown("LO", id: LedgerBuilder.otherPerson, amount: "300.00", disbursed: "2026-03-01")
        let found = b.drawdownFindings
        #expect(found.only(.e601).map(\.subject.loanNo) == ["L1", "L2", "LO"])
        #expect(found.only(.e601).map(\.amount) == [fen("8904.00"), fen("1200.00"), fen("300.00")])
        #expect(found.only(.e201).map(\.subject.loanNo) == ["L9", "LO"])

        for relations in [["CHILD"], ["GUARANTOR"], ["GUARANTOR", "CHILD"]] {
            var t = try LedgerBuilder(asOf: "2026-04-01", profile: .tongling2022)
            t.participant(coBorrowers: relations)
            t.drawdown("L1")
            #expect(t.drawdownFindings.isEmpty, "\(relations)")
        }
        var g = try LedgerBuilder(asOf: "2026-04-01")
        g.participant(coBorrowers: [])
        g.drawdown("L1")
        #expect(g.drawdownFindings.only(.e601).isEmpty)
    }

    // Many codes at once; no detail carries an ID number, a name or an account number.
    @Test func detailsCarryNoPersonalData() throws {
        var b = try LedgerBuilder(asOf: "2026-04-01")
        b.participant(retirement: "2040-01-01")
        b.drawdown("L1", bank: "104", amount: "8904.01", rate: "5.0000")
        b.drawdown("L2", amount: "100.00", disbursed: "2026-02-01")
        b.drawdown("L3", contract: "C3", id: LedgerBuilder.otherPerson, bank: "999", mode: .lump, amount: "80000.01")
        let found = b.drawdownFindings
        #expect(Set(found.codes()) == [.e201, .e202, .e203, .e204, .e205, .e206, .e207, .e208])
        for finding in found {
            for secret in [LedgerBuilder.borrower, LedgerBuilder.otherPerson, "刘建国", "6217002030001234567",
                           "36070001199000000001"] {
                #expect(!finding.detail.contains(secret), "\(finding.code): \(finding.detail)")
            }
        }
    }
}
