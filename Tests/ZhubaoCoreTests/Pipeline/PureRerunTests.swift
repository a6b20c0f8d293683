import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// `rerun` is pure (outputs.md, issue 16): it recomputes only the dates `run` ran on, and
/// writes for each the bytes `run` wrote, even when files delivered later are in the store —
/// later business dates, and a late file of an earlier business date.
@Suite struct PureRerunTests {
    @Test func aMonthRerunAfterTheNextMonthArrivedWritesEveryByteAgain() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        let staging = ws.root.appendingPathComponent("generated")
        let options = GeneratorOptions(profile: .ganzhou2021, borrowers: 25, from: Day(iso: "2026-01-01")!,
                                       to: Day(iso: "2026-03-31")!, faults: .all, edgeCases: true)
        let generated = try CityGenerator(options: options).write(to: staging)
        var byDay: [Day: [String]] = [:]
        for file in generated.files {
            byDay[(try? FileName.parse(file.name).get())?.businessDate ?? Day(iso: "2026-01-01")!, default: []].append(file.name)
        }
        let january = byDay.keys.filter { $0.year == 2026 && $0.components.month == 1 }.sorted()
        #expect(january.count >= 5)
        // One January file (not of the first day) is held back and delivered late, with February.
        let lateDay = january[january.count / 2]
        let late = try #require(byDay[lateDay]?.sorted().first)
        func deliver(_ name: String) throws {
            try FileManager.default.moveItem(at: staging.appendingPathComponent(name), to: ws.workspace.inbox.appendingPathComponent(name))
        }
        let job = DailyJob(workspace: ws.workspace, logger: Logger(label: "test"))
        for day in january {
            for name in byDay[day]! where name != late { try deliver(name) }
            _ = try job.run(asOf: day)
        }
        let written = try ws.workspace.dailyOutputs()
        #expect(written.count == january.count * 5)
        // The rest arrives at once: February and March and the late January one.
        for name in try FileManager.default.contentsOfDirectory(atPath: staging.path) where !name.hasSuffix(".json") { try deliver(name) }
        let february = try job.run(asOf: Day(iso: "2026-03-31")!)
        #expect(february.intake.count(.imported) > 10)

        let rerun = try RerunJob(workspace: ws.workspace, logger: Logger(label: "test"))
            .run(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-01-31")!)
        #expect(rerun.computed == january)
        #expect(rerun.skipped.count == 31 - january.count)
        let again = try ws.workspace.dailyOutputs().filter { $0.key.hasPrefix("2026-01") }
        #expect(again.keys.sorted() == written.keys.sorted())
        for key in written.keys.sorted() where again[key] != written[key] {
            Issue.record("\(key) differs after the rerun")
        }
        // No run was created for the skipped dates.
        #expect(!FileManager.default.fileExists(atPath: ws.workspace.daily(rerun.skipped[0]).path))
    }

    @Test func everyDateComputesTheDatesWithoutARunToo() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        let file = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "000001")
        try ws.deliver(file.name, text: file.text)
        let job = DailyJob(workspace: ws.workspace, logger: Logger(label: "test"))
        _ = try job.run(asOf: Day(iso: "2026-01-15")!)
        _ = try job.run(asOf: Day(iso: "2026-01-18")!)
        let rerun = RerunJob(workspace: ws.workspace, logger: Logger(label: "test"))
        let plain = try rerun.run(from: Day(iso: "2026-01-15")!, to: Day(iso: "2026-01-18")!)
        #expect(plain.computed.map(\.iso) == ["2026-01-15", "2026-01-18"])
        #expect(plain.skipped.map(\.iso) == ["2026-01-16", "2026-01-17"])
        let every = try rerun.run(from: Day(iso: "2026-01-15")!, to: Day(iso: "2026-01-18")!, everyDate: true)
        #expect(every.computed.count == 4 && every.skipped.isEmpty)
        #expect(FileManager.default.fileExists(atPath: ws.workspace.daily(Day(iso: "2026-01-16")!).appendingPathComponent("summary.json").path))
    }
}
