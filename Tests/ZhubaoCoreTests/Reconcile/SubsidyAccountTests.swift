import Testing
@testable import ZhubaoCore

/// `zhubao explain` (issue 16): the account of a claim line, built from the code that computes
/// the claim. Every figure below is worked out by hand in the comments.
@Suite struct SubsidyAccountTests {
    /// 10,000.00 at 3.0000 % disbursed 2026-03-10 (maturing 2027-03-09), 4,000.00 of principal
    /// repaid on 2026-06-01, MZ certifies DB since 2024-03-01 (list of 2026-01-31), D = 2027-01-20.
    func twoBalances(claimed: String? = nil, repaidRest: String? = nil) throws -> ClaimStatement {
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.participant()
        b.certify(since: "2024-03-01", listedOn: "2026-01-31")
        b.drawdown("L1", amount: "10000.00", disbursed: "2026-03-10", matures: "2027-03-09")
        b.transaction("T1", loan: "L1", date: "2026-06-01", principal: "4000.00")
        if let repaidRest { b.transaction("T2", loan: "L1", date: repaidRest, principal: "6000.00") }
        if let claimed { b.claim("L1", from: "2026-03-10", days: 297, accumulated: "2114000.00", claimed: claimed) }
        return ClaimStatement(ledger: b.ledger, year: 2026)
    }

    @Test func theSpansOfTwoBalancesAddUpToTheClaimLine() throws {
        // Eligible: certified DB on 2026-03-10, the first drawdown's day.
        // 2026-03-10 … 2026-05-31: 22 (March) + 30 + 31 = 83 days × 10,000.00 = 830,000.00
        // 2026-06-01 … 2026-12-31: 30 + 31 + 31 + 30 + 31 + 30 + 31 = 214 days × 6,000.00 = 1,284,000.00
        // 积数 = 2,114,000.00 over 297 days; × 3 % = 63,420.00; ÷ 360 = 176.1666… → 176.17.
        let statement = try twoBalances(claimed: "176.17")
        let account = statement.account(loanNo: "L1")
        let e = try #require(account.eligibility)
        #expect(e.day == d("2026-03-10") && e.basis == .firstDrawdown && e.isEligible)
        #expect(e.held == [.init(department: "MZ", category: "DB", from: d("2024-03-01"), until: nil)])
        #expect(account.cap == Rate(percent: "3.0000") && account.rate == Rate(percent: "3.0000"))
        #expect(account.capBasis == "2025-05-20 起的 1 年期 LPR")
        #expect(account.window == d("2026-03-10")...d("2026-12-31"))
        #expect(account.spans == [
            .init(from: d("2026-03-10"), to: d("2026-05-31"), balance: fen("10000.00")),
            .init(from: d("2026-06-01"), to: d("2026-12-31"), balance: fen("6000.00")),
        ])
        #expect(account.spans.map(\.days) == [83, 214])
        #expect(account.spans.map(\.product) == [fen("830000.00"), fen("1284000.00")])
        #expect(account.spanTotal.days == 297 && account.spanTotal.accumulated == fen("2114000.00"))
        let line = try #require(account.line)
        #expect((line.days, line.accumulated, line.computed) == (297, fen("2114000.00"), fen("176.17")))
        let exact = try #require(account.exact)
        #expect(exact.productYuan == "63420.00")
        #expect(exact.decimalYuan.digits == "176.16" && exact.decimalYuan.repeating == "6")
        #expect(exact.rounded == fen("176.17"))
        #expect(account.verdict == .init(claimed: fen("176.17"), approved: fen("176.17"), codes: [], reason: ""))

        let text = SubsidyAccountReport.text(account)
        for expected in ["判定日 2026-03-10（首笔放款日）", "最低生活保障对象（DB）", "2024-03-01", "无终止",
                         "积数 2,114,000.00 元 × 3.0000% = 63420.00 元", "÷ 360 = 176.16666…（6 循环）元（未舍入的精确值）",
                         "四舍五入到分（每笔借据每年只舍入一次）：176.17 元", "结论：核准",
                         "360702********0030", "刘*国"] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(!text.contains(LedgerBuilder.borrower) && !text.contains("刘建国"))
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["2026-03-10", "2026-05-31", "83", "10,000.00", "830,000.00"]))
        #expect(rows.contains(["2026-06-01", "2026-12-31", "214", "6,000.00", "1,284,000.00"]))
        #expect(rows.contains(["合计（积数）", "297", "2,114,000.00"]))
    }

    @Test func aBalanceRepaidToZeroIsListedAndNotCountedAndAnExcessIsE501() throws {
        // As above, and the other 6,000.00 repaid on 2026-11-01:
        // 2026-06-01 … 2026-10-31: 30 + 31 + 31 + 30 + 31 = 153 days × 6,000.00 = 918,000.00
        // 2026-11-01 … 2026-12-31: 61 days at 0.00, not counted.
        // 积数 = 830,000.00 + 918,000.00 = 1,748,000.00 over 236 days; × 3 % = 52,440.00;
        // ÷ 360 = 145.6666… → 145.67. Claimed 176.17: E501, 30.50 too much, 145.67 approved.
        let account = try twoBalances(claimed: "176.17", repaidRest: "2026-11-01").account(loanNo: "L1")
        #expect(account.spans.map(\.days) == [83, 153, 61])
        #expect(account.spans.map(\.counts) == [true, true, false])
        #expect(account.spans.map(\.product) == [fen("830000.00"), fen("918000.00"), .zero])
        #expect(account.spanTotal.days == 236 && account.spanTotal.accumulated == fen("1748000.00"))
        #expect(account.line?.computed == fen("145.67"))
        #expect(account.exact?.decimalText == "145.66666…（6 循环）")
        let verdict = try #require(account.verdict)
        #expect(verdict.codes == [.e501] && verdict.approved == fen("145.67") && verdict.claimed == fen("176.17"))
        let text = SubsidyAccountReport.text(account)
        #expect(text.contains("结论：E501：") && text.contains("多申请 30.50 元"), "\(text)")
        #expect(text.contains("不计"))
    }

    @Test func notCertifiedOnTheReviewDateGivesTheReasonAndE502() throws {
        // Disbursed 2025-06-01 while certified; the list of 2026-01-20 no longer names the
        // borrower, so the certification ends 2026-01-20 and 2026 is decided on 2026-01-31
        // without one: no subsidy in 2026, and a claim for it is E502.
        var b = try LedgerBuilder(asOf: "2027-01-20")
        b.participant()
        b.drawdown("L1", amount: "3600.00", disbursed: "2025-06-01", matures: "2027-05-31")
        b.certify(since: "2025-01-01", listedOn: "2025-05-31")
        b.snapshot("MZ", date: "2026-01-20", [])
        b.claim("L1", claimed: "50.00")
        let account = ClaimStatement(ledger: b.ledger, year: 2026).account(loanNo: "L1")
        let e = try #require(account.eligibility)
        #expect(e.day == d("2026-01-31") && e.basis == .reviewDate && !e.isEligible)
        #expect(e.known == [.init(department: "MZ", category: "DB", from: d("2025-01-01"), until: d("2026-01-20"))])
        #expect(account.line == nil && account.exact == nil && account.window == nil)
        #expect(account.noSubsidyReason == "借款人在年度审核日 2026-01-31 无有效困难认定，2026 年不符合贴息条件")
        #expect(account.verdict?.codes == [.e502] && account.verdict?.approved == .zero)
        let text = SubsidyAccountReport.text(account)
        #expect(text.contains("判定日 2026-01-31（年度复核日）：当日无有效困难认定"))
        #expect(text.contains("2026-01-20（不含）") && text.contains("无效"))
        #expect(text.contains("该年度无应贴息金额：借款人在年度审核日"))
    }

    @Test func theExactValueIsWrittenOutWithoutRounding() {
        // 240,060.00 × 3 % = 7,201.80; ÷ 360 = 20.005 exactly → 20.01 (half up).
        let half = Interest.exact(accumulated: fen("240060.00"), rate: Rate(percent: "3.0000")!)
        #expect(half.productYuan == "7201.80" && half.decimalText == "20.005" && half.rounded == fen("20.01"))
        // 100.00 × 3 % = 3.00; ÷ 360 = 0.008333… → 0.01.
        let third = Interest.exact(accumulated: fen("100.00"), rate: Rate(percent: "3.0000")!)
        #expect(third.decimalText == "0.008333…（3 循环）" && third.rounded == fen("0.01"))
        // 123.45 × 3.1234 % = 3.85583730 exactly (eight decimals); ÷ 360 = 0.0107106591666… → 0.01.
        let fine = Interest.exact(accumulated: fen("123.45"), rate: Rate(percent: "3.1234")!)
        #expect(fine.productYuan == "3.8558373")
        #expect(fine.decimalYuan.digits == "0.0107106591" && fine.decimalYuan.repeating == "6")
        // The rounded value is Interest.of's, for every value.
        for yuan in ["0.01", "8904.00", "3125304.00", "99999.99", "-12000.00"] {
            #expect(Interest.exact(accumulated: fen(yuan), rate: Rate(percent: "3.4500")!).rounded
                    == Interest.of(accumulated: fen(yuan), rate: Rate(percent: "3.4500")!))
        }
    }
}
