import Testing
@testable import ZhubaoCore

/// rules.md §7 E409 and E410: a borrower who died, D at least 30 days after, a balance left.
@Suite struct DeathRulesTests {
    /// The sample borrower (certified, eligible in 2026), 1000.00 repaid on 2026-04-10 so that
    /// 8904.00 − 1000.00 = 7904.00 is left; died 2026-05-10 (register extract of 2026-05-20).
    func died(asOf: String, personalAccount: String? = "5000.00", certified: Bool = true,
              profile: Profile = .ganzhou2021) throws -> LedgerBuilder {
        var b = try LedgerBuilder(asOf: asOf, profile: profile)
        b.sample(certified: certified)
        b.transaction("T1", loan: "L1", date: "2026-04-10", principal: "1000.00", interest: "0.00",
                      pension: "1386.50", balanceAfter: "7904.00")
        b.participant(asOf: "2026-05-20", personalAccount: personalAccount, death: "2026-05-10")
        return b
    }

    @Test func aBalanceLeftAtDeathRaisesE409AndTheShortfallE410() throws {
        // D = 2026-06-09 is exactly 30 days after 2026-05-10 ("at least 30 days").
        // E409: balance on D 7904.00. E410: 7904.00 − personal account 5000.00 = 2904.00.
        let b = try died(asOf: "2026-06-09")
        let findings = DeathRules.findings(ledger: b.ledger)
        #expect(findings.codes() == [.e409, .e410])

        let e409 = try #require(findings.only(.e409).first)
        #expect(e409.amount == fen("7904.00"))
        #expect(e409.subject == .drawdown(b.ledger.drawdowns[0]))
        #expect(e409.source == b.ledger.drawdowns[0].source)

        let e410 = try #require(findings.only(.e410).first)
        #expect(e410.amount == fen("2904.00"))
        #expect(e410.subject == Finding.Subject(idNumber: LedgerBuilder.borrower))
        #expect(e410.detail.contains("余额合计 7904.00 元"))
        #expect(e410.detail.contains("个人账户余额 5000.00 元"))
        expectNoPersonalData(findings)
    }

    @Test func notBeforeTheGraceHasPassed() throws {
        // 2026-06-08 is 29 days after the death: nothing yet.
        #expect(DeathRules.findings(ledger: try died(asOf: "2026-06-08").ledger).isEmpty)
    }

    @Test func anAbsentPersonalAccountCountsAsZero() throws {
        // Shortfall 7904.00 − 0.00 = 7904.00.
        let findings = DeathRules.findings(ledger: try died(asOf: "2026-07-01", personalAccount: nil).ledger)
        #expect(findings.only(.e410).first?.amount == fen("7904.00"))
        #expect(findings.only(.e410).first?.detail.contains("按 0.00 元计") == true)
    }

    @Test func allDrawdownsOfThePersonAreSummedOnce() throws {
        // A second drawdown L2 of 2000.00 under the same contract, nothing repaid: two E409
        // (7904.00 and 2000.00) and one E410: 7904.00 + 2000.00 − 5000.00 = 4904.00.
        var b = try died(asOf: "2026-07-01")
        b.drawdown("L2", amount: "2000.00", disbursed: "2026-02-01", matures: "2027-01-31")
        let findings = DeathRules.findings(ledger: b.ledger)
        #expect(findings.only(.e409).map(\.amount) == [fen("7904.00"), fen("2000.00")])
        #expect(findings.only(.e410).map(\.amount) == [fen("4904.00")])
    }

    @Test func noE410WhenCoveredOrNotEligibleOrInTongling() throws {
        // The personal account (9000.00) covers the 7904.00: E409 only.
        let covered = DeathRules.findings(ledger: try died(asOf: "2026-07-01", personalAccount: "9000.00").ledger)
        #expect(covered.codes() == [.e409])
        // Not certified, so not eligible in 2026, the year of death: E409 only.
        let uncertified = DeathRules.findings(ledger: try died(asOf: "2026-07-01", certified: false).ledger)
        #expect(uncertified.codes() == [.e409])
        // tongling-2022 has no E410.
        let tongling = DeathRules.findings(ledger: try died(asOf: "2026-07-01", profile: .tongling2022).ledger)
        #expect(tongling.codes() == [.e409])
    }

    @Test func aSettledDrawdownRaisesNothing() throws {
        // Settled from the personal account (kind D) on 2026-06-01: balance 0.00 on D.
        var b = try died(asOf: "2026-07-01")
        b.transaction("T2", loan: "L1", date: "2026-06-01", kind: .deathSettlement, principal: "7904.00", interest: "0.00")
        #expect(DeathRules.findings(ledger: b.ledger).isEmpty)
    }
}
