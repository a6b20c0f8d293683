import Foundation
import Testing
@testable import ZhubaoCore

/// The store's repository methods (issue 13: the store owns its SQL): what the jobs, the
/// journal and the outputs read and write through them.
@Suite struct StoreRepositoryTests {
    func d(_ iso: String) -> Day { Day(iso: iso)! }

    func file(_ status: InputFileRecord.Status, receivedOn: String, businessDate: String?) -> InputFileRecord {
        InputFileRecord(id: nil, name: "F", sha256: UUID().uuidString, size: 1, businessDate: businessDate, status: status, recordCount: 0,
                        receivedAt: "t", receivedOn: receivedOn)
    }

    @Test func theFilesOfADayAreCountedUpToTheRunsCutoff() throws {
        let store = try Store()
        #expect(try store.lastFileId() == 0)
        try store.record(file(.imported, receivedOn: "2026-03-02", businessDate: "2026-03-01"))
        try store.record(file(.imported, receivedOn: "2026-03-02", businessDate: "2026-03-05"))
        try store.record(file(.rejected, receivedOn: "2026-03-02", businessDate: nil))
        try store.record(file(.conflict, receivedOn: "2026-03-02", businessDate: "2026-03-02"))
        try store.record(file(.imported, receivedOn: "2026-03-02", businessDate: "2026-03-02"))
        let counts = try store.fileCounts(receivedOn: d("2026-03-02"), cutoff: 4)
        #expect([counts.imported, counts.rejected, counts.conflicts, counts.notYetEffective] as [Int] == [2, 1, 1, 1])
        #expect(try store.lastFileId() == 5)
        #expect(try store.files(after: 3).map(\.id) == [4, 5])
        // File 5 counts from 2026-03-02: a run of that date with cutoff 4 had not seen it.
        #expect(try store.hasFile(after: 4, effectiveBy: d("2026-03-02")))
        #expect(try !store.hasFile(after: 4, effectiveBy: d("2026-03-01")))
        #expect(try !store.hasFile(after: 5, effectiveBy: d("2026-03-09")))
    }

    @Test func theLatestApprovalBeforeADateStands() throws {
        let store = try Store()
        func claim(_ asOf: String, approved: Int64) throws {
            let run = ClaimRunRecord(id: nil, year: 2026, bankCode: nil, asOf: asOf, createdAt: "t", state: ClaimRunRecord.done,
                                     files: "[]", forced: false)
            let approval = ClaimApprovalRecord(id: nil, claimRunId: 0, bankCode: "105", loanNo: "L1", year: 2026,
                                               computed: approved, claimed: nil, approved: approved)
            let (recorded, approvals) = try store.insertClaimRun(run, approvals: [approval])
            #expect(approvals.map(\.claimRunId) == [recorded.id!])
        }
        try claim("2027-01-20", approved: 500)
        try claim("2027-02-10", approved: 300)
        #expect(try store.latestApprovals(before: d("2027-01-20")).isEmpty)
        #expect(try store.latestApprovals(before: d("2027-02-01")).map(\.approved) == [Fen(500)])
        #expect(try store.latestApprovals().map(\.approved) == [Fen(300)])
        #expect(try store.lastClaimRun(year: 2026, bank: "105")?.asOf == "2027-02-10")
    }

    @Test func aRunWhoseProcessIsGoneIsMarkedKilledWhenTheNextStarts() throws {
        let store = try Store()
        let run = RunRecord(id: nil, command: "run", arguments: "[]", asOf: nil, host: "h", pid: 1, startedAt: "t",
                            endedAt: nil, status: .running, exitCode: nil)
        let first = try store.startRun(run, isGone: { _ in true })
        #expect(first.killed.isEmpty)
        let second = try store.startRun(run, isGone: { $0.id == first.run.id })
        #expect(second.killed.map(\.id) == [first.run.id])
        var ended = second.run
        ended.status = .done
        try store.endRun(ended)
        let listed = try store.lastRuns(5, isGone: { _ in false })
        #expect(listed.runs.map(\.status) == [.done, .killed])
        #expect(listed.killed.isEmpty)
    }

    @Test func aComputedDateReplacesItsRowsAndKeepsItsCutoff() throws {
        let store = try Store()
        let row = DailyExceptionRecord(asOf: "2026-03-02", key: "E301|C1|L1", firstSeen: "2026-03-01", payload: "{}")
        try store.recordDailyRun(DailyRunRecord(asOf: "2026-03-02", computedAt: "t", lastFileId: 7), open: [row])
        try store.recordDailyRun(DailyRunRecord(asOf: "2026-03-02", computedAt: "t", lastFileId: 9), open: [])
        try store.recordDailyRun(DailyRunRecord(asOf: "2026-03-04", computedAt: "t", lastFileId: nil), open: [row.with(asOf: "2026-03-04")])
        #expect(try store.dailyExceptions(of: d("2026-03-02")).isEmpty)
        #expect(try store.fileCutoffs(from: d("2026-03-01"), through: d("2026-03-03")) == ["2026-03-02": 9])
        #expect(try store.lastDailyRun() == d("2026-03-04"))
        #expect(try store.lastDailyRun(before: d("2026-03-04")) == d("2026-03-02"))
        #expect(try store.hasDailyRun(on: d("2026-03-04")) && !store.hasDailyRun(on: d("2026-03-03")))
        #expect(try store.hasException(key: "E301|C1|L1") && store.exceptionKeys() == ["E301|C1|L1"])
        #expect(try store.dailyRunDays() == ["2026-03-02", "2026-03-04"])
    }
}

extension DailyExceptionRecord {
    func with(asOf: String) -> DailyExceptionRecord {
        DailyExceptionRecord(asOf: asOf, key: key, firstSeen: firstSeen, payload: payload)
    }
}
