import Foundation
import Testing
@testable import ZhubaoCore

/// `ExceptionLifecycle.statuses`, the one place NEW/OPEN/ACKNOWLEDGED/RESOLVED is decided, and
/// the listing that asks it again from what a run stored.
@Suite struct ExceptionStatusTests {
    let day = Day(iso: "2026-03-02")!, yesterday = Day(iso: "2026-03-01")!

    func finding(_ loan: String, code: ExceptionCode = .e301) -> Finding {
        Finding(code: code, subject: .init(contractNo: "C1", loanNo: loan), amount: Fen(100), source: "s", detail: "d")
    }

    func ack(_ key: String) -> AcknowledgementRecord {
        AcknowledgementRecord(id: 1, key: key, note: "n", byName: "b", at: "2026-03-01T00:00:00Z", effectiveOn: "2026-03-01")
    }

    @Test func eachStatusFromFindingsStoredStatesAndAcknowledgements() {
        let stored = ["E301|C1|L2": ExceptionLifecycle.Stored(firstSeen: yesterday, finding: finding("L2")),
                      "E301|C1|L3": .init(firstSeen: yesterday, finding: finding("L3")),
                      "E301|C1|L4": .init(firstSeen: yesterday, finding: finding("L4")),
                      "E301|C1|L5": .init(firstSeen: yesterday, finding: nil)]
        let reported = ExceptionLifecycle.statuses(found: [finding("L4"), finding("L1"), finding("L2")], stored: stored,
                                                   acknowledgements: ["E301|C1|L4": [ack("E301|C1|L4")]], asOf: day)
        #expect(reported.map(\.key) == ["E301|C1|L1", "E301|C1|L2", "E301|C1|L3", "E301|C1|L4"])
        #expect(reported.map(\.status) == [.new, .open, .resolved, .acknowledged])
        #expect(reported.map(\.firstSeen) == [day, yesterday, yesterday, yesterday])
        #expect(reported[3].acknowledgement?.note == "n")
    }

    @Test func acknowledgedRejectionsAreNotReportable() {
        let rejected = Finding(code: .e001, subject: .init(file: "X.txt"), source: "X.txt", detail: "bad")
        let found = ExceptionLifecycle.reportable([finding("L1"), rejected, finding("L1"), finding("L1", code: .e302)],
                                                  acknowledged: ["E001|X.txt", "E302|C1|L1"])
        #expect(found.map(\.key) == ["E301|C1|L1", "E302|C1|L1"])
    }

    @Test func theListingShowsWhatTheRunReported() throws {
        let store = try Store()
        let lifecycle = ExceptionLifecycle(store: store)
        _ = try lifecycle.record([finding("L1"), finding("L2")], asOf: yesterday)
        try lifecycle.acknowledge(key: "E301|C1|L2", note: "n", by: "b", on: day)
        let outcome = try lifecycle.record([finding("L2"), finding("L3")], asOf: day)
        let listed = try ExceptionListing(store: store).reported(on: day, previous: yesterday)
        #expect(listed.map(\.key) == outcome.exceptions.map(\.key))
        #expect(listed.map(\.status) == outcome.exceptions.map(\.status))
        #expect(listed.map(\.status) == [.resolved, .acknowledged, .new])
        #expect(listed.map(\.firstSeen) == outcome.exceptions.map(\.firstSeen))
    }

    @Test func aPayloadReadsBackAndOldSortedPayloadsStillRead() throws {
        let original = Finding(code: .e410, subject: .init(idNumber: "360702196703150030", ticketNo: "T1", year: 2026,
                                                             month: YearMonth(iso: "2026-02")),
                               amount: Fen(-250), source: "TAX.xml:3", detail: "差额 \"2.50\" 元")
        let payload = original.payload
        #expect(payload.hasPrefix(#"{"code":"E410","idNumber":"360702196703150030","contractNo":null"#))
        let back = try #require(Finding(payload: payload))
        #expect(back.key == original.key && back.amount == original.amount && back.detail == original.detail)
        #expect(back.subject.month?.iso == "2026-02" && back.subject.year == 2026)
        let old = #"{"amount":100,"code":"E301","contractNo":"C1","detail":"d","loanNo":"L1","source":"s"}"#
        #expect(Finding(payload: old)?.key == "E301|C1|L1")
    }
}
