import Foundation
import Logging
import Testing
@testable import ZhubaoCore

/// `rerun` computes on one thread (`RangeFeed`), records on the main thread and renders on a
/// third (`RenderThread`). A render that fails must stop the rerun with its error, not hang it
/// and not pass in silence; the dates before it are written whole.
@Suite struct RerunThreadsTests {
    @Test func aRenderThatFailsStopsTheRerunWithItsError() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        try ws.deliverCityWithLateChanges(borrowers: 8, from: "2026-01-01", to: "2026-03-31")
        let logger = Logger(label: "test")
        _ = try DailyJob(workspace: ws.workspace, logger: logger).run(asOf: Day(iso: "2026-03-31")!, intakeOnly: true)
        let store = try Store.open(path: ws.workspace.storePath)
        let daily = DailyReport(workspace: ws.workspace, store: store, settings: ws.settings, logger: logger)
        // A file where the folder of 20 January must go: its outputs cannot be written.
        let blocked = Day(iso: "2026-01-20")!
        try FileManager.default.createDirectory(at: ws.workspace.daily(blocked).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: ws.workspace.daily(blocked))
        let days = Array(Day(iso: "2026-01-10")!...Day(iso: "2026-02-10")!)
        #expect(throws: (any Error).self) {
            try RerunJob.recompute(days, everyDate: true, store: store, report: daily, settings: ws.settings)
        }
        // The dates before the blocked one were rendered, each folder whole.
        for day in Day(iso: "2026-01-10")!...Day(iso: "2026-01-19")! {
            let names = try FileManager.default.contentsOfDirectory(atPath: ws.workspace.daily(day).path).sorted()
            #expect(names == ["exceptions.csv", "exceptions.html", "exceptions.jsonl", "exceptions.xlsx", "summary.json"], "\(day.iso)")
        }
    }
}
