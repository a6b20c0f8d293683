import Testing
@testable import ZhubaoCore

/// rules.md §7 E406: interest collected through a transaction against what the borrower owed
/// for the days before its date, subsidised days left out. Worked out by hand in the comments.
/// At 3.6000 % a year, interest = 积数 × 0.036 ÷ 360 = 积数 ÷ 10,000, which keeps the sums short.
@Suite struct InterestRulesTests {
    @Test func anEarlyPayoffChargedForItsOwnDayToo() throws {
        // 10000.00 at 3.6 % disbursed 2026-03-01, paid off 2026-03-31 (tongling: no subsidy).
        // Owed: 1–30 March, 30 days × 10000.00 = 300,000.00 ÷ 10,000 = 30.00. The bank took
        // 31.00 (it counted 31 March as well): excess 1.00.
        var b = try LedgerBuilder(asOf: "2026-04-30", profile: .tongling2022)
        b.participant()
        let drawdown = b.drawdown("L1", amount: "10000.00", rate: "3.6000", disbursed: "2026-03-01", matures: "2027-02-28")
        b.transaction("T1", loan: "L1", date: "2026-03-31", kind: .earlyPayoff, principal: "10000.00", interest: "31.00")
        let findings = InterestRules.findings(ledger: b.ledger)

        #expect(findings.codes() == [.e406])
        let finding = try #require(findings.first)
        #expect(finding.amount == fen("1.00"))
        #expect(finding.subject == .drawdown(drawdown))
        #expect(finding.source == drawdown.source)
        #expect(finding.detail.contains("累计收取利息 31.00 元"))
        #expect(finding.detail.contains("积数 300000.00 × 3.6000% ÷ 360 = 30.00 元"))
        expectNoPersonalData(findings)
    }

    @Test func interestForTheActualDaysIsNoOvercharge() throws {
        // The same payoff with 30.00 of interest: exactly what was owed.
        var b = try LedgerBuilder(asOf: "2026-04-30", profile: .tongling2022)
        b.drawdown("L1", amount: "10000.00", rate: "3.6000", disbursed: "2026-03-01", matures: "2027-02-28")
        b.transaction("T1", loan: "L1", date: "2026-03-31", kind: .earlyPayoff, principal: "10000.00", interest: "30.00")
        #expect(InterestRules.findings(ledger: b.ledger).isEmpty)
    }

    @Test func oneFindingWithTheLargestExcessAndFailedLinesCollectNothing() throws {
        // 10000.00 at 3.6 % from 2026-03-01, interest only:
        //   T1 2026-04-01, 35.00: collected 35.00; owed 1–31 March, 31 × 10000.00 → 31.00; excess 4.00
        //   T2 2026-05-01, 28.00: collected 63.00; owed 1 March–30 April, 61 days → 61.00; excess 2.00
        //   T3 2026-05-15, 50.00 but failed (F): collected stays 63.00; owed 75 days → 75.00
        // One E406, amount 4.00 (at T1). Were T3 counted: 113.00 − 75.00 = 38.00.
        var b = try LedgerBuilder(asOf: "2026-06-30")
        b.drawdown("L1", amount: "10000.00", rate: "3.6000", disbursed: "2026-03-01", matures: "2027-02-28")
        b.transaction("T1", loan: "L1", date: "2026-04-01", kind: .voluntary, interest: "35.00", balanceAfter: "10000.00")
        b.transaction("T2", loan: "L1", date: "2026-05-01", kind: .voluntary, interest: "28.00", balanceAfter: "10000.00")
        b.transaction("T3", loan: "L1", date: "2026-05-15", interest: "50.00", result: .failed, balanceAfter: "10000.00")
        let findings = InterestRules.findings(ledger: b.ledger)
        #expect(findings.count == 1)
        #expect(findings.first?.amount == fen("4.00"))
        #expect(findings.first?.detail.contains("流水 T1") == true)
    }

    @Test func subsidisedDaysAreNotOwedByTheBorrower() throws {
        // ganzhou, the sample drawdown 8904.00 at 3 % from 2026-01-15, paid off 2026-03-01 with
        // 20.00 of interest. 15 January – 28 February = 17 + 28 = 45 days.
        // Certified: every one of those days is subsidised, the borrower owed 0.00: excess 20.00.
        var certified = try LedgerBuilder(asOf: "2026-03-31")
        certified.sample()
        certified.transaction("T1", loan: "L1", date: "2026-03-01", kind: .earlyPayoff, principal: "8904.00", interest: "20.00")
        let findings = InterestRules.findings(ledger: certified.ledger)
        #expect(findings.codes() == [.e406])
        #expect(findings.first?.amount == fen("20.00"))
        #expect(findings.first?.detail.contains("积数 400680.00，其中贴息天数 400680.00，借款人负担 0.00 × 3.0000% ÷ 360 = 0.00 元") == true)

        // Not certified: the borrower owed 45 × 8904.00 = 400,680.00 × 3 % = 12,020.40
        // ÷ 360 = 33.39; 20.00 is below it: no E406.
        var uncertified = try LedgerBuilder(asOf: "2026-03-31")
        uncertified.sample(certified: false)
        uncertified.transaction("T1", loan: "L1", date: "2026-03-01", kind: .earlyPayoff, principal: "8904.00", interest: "20.00")
        #expect(InterestRules.findings(ledger: uncertified.ledger).isEmpty)
    }

    @Test func transactionsAfterTheAsOfDateWait() throws {
        // Interest taken on the disbursement day itself is all excess (no day owed yet), but a
        // transaction dated after D is not looked at.
        var b = try LedgerBuilder(asOf: "2026-03-15", profile: .tongling2022)
        b.drawdown("L1", amount: "10000.00", rate: "3.6000", disbursed: "2026-03-01", matures: "2027-02-28")
        b.drawdown("L2", amount: "10000.00", rate: "3.6000", disbursed: "2026-03-01", matures: "2027-02-28")
        b.transaction("T1", loan: "L1", date: "2026-03-01", kind: .voluntary, interest: "5.00", balanceAfter: "10000.00")
        b.transaction("T2", loan: "L2", date: "2026-03-20", kind: .earlyPayoff, principal: "10000.00", interest: "99.00")
        let findings = InterestRules.findings(ledger: b.ledger)
        #expect(findings.map(\.subject.loanNo) == ["L1"])
        #expect(findings.first?.amount == fen("5.00"))
    }
}
