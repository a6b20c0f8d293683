import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// outbound.md "The outbox": layout, SEQ, idempotence, modes, and what is recorded.
@Suite struct OutboxTests {
    static func line(_ id: String, _ amount: String?) -> OutboundLine {
        OutboundLine(fields: [id, "x|y", "a\r\nb"], amount: amount.map(fen))
    }

    @Test func theLayoutOfAFile() throws {
        let file = OutboundFile(recipient: "B105", kind: .feedback, region: "360700", date: d("2026-03-10"), seq: 2,
                                lines: [Self.line("bb", nil), Self.line("aa", "12.30"), Self.line("cc", "-2.00")])
        #expect(file.name == "SI_FDBK_360700_20260310_002.txt")
        #expect(file.text == "H|B105|360700|FDBK|20260310|SI36070020260310FDBK002|1.0\r\n"
            + "D|aa|x｜y|a b\r\nD|bb|x｜y|a b\r\nD|cc|x｜y|a b\r\nT|3|10.30\r\n")
        #expect(try file.bytes() == (try GB18030Encoder.encode(file.text)))
    }

    static func plan(_ day: String, feedback: [String: [OutboundLine]] = [:], year: Int? = nil,
                     eligibility: [String: [OutboundLine]] = [:]) -> OutboundPlan {
        OutboundPlan(asOf: d(day), feedback: feedback, eligibilityYear: year, eligibility: eligibility)
    }

    static func outbox(_ ws: TemporaryWorkspace) throws -> (Outbox, Store) {
        let store = try Store.open(path: ws.workspace.storePath)
        return (Outbox(workspace: ws.workspace, store: store, settings: ws.settings, logger: Logger(label: "test")), store)
    }

    @Test func sameLinesSendNothingOtherLinesTheNextSEQ() throws {
        let ws = try TemporaryWorkspace()
        let (outbox, store) = try Self.outbox(ws)
        let first = Self.plan("2026-03-10", feedback: ["B105": [Self.line("a1", "1.00")], "TAX": [Self.line("t1", nil)]])
        #expect(try outbox.send(first).map(\.name) == ["SI_FDBK_360700_20260310_001.txt", "SI_FDBK_360700_20260310_001.txt"])
        #expect(try outbox.send(first).isEmpty)
        // The same date with other lines for B105: the whole corrected file as 002; TAX unchanged.
        let corrected = Self.plan("2026-03-10", feedback: ["B105": [Self.line("a1", "1.00"), Self.line("a2", "2.00")],
                                                            "TAX": [Self.line("t1", nil)]])
        let sent = try outbox.send(corrected)
        #expect(sent.map { "\($0.recipient) \($0.name) \($0.lineCount) \($0.total)" } == ["B105 SI_FDBK_360700_20260310_002.txt 2 300"])
        // Nothing for B105 any more on that date: an empty corrected file replaces the last one.
        let emptied = Self.plan("2026-03-10", feedback: ["TAX": [Self.line("t1", nil)]])
        #expect(try outbox.send(emptied).map(\.name) == ["SI_FDBK_360700_20260310_003.txt"])
        #expect(try outbox.send(emptied).isEmpty)
        // A new date starts at 001 again; a recipient with nothing that was sent nothing gets nothing.
        #expect(try outbox.send(Self.plan("2026-03-11", feedback: ["B105": []])).isEmpty)
        #expect(try outbox.send(Self.plan("2026-03-11", feedback: ["B105": [Self.line("a3", nil)]])).map(\.name)
            == ["SI_FDBK_360700_20260311_001.txt"])
        let folder = ws.workspace.outbox.appendingPathComponent("B105")
        #expect(ws.files(in: folder) == ["SI_FDBK_360700_20260310_001.txt", "SI_FDBK_360700_20260310_002.txt",
                                         "SI_FDBK_360700_20260310_003.txt", "SI_FDBK_360700_20260311_001.txt"])
        let records = try store.outboxFiles(recipient: "B105")
        #expect(records.map(\.seq) == [1, 2, 3, 1])
        for record in records {
            let url = folder.appendingPathComponent(record.name)
            #expect(try FileDigest.of(url).sha256 == record.sha256)
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o640)
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o750)
        #expect(try store.outboxCounts(on: d("2026-03-10")) == ["B105": ["FDBK": 3], "TAX": ["FDBK": 1]])
    }

    @Test func elig_isComparedWithTheLastListOfItsYearWhateverTheDate() throws {
        let ws = try TemporaryWorkspace()
        let (outbox, _) = try Self.outbox(ws)
        let list = [Self.line("L1", "8904.00")]
        // Never sent and empty: nothing. First of the year: always.
        #expect(try outbox.send(Self.plan("2027-01-31", year: 2027, eligibility: ["B105": list, "B313": []])).map(\.recipient) == ["B105"])
        #expect(try outbox.send(Self.plan("2027-02-01", year: 2027, eligibility: ["B105": list, "B313": []])).isEmpty)
        // Emptied: goes out empty, once.
        let emptied = try outbox.send(Self.plan("2027-02-02", year: 2027, eligibility: ["B105": []]))
        #expect(emptied.map { "\($0.name) \($0.lineCount) \($0.year ?? 0)" } == ["SI_ELIG_360700_20270202_001.txt 0 2027"])
        #expect(try outbox.send(Self.plan("2027-02-03", year: 2027, eligibility: ["B105": []])).isEmpty)
        // Another year is another list: its first goes out even with the same lines.
        #expect(try outbox.send(Self.plan("2028-01-31", year: 2028, eligibility: ["B105": list])).count == 1)
    }

    @Test func aFileAlreadyThereWithTheSameBytesIsRecordedNotRewritten() throws {
        let ws = try TemporaryWorkspace()
        let (outbox, store) = try Self.outbox(ws)
        let plan = Self.plan("2026-03-10", feedback: ["B105": [Self.line("a1", "1.00")]])
        // As if a run was killed after publishing the file and before its commit.
        let file = OutboundFile(recipient: "B105", kind: .feedback, region: "360700", date: d("2026-03-10"), seq: 1,
                                lines: plan.feedback["B105"]!)
        let folder = ws.workspace.outbox.appendingPathComponent("B105")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try file.bytes()).write(to: folder.appendingPathComponent(file.name))
        try Data("half".utf8).write(to: folder.appendingPathComponent("SI_FDBK_360700_20260309_001.txt.part"))
        let sent = try outbox.send(try DailyReportStub.result(ws, plan)).sent
        #expect(sent.map(\.name) == ["SI_FDBK_360700_20260310_001.txt"])
        #expect(ws.files(in: folder) == ["SI_FDBK_360700_20260310_001.txt"])
        #expect(try store.outboxFiles().count == 1)
        // Other bytes under that name: refused, never overwritten.
        try Data("other".utf8).write(to: folder.appendingPathComponent("SI_FDBK_360700_20260311_001.txt"))
        #expect(throws: OutboxError.self) {
            try outbox.send(Self.plan("2026-03-11", feedback: ["B105": [Self.line("a1", "1.00")]]))
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("SI_FDBK_360700_20260311_001.txt")) == Data("other".utf8))
    }
}

/// A daily result around a plan, for the outbox step alone.
enum DailyReportStub {
    static func result(_ ws: TemporaryWorkspace, _ plan: OutboundPlan) throws -> DailyReport.Result {
        let folder = ws.workspace.daily(plan.asOf)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return DailyReport.Result(outcome: .init(asOf: plan.asOf, previousRun: nil, exceptions: []),
                                  summary: DailySummary(asOf: plan.asOf, profile: "ganzhou-2021", region: "360700"),
                                  folder: folder, plan: plan)
    }
}
