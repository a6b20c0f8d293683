import Testing
@testable import ZhubaoCore

/// rules.md §2: balances, 算头不算尾 and 积数. Every expectation is worked out by hand in the
/// comments.
@Suite struct BalancesTests {
    @Test func balanceIsAmountLessPrincipalOfSuccessfulAndPartialTransactions() throws {
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1", amount: "1000.00", disbursed: "2026-03-01")
        b.drawdown("LC", amount: "500.00", disbursed: "2026-03-01", cancelled: true)
        b.transaction("T1", loan: "L1", date: "2026-04-01", kind: .voluntary, principal: "300.00")
        // A failed line never lowers the balance, whatever principal it states.
        b.transaction("T2", loan: "L1", date: "2026-05-01", principal: "100.00", result: .failed)
        b.transaction("T3", loan: "L1", date: "2026-06-01", principal: "200.00", result: .partial)
        let balances = Balances(ledger: b.ledger)

        #expect(balances.balance(of: "L1", on: d("2026-02-28")) == .zero)      // before disbursement
        #expect(balances.balance(of: "L1", on: d("2026-03-01")) == fen("1000.00"))
        #expect(balances.balance(of: "L1", on: d("2026-03-31")) == fen("1000.00"))
        #expect(balances.balance(of: "L1", on: d("2026-04-01")) == fen("700.00"))  // 1000 − 300, from its own day
        #expect(balances.balance(of: "L1", on: d("2026-05-15")) == fen("700.00"))  // T2 failed
        #expect(balances.balance(of: "L1", on: d("2026-06-01")) == fen("500.00"))  // 700 − 200 (partly collected)
        #expect(balances.balance(of: "LC", on: d("2026-04-01")) == .zero)      // cancelled
        #expect(balances.balance(of: "NOPE", on: d("2026-04-01")) == .zero)
    }

    @Test func interestCountsTheFirstDayAndNotTheLast() throws {
        // Disbursed on 1 March, repaid in full on 31 March: interest for 1–30 March, 30 days.
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1", amount: "1000.00", disbursed: "2026-03-01")
        b.transaction("T1", loan: "L1", date: "2026-03-31", kind: .earlyPayoff, principal: "1000.00")
        let balances = Balances(ledger: b.ledger)

        #expect(balances.balance(of: "L1", on: d("2026-03-30")) == fen("1000.00"))
        #expect(balances.balance(of: "L1", on: d("2026-03-31")) == .zero)
        let span = balances.span(of: "L1", from: d("2026-01-01"), through: d("2026-12-31"))
        #expect(span.days == 30)
        #expect(span.accumulated == fen("30000.00"))                           // 30 × 1000.00
        let bounds = try #require(balances.outstandingBounds(of: "L1", from: d("2026-01-01"), through: d("2026-12-31")))
        #expect(bounds.first == d("2026-03-01"))
        #expect(bounds.last == d("2026-03-30"))
    }

    @Test func accumulatedBalanceAcrossAYearEnd() throws {
        // 1000.00 disbursed 2025-12-20; 400.00 repaid 2026-01-10.
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1", amount: "1000.00", disbursed: "2025-12-20")
        b.transaction("T1", loan: "L1", date: "2026-01-10", kind: .voluntary, principal: "400.00")
        let balances = Balances(ledger: b.ledger)

        // 2025-12-20 … 12-31: 12 days × 1000.00 = 12000.00
        // 2026-01-01 … 01-09:  9 days × 1000.00 =  9000.00
        // 2026-01-10 … 01-15:  6 days ×  600.00 =  3600.00      together 27 days, 24600.00
        let whole = balances.span(of: "L1", from: d("2025-12-01"), through: d("2026-01-15"))
        #expect(whole.days == 27)
        #expect(whole.accumulated == fen("24600.00"))
        #expect(balances.accumulated(of: "L1", from: d("2025-01-01"), through: d("2025-12-31")) == fen("12000.00"))
        #expect(balances.accumulated(of: "L1", from: d("2026-01-01"), through: d("2026-01-15")) == fen("12600.00"))
        #expect(balances.daysOutstanding(of: "L1", from: d("2026-01-01"), through: d("2026-01-15")) == 15)
        // An empty or reversed range sums nothing.
        #expect(balances.accumulated(of: "L1", from: d("2026-01-15"), through: d("2026-01-14")) == .zero)
        #expect(balances.accumulated(of: "L1", from: d("2025-01-01"), through: d("2025-12-19")) == .zero)
    }

    @Test func daysWithoutBalanceAreNotCounted() throws {
        // 600.00 disbursed 2026-03-01, repaid in full on 2026-03-11 (10 days outstanding), then
        // a bank error takes 100.00 more on 2026-03-21: a balance of −100.00 bears no interest.
        var b = try LedgerBuilder(asOf: "2026-12-31")
        b.drawdown("L1", amount: "600.00", disbursed: "2026-03-01")
        b.transaction("T1", loan: "L1", date: "2026-03-11", kind: .earlyPayoff, principal: "600.00")
        b.transaction("T2", loan: "L1", date: "2026-03-21", kind: .voluntary, principal: "100.00")
        let balances = Balances(ledger: b.ledger)

        #expect(balances.balance(of: "L1", on: d("2026-03-25")) == fen("-100.00"))
        let span = balances.span(of: "L1", from: d("2026-03-05"), through: d("2026-03-31"))
        #expect(span.days == 6)                                                // 5 … 10 March
        #expect(span.accumulated == fen("3600.00"))                            // 6 × 600.00
        #expect(balances.outstandingBounds(of: "L1", from: d("2026-03-11"), through: d("2026-12-31")) == nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func fiftyThousandDrawdownsWithAYearOfMonthlyRepayments() throws {
        // 50,000 drawdowns of 12000.00 disbursed 2026-01-01, each repaid 1000.00 on the 1st of
        // every month from February 2026 to January 2027 (600,000 transactions). In month m of
        // 2026 the balance is (13 − m) × 1000.00, so the 积数 of 2026 is
        //   31×12000 + 28×11000 + 31×10000 + 30×9000 + 31×8000 + 30×7000
        // + 31×6000  + 31×5000  + 30×4000  + 31×3000 + 30×2000 + 31×1000
        // = 372000 + 308000 + 310000 + 270000 + 248000 + 210000
        // + 186000 + 155000 + 120000 +  93000 +  60000 +  31000 = 2,363,000.00 per drawdown.
        var ledger = Ledger(asOf: d("2027-01-31"), settings: try Settings.defaults(profile: .ganzhou2021))
        let template = Drawdown(loanNo: "", contractNo: "", idNumber: "", bankCode: "105", mode: .annual,
                                amount: fen("12000.00"), rate: Rate(percent: "3.0000")!, disbursedOn: d("2026-01-01"),
                                maturesOn: d("2026-12-31"), coverFrom: YearMonth(iso: "2026-01")!,
                                coverTo: YearMonth(iso: "2026-12")!, account: "", cancelled: false, source: "", name: "")
        let months = (2...13).map { YearMonth(year: 2026 + ($0 - 1) / 12, month: ($0 - 1) % 12 + 1)!.firstDay }
        ledger.drawdowns.reserveCapacity(50_000)
        ledger.transactions.reserveCapacity(600_000)
        for i in 0..<50_000 {
            var drawdown = template
            drawdown.loanNo = "L\(i)"
            ledger.drawdowns.append(drawdown)
            for (m, day) in months.enumerated() {
                ledger.transactions.append(Transaction(
                    txnNo: "T\(i)-\(m)", loanNo: drawdown.loanNo, contractNo: "", idNumber: "", txnDate: day, kind: .pensionDeduction,
                    due: fen("1000.00"), principalPaid: fen("1000.00"), interestPaid: .zero, result: .succeeded,
                    pension: nil, basicPension: nil, balanceAfter: .zero, account: "", source: ""))
            }
        }
        let balances = Balances(ledger: ledger)
        var total = Fen.zero
        var days = 0
        for i in 0..<50_000 {
            let span = balances.span(of: "L\(i)", from: d("2026-01-01"), through: d("2026-12-31"))
            days += span.days
            total += span.accumulated
        }
        #expect(days == 365 * 50_000)
        #expect(total == Fen(fen("2363000.00").value * 50_000))
        #expect(balances.balance(of: "L49999", on: d("2027-01-01")) == .zero)
        // E406 walks every transaction with the same schedules; no interest was taken, none found.
        #expect(InterestRules.findings(ReconcileContext(ledger: ledger)).isEmpty)
    }
}
