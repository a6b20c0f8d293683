import Testing
@testable import ZhubaoCore

@Suite struct ClaimStatementTests {
    /// A subsidised drawdown of a bank that sent no CLAIM file gives that bank no claim at all.
    @Test func onlyBanksWithAClaimGetOne() throws {
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample()
        b.drawdown("L9", contract: "C1", bank: "103", amount: "5000.00")
        b.claim("L1", claimed: "270.00")
        let statement = ClaimStatement(ledger: b.ledger, year: 2026)
        #expect(statement.banks == ["103", "105"], "both banks have subsidised days")
        #expect(statement.claimingBanks == ["105"])
    }

    /// A claim line of a bank that is not a partner of the city shows the drawdown's E203.
    @Test func aNonPartnerBanksLinesShowE203() throws {
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.participant()
        b.drawdown("L1", bank: "308")
        b.snapshot("MZ", date: "2026-01-31", [LedgerBuilder.row(since: "2024-03-01")])
        b.claim("L1", claimed: "270.00", bank: "308")
        b.claim("L7", contract: "C7", claimed: "10.00", bank: "308")
        let lines = ClaimStatement(ledger: b.ledger, year: 2026).lines(bank: "308")
        #expect(lines.map(\.loanNo) == ["L1", "L7"])
        #expect(lines[0].codes.contains(.e203))
        #expect(lines[1].codes == [.e504], "no drawdown known: nothing to say about its bank")
        let partner = ClaimStatement(ledger: b.ledger, year: 2026)
        #expect(!b.ledger.settings.partnerBanks.contains("308"))
        #expect(partner.claimingBanks == ["308"])
    }
}
