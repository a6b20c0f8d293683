import Foundation
import GRDB
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate
@testable import ZhubaoSystem

/// A generated 赣州 delivered and run day by day for two months, the first of a year and its review date: each
/// day's FDBK files hold exactly that day's routed NEW and RESOLVED exceptions (routed here again,
/// independently, from the stored files), and each bank's last ELIG list of the year equals one
/// computed here from outbound.md; then a second run, a rerun and a changed day.
@Suite struct OutboxCityTests {
    @Test func twoMonthsDayByDay() throws {
        let ws = try TemporaryWorkspace()
        let staging = ws.root.appendingPathComponent("generated")
        let options = GeneratorOptions(profile: .ganzhou2021, borrowers: 25, from: d("2026-01-01"), to: d("2026-03-15"),
                                       faults: .all, edgeCases: true)
        let generated = try CityGenerator(options: options).write(to: staging)
        var byDay: [Day: [String]] = [:]
        for file in generated.files {
            byDay[(try? FileName.parse(file.name).get())?.businessDate ?? d("2026-01-01"), default: []].append(file.name)
        }
        func deliver(through day: Day) throws {
            for (date, names) in byDay where date <= day {
                for name in names {
                    try FileManager.default.moveItem(at: staging.appendingPathComponent(name), to: ws.workspace.inbox.appendingPathComponent(name))
                }
                byDay[date] = nil
            }
        }
        let job = DailyJob(workspace: ws.workspace, logger: Logger(label: "test"))
        let store = try Store.open(path: ws.workspace.storePath)
        var routedSeen = 0, eligSent = 0
        for day in d("2026-01-01")...d("2026-02-28") {
            try deliver(through: day)
            let result = try job.run(asOf: day)
            let outcome = try #require(result.daily).outcome
            let router = try IndependentRouting(store: store, asOf: day)
            var expected: Set<String> = []
            for item in outcome.exceptions where item.status == .new || item.status == .resolved {
                if let recipient = try router.recipient(item.finding) {
                    expected.insert("\(recipient) \(item.finding.shortID) \(item.status.rawValue)")
                }
            }
            let files = try store.outboxFiles(kind: "FDBK", from: day, to: day)
            #expect(files.allSatisfy { $0.seq == 1 })
            var sent: Set<String> = []
            for file in files {
                for fields in try Self.details(ws, file) { sent.insert("\(file.recipient) \(fields[0]) \(fields[3])") }
            }
            #expect(sent == expected, "\(day.iso): missing \(expected.subtracting(sent)), extra \(sent.subtracting(expected))")
            routedSeen += expected.count
            eligSent += try store.outboxFiles(kind: "ELIG", from: day, to: day).count
        }
        #expect(routedSeen >= 15, "too few routed exceptions to show anything: \(routedSeen)")
        #expect(eligSent >= 3)
        // Each bank's last ELIG of 2026 (the review date has passed) equals the list computed here.
        let expectedLists = try IndependentEligibility.lists(store: store, settings: ws.settings, asOf: d("2026-02-28"), year: 2026)
        #expect(expectedLists.values.contains { !$0.isEmpty })
        let elig = try store.outboxFiles(kind: "ELIG").filter { $0.year == 2026 }
        for (bank, lines) in expectedLists {
            let last = elig.filter { $0.recipient == bank }.last
            if lines.isEmpty && last == nil { continue }
            let got = try last.map { try Self.details(ws, $0).map { $0.joined(separator: "|") } } ?? []
            #expect(got == lines, "\(bank)")
        }
        // A second run of the last date, and a rerun of the range, send nothing.
        let count = try store.outboxFiles().count
        _ = try job.run(asOf: d("2026-02-28"))
        try RerunJob(workspace: ws.workspace, logger: Logger(label: "test")).run(from: d("2026-02-20"), to: d("2026-02-28"))
        #expect(try store.outboxFiles().count == count)
        // A changed day: a file from B105 rejected on the last date; its FDBK goes out whole as the next SEQ.
        let before = try store.outboxFiles(recipient: "B105", kind: "FDBK", from: d("2026-02-28"), to: d("2026-02-28"))
        try ws.deliver("B105_DEDU_360700_20260228_009.txt", text: "H|105|360700|DEDU|20260228|x|1.0\nT|1|0.00\n")
        _ = try job.run(asOf: d("2026-02-28"))
        let after = try store.outboxFiles(recipient: "B105", kind: "FDBK", from: d("2026-02-28"), to: d("2026-02-28"))
        #expect(after.count == before.count + 1)
        let last = try #require(after.last)
        #expect(last.seq == (before.last?.seq ?? 0) + 1)
        #expect(last.lineCount == (before.last?.lineCount ?? 0) + 1)
    }

    /// The detail lines of a recorded file, read back from the outbox, as fields after `D`.
    static func details(_ ws: TemporaryWorkspace, _ file: OutboxFileRecord) throws -> [[String]] {
        let url = ws.workspace.outbox.appendingPathComponent(file.recipient).appendingPathComponent(file.name)
        let bytes = Array(try Data(contentsOf: url))
        #expect(FileDigest.sha256(bytes) == file.sha256)
        let text = try IconvDecoder.decode(bytes)
        return text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" })
            .filter { $0.hasPrefix("D|") }
            .map { $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map(String.init) }
    }
}
