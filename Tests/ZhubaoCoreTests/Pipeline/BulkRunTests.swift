import Foundation
import GRDB
import Logging
import Testing
@testable import ZhubaoCore

/// A `run` whose intake defers the key and date indexes (`Store+DeferredIndexes.swift`) builds
/// them on a second connection while it reads the ledger (`IndexBuild`), and waits for them
/// before it writes, or before a next-day run's key queries. Two workspaces take the same files
/// on the same days, one deferring and one keeping the indexes: everything the runs leave is the
/// same, and the deferring store ends with every index and nothing waiting.
@Suite struct BulkRunTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func aRunBuildingItsIndexesAsItReadsEqualsOneKeepingThem() throws {
        let source = try TemporaryWorkspace(profile: .ganzhou2021)
        try source.deliverCityWithLateChanges(borrowers: 20, from: "2026-01-01", to: "2026-03-31")
        let files = try NextDayRunTests.inbox(of: source)
        let first = Day(iso: "2026-02-27")!, second = Day(iso: "2026-03-31")!
        func arrives(_ name: String) -> Day {
            let date = (try? FileName.parse(name).get().businessDate) ?? first
            return date <= first ? first : second
        }
        let bulk = try TemporaryWorkspace(profile: .ganzhou2021), kept = try TemporaryWorkspace(profile: .ganzhou2021)
        let log = CapturedLog()
        for day in [first, second] {
            for (name, bytes) in files where arrives(name) == day {
                try bulk.deliver(name, bytes)
                try kept.deliver(name, bytes)
            }
            let before = log.all.count
            _ = try DailyJob(workspace: bulk.workspace, logger: Logger(label: "test") { _ in log })
                .run(asOf: day, now: Self.now, defersIndexes: true)
            _ = try DailyJob(workspace: kept.workspace, logger: Logger(label: "test")).run(asOf: day, now: Self.now, defersIndexes: false)
            try NextDayRunTests.expectSame(bulk, kept, on: day)
            let said = log.all[before...]
            #expect(said.contains { $0.hasPrefix("indexes deferred to the end of the intake") })
            #expect(said.contains { $0.hasPrefix("deferred indexes built") && $0.contains("indexes=22") })
            // The second day carries the first's state: its key queries waited for the indexes.
            #expect(said.contains { $0.hasPrefix(day == first ? "the whole city is computed" : "the run reads part of the city") })
        }
        let store = try Store.open(path: bulk.workspace.storePath)
        #expect(try store.database.read(SchemaDump.text) == SchemaDump.shipped())
        #expect(try store.database.read { db in try DeferredIndexRecord.fetchCount(db) } == 0)
        #expect(try DeferredIndexesTests.rows(store) == DeferredIndexesTests.rows(Store.open(path: kept.workspace.storePath)))
    }
}
