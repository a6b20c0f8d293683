import Foundation
import Testing
@testable import ZhubaoCore

/// What a run leaves for the next (`EngineState`) reads back as it was written, and anything
/// else reads back as nothing (the run then computes the whole city).
@Suite struct EngineStateTests {
    /// 8,904.00 yuan disbursed on day 100, 1,000.00 repaid on day 130, the rest on day 400 (the
    /// last balance 0), at 3.0000 %, accrued over days 120–300: the accrual read back gives the
    /// same subsidy for every day — Σ balance over [120, D] × rate / 360, rounded once.
    @Test func anAccrualReadsBackAsWritten() throws {
        let schedule = Balances.Schedule(amount: 890_400, disbursedOn: 100, repayments: [(130, 100_000), (400, 790_400)])
        let accrual = Subsidy.Accrual(loan: .none, schedule: schedule, low: Day(ordinal: 120), high: Day(ordinal: 300),
                                      rate: Rate(units: 30_000))
        let text = EngineState.text(accrual)
        #expect(text == "120,300,30000;100:890400;130:790400;400:0")
        let back = try #require(EngineState.accrual(text))
        #expect(back.schedule == schedule)
        for day in [110, 120, 129, 130, 200, 300, 350] {
            #expect(back.accrued(through: Day(ordinal: day)) == accrual.accrued(through: Day(ordinal: day)))
        }
        // Days 120–129 at 8,904.00 and 130–130 at 7,904.00 yuan: 8,904 × 10 + 7,904 = 96,944 yuan
        // of 积数; × 3 % / 360 = 8.0786… yuan: 8.08.
        #expect(back.accrued(through: Day(ordinal: 130)) == Fen(808))
    }

    @Test func aNegativeBalanceReadsBack() throws {
        let schedule = Balances.Schedule(amount: 10_000, disbursedOn: 5, repayments: [(9, 12_000)])
        let accrual = Subsidy.Accrual(loan: .none, schedule: schedule, low: Day(ordinal: 5), high: Day(ordinal: 20), rate: Rate(units: 1))
        #expect(try #require(EngineState.accrual(EngineState.text(accrual))).schedule == schedule)
    }

    @Test func totalsAndLinesReadBack() throws {
        var totals = DailySummary.Totals()
        (totals.drawdowns, totals.drawdownAmount, totals.receipts, totals.receiptAmount) = (3, Fen(2_671_200), 2, Fen(-890_400))
        (totals.repayments, totals.principalRepaid, totals.interestRepaid) = (7, Fen(12_345), Fen(678))
        #expect(EngineState.totals(EngineState.text(totals)) == totals)
        let line = OutboundLine(fields: ["L1", "C1", "360702196703150030", "刘建国", "2026", "20260101", "20261231", "低保", "8904.00"],
                                amount: Fen(890_400))
        #expect(EngineState.line(EngineState.text(line)) == line)
    }

    @Test(arguments: ["", "1,2", "1,2,3", "1,2,3;4", "1,2,3;4:x", "1,,3;4:5", "99999999999999999999,1,1;1:1"])
    func anythingElseReadsAsNothing(_ text: String) {
        #expect(EngineState.accrual(text) == nil)
    }

    @Test func aLineOfAnotherShapeReadsAsNothing() {
        #expect(EngineState.line("L1\u{1F}C1\u{1F}890400") == nil)
        #expect(EngineState.totals("1,2,3") == nil)
    }
}
