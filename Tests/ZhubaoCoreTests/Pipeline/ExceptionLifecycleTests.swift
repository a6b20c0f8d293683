import Foundation
import Testing
@testable import ZhubaoCore

@Suite struct ExceptionLifecycleTests {
    func finding(_ code: ExceptionCode = .e301, loan: String = "L1", amount: String? = "8904.00") -> Finding {
        Finding(code: code, subject: .init(idNumber: "360702196703150030", contractNo: "C1", loanNo: loan),
                amount: amount.map { Fen(yuan: $0)! }, source: "B105_DISB.txt:2", detail: "放款 8904.00 元")
    }

    @Test func newThenOpenThenResolvedOnce() throws {
        let lifecycle = ExceptionLifecycle(store: try Store())
        let first = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-01")!)
        #expect(first.exceptions.map(\.status) == [.new])
        #expect(first.previousRun == nil)
        let second = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-02")!)
        #expect(second.exceptions.map(\.status) == [.open])
        #expect(second.exceptions[0].firstSeen == Day(iso: "2026-02-01"))
        #expect(second.previousRun == Day(iso: "2026-02-01"))
        let third = try lifecycle.record([], asOf: Day(iso: "2026-02-03")!)
        #expect(third.exceptions.map(\.status) == [.resolved])
        #expect(third.exceptions[0].finding.amount == Fen(890_400))
        let fourth = try lifecycle.record([], asOf: Day(iso: "2026-02-04")!)
        #expect(fourth.exceptions.isEmpty)
    }

    @Test func foundAgainAfterResolutionIsNewAgain() throws {
        let lifecycle = ExceptionLifecycle(store: try Store())
        _ = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-01")!)
        _ = try lifecycle.record([], asOf: Day(iso: "2026-02-02")!)
        let again = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-03")!)
        #expect(again.exceptions.map(\.status) == [.new])
        #expect(again.exceptions[0].firstSeen == Day(iso: "2026-02-03"))
    }

    @Test func theSameKeyIsOneException() throws {
        let lifecycle = ExceptionLifecycle(store: try Store())
        let outcome = try lifecycle.record([finding(amount: "1.00"), finding(amount: "2.00"), finding(loan: "L2")],
                                           asOf: Day(iso: "2026-02-01")!)
        #expect(outcome.exceptions.map(\.key) == ["E301|C1|L1", "E301|C1|L2"])
        #expect(outcome.exceptions[0].finding.amount == Fen(100))
    }

    @Test func anAcknowledgementShowsFromItsDateOnAndNeverChangesTheAmount() throws {
        let lifecycle = ExceptionLifecycle(store: try Store())
        _ = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-01")!)
        try lifecycle.acknowledge(key: "E301|C1|L1", note: "银行已说明", by: "王会计", on: Day(iso: "2026-02-02")!)
        let before = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-01")!)
        #expect(before.exceptions.map(\.status) == [.new])
        let after = try lifecycle.record([finding()], asOf: Day(iso: "2026-02-02")!)
        #expect(after.exceptions.map(\.status) == [.acknowledged])
        #expect(after.exceptions[0].acknowledgement?.note == "银行已说明")
        #expect(after.exceptions[0].finding.amount == Fen(890_400))
    }

    @Test func acknowledgedRejectionsAreClosed() throws {
        let lifecycle = ExceptionLifecycle(store: try Store())
        let rejected = Finding(code: .e001, subject: .init(file: "X.txt"), source: "X.txt", detail: "bad")
        _ = try lifecycle.record([rejected], asOf: Day(iso: "2026-02-01")!)
        let open = try lifecycle.record([rejected], asOf: Day(iso: "2026-02-02")!)
        #expect(open.exceptions.map(\.status) == [.open])
        try lifecycle.acknowledge(key: "E001|X.txt", note: "已重新报送", by: "李", on: Day(iso: "2026-02-03")!)
        let closed = try lifecycle.record([rejected], asOf: Day(iso: "2026-02-03")!)
        #expect(closed.exceptions.map(\.status) == [.resolved])
        #expect(try lifecycle.record([rejected], asOf: Day(iso: "2026-02-04")!).exceptions.isEmpty)
    }

    @Test func jsonLinesCarryTheFieldsOfTheSpecification() throws {
        let outcome = try ExceptionLifecycle(store: try Store()).record([finding()], asOf: Day(iso: "2026-02-01")!)
        let text = ExceptionsJSONL.render(outcome)
        #expect(text == #"{"key":"E301|C1|L1","code":"E301","severity":"ERROR","owner":"BANK","status":"NEW","firstSeen":"2026-02-01","asOf":"2026-02-01","idNumber":"360702196703150030","contractNo":"C1","loanNo":"L1","ticketNo":null,"txnNo":null,"file":null,"year":null,"month":null,"amount":"8904.00","source":"B105_DISB.txt:2","message":"放款后窗口期内无对应缴费到账：资金未用于缴费：放款 8904.00 元。处理：请银行核查资金去向（专款专用）","acknowledgement":null}"# + "\n")
    }
}
