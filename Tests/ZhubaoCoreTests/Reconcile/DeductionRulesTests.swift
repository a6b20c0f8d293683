import Testing
@testable import ZhubaoCore

/// The deduction family (rules.md §7: E401–E405, E407, E408). Every expected amount is worked
/// out by hand in the comment beside it. The 2026 subsistence standard is 900.00 for 赣州
/// (360700) and 820.00 for 铜陵 (340700), 2024 赣州 870.00 (reference.md).
@Suite struct DeductionRulesTests {
    /// A ganzhou borrower drawing L1 (and L2) of 8904.00 on 2026-01-15, pension from 2026-01.
    func ganzhou(drawdowns: [String] = ["L1"]) throws -> LedgerBuilder {
        var b = try LedgerBuilder(asOf: "2026-12-31")
        for loanNo in drawdowns { b.drawdown(loanNo) }
        b.participant(pensionStart: "2026-01")
        return b
    }

    /// A tongling borrower (residents' scheme): L1, pension from 2026-01 with a basic part.
    func tongling(consent: Bool = false) throws -> LedgerBuilder {
        var b = try LedgerBuilder(asOf: "2026-12-31", profile: .tongling2022)
        b.drawdown("L1")
        b.participant(pensionStart: "2026-01", pension: "600.00", basic: "200.00", consent: consent)
        return b
    }

    // MARK: E401 — the subsistence floor (ganzhou)

    @Test func exactlyTheStandardLeftRaisesNothing() throws {
        var b = try ganzhou()
        // 1386.50 − (400.00 + 86.50) = 900.00 = standard: not below it.
        b.deduction("T1", date: "2026-04-10", principal: "400.00", interest: "86.50", pension: "1386.50")
        #expect(DeductionRules.findings(b.ledger).only(.e401).isEmpty)
    }

    @Test func oneFenBelowTheStandardIsAOneFenShortfall() throws {
        var b = try ganzhou()
        // 1386.50 − (400.00 + 86.51) = 899.99; 900.00 − 899.99 = 0.01.
        b.deduction("T1", date: "2026-04-10", principal: "400.00", interest: "86.51", pension: "1386.50")
        let e401 = DeductionRules.findings(b.ledger).only(.e401)
        #expect(e401.count == 1)
        #expect(e401.first?.amount == fen("0.01"))
        #expect(e401.first?.subject == Finding.Subject(idNumber: LedgerBuilder.borrower, month: YearMonth(iso: "2026-04")))
        #expect(e401.first?.key == "E401|\(LedgerBuilder.borrower)|2026-04")
        #expect(e401.first?.detail == "2026-04 养老金 1386.50 元，扣款 486.51 元，余 899.99 元，低于 2026 年低保标准 900.00 元，差 0.01 元")
    }

    @Test func twoDrawdownsOfOneMonthAreSummed() throws {
        var b = try ganzhou(drawdowns: ["L1", "L2"])
        // Alone, each leaves enough: 1386.50 − 350.00 = 1036.50 and 1386.50 − 250.00 = 1136.50.
        // Together: Σ = 350.00 + 250.00 = 600.00; 1386.50 − 600.00 = 786.50; 900.00 − 786.50 = 113.50.
        b.deduction("T2", loan: "L2", date: "2026-04-20", principal: "200.00", interest: "50.00", line: 7)
        b.deduction("T1", loan: "L1", date: "2026-04-10", principal: "300.00", interest: "50.00", line: 9)
        // A failed line neither adds to Σ nor counts: its 300.00 due was not taken.
        b.failed("T3", loan: "L2", date: "2026-04-25")
        // May: only 350.00 taken, 1036.50 left ≥ 900.00.
        b.deduction("T4", loan: "L1", date: "2026-05-01", principal: "300.00", interest: "50.00")
        let e401 = DeductionRules.findings(b.ledger).only(.e401)
        #expect(e401.count == 1)
        #expect(e401.first?.amount == fen("113.50"))
        #expect(e401.first?.subject.month == YearMonth(iso: "2026-04"))
        // The source is the month's first line by date (T1, line 9), not the first in file order.
        #expect(e401.first?.source == "B105_DEDU_360700_20260430_001.txt:9")
        #expect(e401.first?.detail == "2026-04 养老金 1386.50 元，扣款 600.00 元（2 笔合计），余 786.50 元，低于 2026 年低保标准 900.00 元，差 113.50 元")
    }

    @Test func theLargestPensionOfTheMonthCounts() throws {
        var b = try ganzhou(drawdowns: ["L1", "L2"])
        // Pensions stated 1200.00, 1386.50 and none: the largest is 1386.50.
        // Σ = 300.00 + 200.00 + 0.00 = 500.00; 1386.50 − 500.00 = 886.50; 900.00 − 886.50 = 13.50.
        // (The first line's 1200.00 would give 900.00 − 700.00 = 200.00.)
        b.deduction("T1", loan: "L1", date: "2026-04-05", principal: "300.00", pension: "1200.00")
        b.deduction("T2", loan: "L2", date: "2026-04-25", principal: "200.00", pension: "1386.50")
        b.deduction("T3", loan: "L1", date: "2026-04-28", principal: "0.00", result: .partial, due: "100.00", pension: nil)
        let e401 = DeductionRules.findings(b.ledger).only(.e401)
        #expect(e401.map(\.amount) == [fen("13.50")])
    }

    @Test func aMonthWithoutPensionOrStandardOrCollectionRaisesNothing() throws {
        var b = try ganzhou()
        // 2026-03: 1000.00 taken but no line states the pension.
        b.deduction("T1", date: "2026-03-10", principal: "1000.00", pension: nil)
        // 2026-06: only a failed line, pension 800.00 < 900.00: nothing was taken, not counted.
        b.failed("T2", date: "2026-06-10", pension: "800.00")
        // 2027-02: 1386.50 − 1300.00 = 86.50, but reference.md has no 2027 standard.
        b.deduction("T3", date: "2027-02-10", principal: "1300.00", pension: "1386.50")
        #expect(DeductionRules.findings(b.ledger).only(.e401).isEmpty)
    }

    @Test func theStandardIsThatOfTheDeductionsYear() throws {
        var b = try ganzhou()
        // 1386.50 − 500.00 = 886.50 each time.
        // 2024-12: standard 870.00, 886.50 ≥ 870.00: nothing.
        b.deduction("T1", date: "2024-12-10", principal: "500.00")
        // 2025-01: standard 900.00: 900.00 − 886.50 = 13.50.
        b.deduction("T2", date: "2025-01-10", principal: "500.00")
        let e401 = DeductionRules.findings(b.ledger).only(.e401)
        #expect(e401.map(\.subject.month) == [YearMonth(iso: "2025-01")])
        #expect(e401.map(\.amount) == [fen("13.50")])
    }

    // MARK: E402, E403 — failures

    @Test func everyFailedLineOfAnyKindWarns() throws {
        var b = try ganzhou()
        b.failed("T1", date: "2026-03-10", kind: .pensionDeduction, due: "300.00")
        b.failed("T2", date: "2026-03-20", kind: .voluntary, due: "500.00", pension: nil)
        b.deduction("T3", date: "2026-04-10", principal: "300.00")
        b.deduction("T4", date: "2026-05-10", principal: "100.00", result: .partial, due: "300.00")
        let e402 = DeductionRules.findings(b.ledger).only(.e402)
        #expect(e402.map(\.subject.txnNo) == ["T1", "T2"])
        #expect(e402.map(\.amount) == [fen("300.00"), fen("500.00")])
        #expect(e402.allSatisfy { $0.severity == .warning })
        #expect(e402.first?.subject == .transaction(b.ledger.transactions[0]))
    }

    @Test func otherKindsNeitherCountNorEndARun() throws {
        var b = try ganzhou()
        b.failed("T1", date: "2026-02-10")
        b.failed("T2", date: "2026-03-10")
        b.failed("T3", date: "2026-03-20", kind: .voluntary, due: "500.00", pension: nil)   // not counted
        b.deduction("T4", date: "2026-03-25", kind: .voluntary, principal: "100.00")       // does not end it
        b.failed("T5", date: "2026-04-10", due: "310.00")                            // third P failure
        let e403 = DeductionRules.findings(b.ledger).only(.e403)
        #expect(e403.map(\.subject.txnNo) == ["T5"])
        #expect(e403.map(\.amount) == [fen("310.00")])
        #expect(e403.first?.detail == "连续第 3 次养老金扣款失败（2026-02-10、2026-03-10、2026-04-10），本次应扣 310.00 元")
    }

    @Test func aSuccessfulDeductionEndsTheRun() throws {
        var b = try ganzhou()
        // F, F, S, F, F: two runs of two.
        b.failed("T1", date: "2026-02-10")
        b.failed("T2", date: "2026-03-10")
        b.deduction("T3", date: "2026-04-10", principal: "300.00")
        b.failed("T4", date: "2026-05-10")
        b.failed("T5", date: "2026-06-10")
        #expect(DeductionRules.findings(b.ledger).only(.e403).isEmpty)
        // A partly collected deduction ends a run too: F, F, P, F → none.
        var p = try ganzhou()
        p.failed("T1", date: "2026-02-10")
        p.failed("T2", date: "2026-03-10")
        p.deduction("T3", date: "2026-04-10", principal: "100.00", result: .partial, due: "300.00")
        p.failed("T4", date: "2026-05-10")
        #expect(DeductionRules.findings(p.ledger).only(.e403).isEmpty)
    }

    @Test func oneEscalationPerRun() throws {
        var b = try ganzhou()
        // F, F, F, F: E403 on the third only. Then S, F, F, F: a new run, a new E403 on T8.
        for (n, month) in ["02", "03", "04", "05"].enumerated() { b.failed("T\(n + 1)", date: "2026-\(month)-10") }
        b.deduction("T5", date: "2026-06-10", principal: "300.00")
        for (n, month) in ["07", "08", "09"].enumerated() { b.failed("T\(n + 6)", date: "2026-\(month)-10") }
        let e403 = DeductionRules.findings(b.ledger).only(.e403)
        #expect(e403.map(\.subject.txnNo) == ["T3", "T8"])
        #expect(e403.map(\.amount) == [fen("300.00"), fen("300.00")])
    }

    @Test func runsAreOrderedByDateThenTxnNoAndKeptPerDrawdown() throws {
        var b = try ganzhou(drawdowns: ["L1", "L2"])
        // File order F, F, F, S: a run of three. By date F(T01), F(T02), S(T03): no run of three.
        b.failed("T05", date: "2026-04-10")
        b.failed("T01", date: "2026-01-10")
        b.failed("T02", date: "2026-02-10")
        b.deduction("T03", date: "2026-03-10", principal: "300.00")
        b.failed("T06", date: "2026-04-20")
        // Same date, T12 (F) sent before T11 (S): txnNo decides, so after F(T05), F(T06) comes
        // S(T11), then F(T12). File order would make T12 the third failure in a row.
        b.failed("T12", date: "2026-05-10")
        b.deduction("T11", date: "2026-05-10", principal: "300.00")
        // L2 fails twice in between (after T05, before T06 and T12): its run is its own.
        b.failed("T21", loan: "L2", date: "2026-04-11")
        b.failed("T22", loan: "L2", date: "2026-05-09")
        #expect(DeductionRules.findings(b.ledger).only(.e403).isEmpty)
    }

    // MARK: E404 — the basic pension (tongling)

    @Test func takingFromTheBasicPensionWithoutConsent() throws {
        var b = try tongling()
        // 450.00 + 50.00 = 500.00 > 600.00 − 200.00 = 400.00: 500.00 − 400.00 = 100.00 from the basic pension.
        b.deduction("T1", date: "2026-04-10", principal: "450.00", interest: "50.00", pension: "600.00", basic: "200.00")
        // Exactly 400.00: not more than the non-basic part.
        b.deduction("T2", date: "2026-05-10", principal: "380.00", interest: "20.00", pension: "600.00", basic: "200.00")
        // 900.00 taken: 900.00 − 400.00 = 500.00, capped at the basic pension 200.00.
        b.deduction("T3", date: "2026-06-10", principal: "900.00", pension: "600.00", basic: "200.00")
        // No basicPension: counts as 0; 650.00 > 600.00 − 0.00, but none of it was basic pension: 0.00.
        b.deduction("T4", date: "2026-07-10", principal: "650.00", pension: "600.00", basic: nil)
        // No basicPension, 600.00 taken = 600.00 − 0.00: nothing.
        b.deduction("T5", date: "2026-08-10", principal: "600.00", pension: "600.00", basic: nil)
        // No pension stated: nothing. Failed: nothing.
        b.deduction("T6", date: "2026-09-10", principal: "900.00", pension: nil, basic: "200.00")
        b.failed("T7", date: "2026-10-10", due: "900.00", pension: "600.00")
        let e404 = DeductionRules.findings(b.ledger).only(.e404)
        #expect(e404.map(\.subject.txnNo) == ["T1", "T3", "T4"])
        #expect(e404.map(\.amount) == [fen("100.00"), fen("200.00"), fen("0.00")])
        #expect(e404.first?.detail == "2026-04-10 扣款本息 500.00 元，养老金 600.00 元（其中基础养老金 200.00 元），基础养老金以外部分 400.00 元，超出 100.00 元，动用基础养老金 100.00 元；2026-01-07 参保登记未记载借款人同意从基础养老金扣款")
    }

    @Test func consentAllowsTakingFromTheBasicPension() throws {
        var b = try tongling(consent: true)
        // Same 100.00 from the basic pension as above, but the borrower consented.
        b.deduction("T1", date: "2026-04-10", principal: "450.00", interest: "50.00", pension: "600.00", basic: "200.00")
        #expect(DeductionRules.findings(b.ledger).only(.e404).isEmpty)
    }

    @Test func consentIsReadOnTheDeductionsDate() throws {
        var b = try tongling(consent: false)   // extract of 2026-01-07: no consent
        b.participant(asOf: "2026-05-01", pensionStart: "2026-01", pension: "600.00", basic: "200.00", consent: true)
        b.participant(asOf: "2026-09-01", pensionStart: "2026-01", pension: "600.00", basic: "200.00", consent: false)
        // Each takes 500.00 > 400.00, i.e. 100.00 from the basic pension.
        for (txn, date) in [("T0", "2025-12-10"), ("T1", "2026-04-30"), ("T2", "2026-05-01"), ("T3", "2026-08-31"), ("T4", "2026-09-01")] {
            b.deduction(txn, date: date, principal: "500.00", pension: "600.00", basic: "200.00")
        }
        // T0: before every extract, the first one decides (no consent). T1: 2026-01-07 extract.
        // T2, T3: 2026-05-01 extract (consent). T4: 2026-09-01 extract (consent withdrawn).
        // As of D the latest record has no consent: reading it would raise all five.
        let e404 = DeductionRules.findings(b.ledger).only(.e404)
        #expect(e404.map(\.subject.txnNo) == ["T0", "T1", "T4"])
        #expect(e404.map(\.amount) == [fen("100.00"), fen("100.00"), fen("100.00")])
    }

    // MARK: E405 — before the pension start, or no pension

    @Test func deductionsBeforeThePensionStart() throws {
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1")
        b.participant(pensionStart: "2026-05")
        // 2026-04-30 < 2026-05-01: 300.00 + 20.00 = 320.00.
        b.deduction("T1", date: "2026-04-30", principal: "300.00", interest: "20.00")
        // Failed before the start: raised with 0.00 (nothing collected).
        b.failed("T2", date: "2026-04-10", due: "320.00")
        // On the start day: not before it.
        b.deduction("T3", date: "2026-05-01", principal: "300.00", interest: "20.00")
        // A voluntary repayment before the start is not a pension deduction.
        b.deduction("T4", date: "2026-03-10", kind: .voluntary, principal: "300.00")
        let e405 = DeductionRules.findings(b.ledger).only(.e405)
        #expect(e405.map(\.subject.txnNo) == ["T1", "T2"])
        #expect(e405.map(\.amount) == [fen("320.00"), fen("0.00")])
        #expect(e405.first?.detail == "2026-04-30 养老金扣款早于参保登记的养老金起始日 2026-05-01（成功，扣得本息 320.00 元）")
    }

    @Test func deductionsWithNoPensionInTheRegister() throws {
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1")
        b.drawdown("L9", contract: "C9", id: LedgerBuilder.otherPerson)
        b.participant()                                   // registered, no pension awarded
        // Every kind-P line, whatever its result: 250.00 + 30.00 = 280.00; failed: 0.00.
        b.deduction("T1", date: "2026-08-10", principal: "250.00", interest: "30.00")
        b.failed("T2", date: "2026-09-10")
        // The other person has no register record at all: no pension either, 100.00.
        b.deduction("T9", loan: "L9", contract: "C9", id: LedgerBuilder.otherPerson, date: "2026-08-10", principal: "100.00")
        let e405 = DeductionRules.findings(b.ledger).only(.e405)
        #expect(e405.map(\.subject.txnNo) == ["T1", "T2", "T9"])
        #expect(e405.map(\.amount) == [fen("280.00"), fen("0.00"), fen("100.00")])
    }

    @Test func thePensionIsReadAsOfD() throws {
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1")
        b.participant(asOf: "2026-01-07")                 // no pension yet
        b.participant(asOf: "2026-04-01", pensionStart: "2026-03")
        // 2026-03-10: the register on that day had no pension, but as of D it starts 2026-03-01.
        b.deduction("T1", date: "2026-03-10", principal: "300.00")
        // 2026-02-10 is before the start as of D: 300.00.
        b.deduction("T2", date: "2026-02-10", principal: "300.00")
        let e405 = DeductionRules.findings(b.ledger).only(.e405)
        #expect(e405.map(\.subject.txnNo) == ["T2"])
        #expect(e405.map(\.amount) == [fen("300.00")])
    }

    // MARK: E407 — the bank's balance

    @Test func balanceAfterIsComparedSigned() throws {
        var b = try ganzhou()   // L1: 8904.00
        // 8904.00 − 700.00 = 8204.00: agrees.
        b.deduction("T1", date: "2026-02-10", principal: "700.00", balanceAfter: "8204.00")
        // Failed: nothing repaid, still 8204.00: agrees.
        b.failed("T2", date: "2026-03-10", balanceAfter: "8204.00")
        // 8904.00 − 1400.00 = 7504.00; the bank says 7604.00: +100.00.
        b.deduction("T3", date: "2026-04-10", principal: "700.00", balanceAfter: "7604.00")
        // 8904.00 − 2100.00 = 6804.00; the bank says 6704.00: −100.00.
        b.deduction("T4", date: "2026-05-10", principal: "700.00", balanceAfter: "6704.00")
        let e407 = DeductionRules.findings(b.ledger).only(.e407)
        #expect(e407.map(\.subject.txnNo) == ["T3", "T4"])
        #expect(e407.map(\.amount) == [fen("100.00"), fen("-100.00")])
        #expect(e407.first?.detail == "2026-04-10 银行报送余额 7604.00 元；放款 8904.00 元减截至当日已还本金 1400.00 元应为 7504.00 元，差 100.00 元")
    }

    @Test func everyRepaymentOfTheDateCounts() throws {
        var b = try ganzhou()   // L1: 8904.00
        // Two lines on 2026-06-10: 500.00 (P) and 300.00 (V); through that date
        // 8904.00 − 800.00 = 8104.00. T2's 8104.00 agrees; T1's running 8404.00 is 8404.00 − 8104.00 = +300.00.
        b.deduction("T1", date: "2026-06-10", principal: "500.00", balanceAfter: "8404.00")
        b.deduction("T2", date: "2026-06-10", kind: .voluntary, principal: "300.00", balanceAfter: "8104.00")
        // A later line counts nothing of the future: 2026-06-09 with 8904.00 agrees.
        b.deduction("T0", date: "2026-06-09", kind: .voluntary, result: .failed, due: "100.00", balanceAfter: "8904.00")
        let e407 = DeductionRules.findings(b.ledger).only(.e407)
        #expect(e407.map(\.subject.txnNo) == ["T1"])
        #expect(e407.map(\.amount) == [fen("300.00")])
    }

    // MARK: E408 — the account

    @Test func aDeductionFromAnotherAccountWarns() throws {
        var b = try ganzhou()
        b.participant(asOf: "2026-06-01", account: LedgerBuilder.otherAccount, pensionStart: "2026-01")
        // Before 2026-06-01 the SSC account is sscAccount, from it otherAccount.
        b.deduction("T1", date: "2026-05-10", principal: "300.00", account: LedgerBuilder.otherAccount)   // wrong then
        b.deduction("T2", date: "2026-05-20", principal: "300.00", account: LedgerBuilder.sscAccount)     // right then
        b.deduction("T3", date: "2026-06-10", principal: "300.00", account: LedgerBuilder.otherAccount)   // right now
        b.deduction("T4", date: "2026-07-10", principal: "300.00", account: LedgerBuilder.sscAccount)     // wrong now
        b.failed("T5", date: "2026-08-10")                                                                 // failed, wrong too
        b.deduction("T6", date: "2026-08-20", kind: .voluntary, principal: "300.00", account: "6200000000000000001") // not kind P
        let e408 = DeductionRules.findings(b.ledger).only(.e408)
        #expect(e408.map(\.subject.txnNo) == ["T1", "T4", "T5"])
        #expect(e408.allSatisfy { $0.amount == nil && $0.severity == .warning })
        #expect(e408.first?.detail == "2026-05-10 养老金扣款的扣款账户不是 2026-01-07 参保登记的社保卡金融账户")
    }

    // MARK: profiles and personal data

    @Test func profileCodesStayInTheirProfile() throws {
        // The same lines in both profiles: 500.00 taken of 600.00 (basic 200.00): E404 in tongling;
        // 600.00 − 500.00 = 100.00 left, below either standard: E401 in ganzhou.
        var g = try ganzhou()
        g.deduction("T1", date: "2026-04-10", principal: "500.00", pension: "600.00", basic: "200.00", balanceAfter: "8404.00")
        var t = try tongling()
        t.deduction("T1", date: "2026-04-10", principal: "500.00", pension: "600.00", basic: "200.00", balanceAfter: "8404.00")
        let ganzhouCodes = DeductionRules.findings(g.ledger).codes()
        let tonglingCodes = DeductionRules.findings(t.ledger).codes()
        // 900.00 − 100.00 = 800.00.
        #expect(ganzhouCodes == [.e401])
        #expect(DeductionRules.findings(g.ledger).first?.amount == fen("800.00"))
        // 500.00 − 400.00 = 100.00.
        #expect(tonglingCodes == [.e404])
        #expect(DeductionRules.findings(t.ledger).first?.amount == fen("100.00"))
    }

    @Test func detailsCarryNoIDNumberNameOrAccount() throws {
        var b = try ganzhou()
        b.participant(asOf: "2026-03-01", pensionStart: "2026-06", pension: "1000.00")
        b.deduction("T1", date: "2026-04-10", principal: "500.00", pension: "1000.00", account: LedgerBuilder.otherAccount)
        for (n, month) in ["05", "06", "07"].enumerated() { b.failed("T\(n + 2)", date: "2026-\(month)-10") }
        let found = DeductionRules.findings(b.ledger)
        #expect(Set(found.codes()) == [.e401, .e402, .e403, .e405, .e407, .e408])
        for finding in found {
            for secret in [LedgerBuilder.borrower, "刘建国", "建国", LedgerBuilder.otherAccount, LedgerBuilder.sscAccount, "9876", "4567"] {
                #expect(!finding.detail.contains(secret), "\(finding.code): \(finding.detail)")
            }
        }
    }
}
