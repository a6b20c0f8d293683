import Testing
@testable import ZhubaoCore

/// rules.md §7 E501–E504: a bank's claimed subsidy against the one computed (rules.md §4).
/// The sample's computed subsidy is 260.44 (see SubsidyTests: 8904.00 × 351 days = 3,125,304.00
/// × 3 % ÷ 360 = 260.442 → 260.44).
@Suite struct ClaimRulesTests {
    func sample(claimed: String, certified: Bool = true) throws -> LedgerBuilder {
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample(certified: certified)
        b.claim("L1", claimed: claimed)
        return b
    }

    func verdicts(_ b: LedgerBuilder) -> [ClaimVerdict] {
        ClaimRules.verdicts(ledger: b.ledger)
    }

    @Test func theSpecsSampleClaimIsE501() throws {
        // Claimed 270.00, computed 260.44: E501, excess 270.00 − 260.44 = 9.56; 260.44 approved.
        let b = try sample(claimed: "270.00")
        let verdict = try #require(verdicts(b).first)
        #expect(verdict.codes == [.e501])
        #expect(verdict.computed == fen("260.44"))
        #expect(verdict.approved == fen("260.44"))
        #expect(verdict.subsidy?.days == 351)

        let finding = try #require(verdict.findings.first)
        #expect(finding.amount == fen("9.56"))
        #expect(finding.subject == Finding.Subject(idNumber: LedgerBuilder.borrower, contractNo: "C1",
                                                   loanNo: "L1", year: 2026))
        #expect(finding.key == "E501|L1|2026")
        #expect(finding.source == "B105_CLAIM_360700_20270112_001.txt:2")
        #expect(finding.detail.contains("申请 270.00 元，核定 260.44 元（积数 3125304.00 × 3.0000% ÷ 360"))
        #expect(finding.detail.contains("多申请 9.56 元"))
        #expect(ClaimRules.findings(ledger: b.ledger) == verdict.findings)
        expectNoPersonalData(verdict.findings)
    }

    @Test func aLowerClaimIsE503AndApprovedAsClaimed() throws {
        // Claimed 250.00 < 260.44: E503, difference 10.44; 250.00 approved.
        let verdict = try #require(verdicts(try sample(claimed: "250.00")).first)
        #expect(verdict.codes == [.e503])
        #expect(verdict.findings.first?.amount == fen("10.44"))
        #expect(verdict.approved == fen("250.00"))
    }

    @Test func anExactClaimRaisesNothing() throws {
        let verdict = try #require(verdicts(try sample(claimed: "260.44")).first)
        #expect(verdict.codes.isEmpty)
        #expect(verdict.approved == fen("260.44"))
    }

    @Test func aClaimOfZeroRaisesNothingAndApprovesNothing() throws {
        let verdict = try #require(verdicts(try sample(claimed: "0.00")).first)
        #expect(verdict.codes.isEmpty)
        #expect(verdict.computed == fen("260.44"))
        #expect(verdict.approved == .zero)
    }

    @Test func aClaimWhereNoneIsDueIsE502() throws {
        // Not certified on the first drawdown's day: no subsidised day in 2026. The whole
        // 270.00 claimed is the amount; nothing is approved.
        let verdict = try #require(verdicts(try sample(claimed: "270.00", certified: false)).first)
        #expect(verdict.codes == [.e502])
        #expect(verdict.findings.first?.amount == fen("270.00"))
        #expect(verdict.approved == .zero)
        #expect(verdict.findings.first?.detail.contains("首笔放款日 2026-01-15") == true)
        expectNoPersonalData(verdict.findings)

        // Claiming 0.00 where none is due is no exception.
        #expect(verdicts(try sample(claimed: "0.00", certified: false)).first?.codes == [])
    }

    @Test func aClaimForAYearBeforeTheDrawdownIsE502() throws {
        // The drawdown of 2026-01-15 has no day in 2025.
        var b = try sample(claimed: "270.00")
        b.claim("L1", year: 2025, from: "2025-01-01", to: "2025-12-31", days: 365, accumulated: "100.00", claimed: "5.00")
        let codes = verdicts(b).map { "\($0.line.year):\($0.codes.joined(separator: ""))" }
        #expect(codes == ["2025:E502", "2026:E501"])
    }

    @Test func aClaimOnAnUnknownOrCancelledDrawdownIsE504() throws {
        // L9 names no drawdown; L2 was cancelled. Amount: what was claimed; nothing approved.
        var b = try sample(claimed: "260.44")
        b.drawdown("L2", amount: "4452.00", cancelled: true)
        b.claim("L2", claimed: "130.22")
        b.claim("L9", contract: "C9", claimed: "12.00")
        let found = verdicts(b)
        #expect(found.map(\.line.loanNo) == ["L1", "L2", "L9"])
        #expect(found.map(\.codes) == [[], [.e504], [.e504]])
        #expect(found.map(\.approved) == [fen("260.44"), .zero, .zero])
        let unknown = try #require(found.last?.findings.first)
        #expect(unknown.amount == fen("12.00"))
        // The subject names what the claim line says where no drawdown is known.
        #expect(unknown.subject == Finding.Subject(idNumber: LedgerBuilder.borrower, contractNo: "C9",
                                                   loanNo: "L9", year: 2026))
        #expect(found[1].findings.first?.detail.contains("已冲销") == true)
    }

    @Test func theBanksFiguresAreShownNotChecked() throws {
        // The bank counted 352 days and 3134208.00 of 积数 but claims exactly 260.44: no code,
        // and a 270.00 claim mentions its figures beside the computed ones.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.sample()
        b.claim("L1", from: "2026-01-14", days: 352, accumulated: "3134208.00", claimed: "260.44")
        #expect(verdicts(b).first?.codes == [])

        var c = try LedgerBuilder(asOf: "2027-01-20")
        c.sample()
        c.claim("L1", from: "2026-01-14", days: 352, accumulated: "3134208.00", claimed: "270.00")
        let detail = try #require(verdicts(c).first?.findings.first?.detail)
        #expect(detail.contains("银行所报 2026-01-14 至 2026-12-31 共 352 天，积数 3134208.00 × 3.0000% ÷ 360"))
    }

    @Test func tonglingHasNoClaims() throws {
        var b = try LedgerBuilder(asOf: "2027-01-20", profile: .tongling2022)
        b.sample()
        b.claim("L1", claimed: "270.00")
        #expect(ClaimRules.findings(ledger: b.ledger).isEmpty)
    }
}
