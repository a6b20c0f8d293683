import Foundation
import GRDB
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// A bulk intake drops the key and date indexes in its first batch and builds them after its
/// last (`Store+DeferredIndexes.swift`): the same rows, the same schema, and a run killed in
/// between mended by the next.
@Suite struct DeferredIndexesTests {
    /// The tables an intake writes, each read whole in insertion order.
    static let recordTables = ["drawdown", "receipt", "bankTransaction", "claimLine", "participant", "coBorrower", "hardshipChunk"]

    static func rows(_ store: Store) throws -> [String: [Row]] {
        try store.database.read { db in
            var rows: [String: [Row]] = [:]
            for table in recordTables { rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") }
            // Not `receivedAt`: the two intakes ran at different times.
            rows["inputFile"] = try Row.fetchAll(db, sql: "SELECT id, name, sha256, size, status, reason, recordCount FROM inputFile ORDER BY id")
            return rows
        }
    }

    static func indexNames(_ store: Store) throws -> Set<String> {
        try Set(store.database.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL") })
    }

    /// The list is migration v7's key indexes and v8's date indexes: each exists in a new store,
    /// and what stays is the registry's and the `…ByFile` indexes (and the lifecycle's).
    @Test func theDeferrableIndexesAreTheKeysAndDates() throws {
        let all = try Self.indexNames(Store())
        let deferrable = Set(Store.deferrableIndexes)
        #expect(deferrable.count == Store.deferrableIndexes.count && deferrable.count == 22)
        #expect(deferrable.isSubset(of: all))
        let kept = all.subtracting(deferrable)
        #expect(kept.contains("inputFileByName") && kept.contains("hardshipChunkByFile"))
        #expect(!kept.contains { $0.hasSuffix("ByIdNumber") || $0.hasSuffix("InvalidID") || $0.hasSuffix("ByLoanNo") })
    }

    /// Half a year of a small city (every fault the generator injects) taken into two new
    /// workspaces, one deferring the indexes and one not: the same registry rows and records,
    /// and the schema as shipped in both, with nothing left waiting.
    @Test func aBulkIntakeStoresWhatTheOrdinaryOneStores() throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-deferred-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        let options = GeneratorOptions(profile: .ganzhou2021, borrowers: 30, from: Day(iso: "2026-01-01")!,
                                       to: Day(iso: "2026-06-30")!, faults: .all, edgeCases: true)
        let names = try CityGenerator(options: options).write(to: staging).files.map(\.name)
        var stores: [Store] = []
        var workspaces: [TemporaryWorkspace] = []
        for defers in [true, false] {
            let ws = try TemporaryWorkspace()
            for name in names { try FileManager.default.copyItem(at: staging.appendingPathComponent(name), to: ws.workspace.inbox.appendingPathComponent(name)) }
            let (report, store) = try ws.intake(asOf: "2026-06-30", defersIndexes: defers)
            #expect(report.count(.imported) > 100 && report.count(.rejected) > 0)
            stores.append(store)
            workspaces.append(ws)
        }
        let (bulk, ordinary) = (try Self.rows(stores[0]), try Self.rows(stores[1]))
        #expect(bulk["receipt"]!.count > 100 && bulk["hardshipChunk"]!.count > 10)
        for table in Self.recordTables + ["inputFile"] { #expect(bulk[table] == ordinary[table], "\(table)") }
        for store in stores {
            #expect(try store.database.read(SchemaDump.text) == SchemaDump.shipped())
            #expect(try store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deferredIndex") } == 0)
        }
    }

    /// A run killed after the batch that dropped the indexes committed, before the build: the
    /// store holds the records without them and `deferredIndex` names all 22; the next run,
    /// opening the store under the lock, builds them before anything reads it.
    @Test func aRunKilledBeforeTheBuildIsMendedByTheNextRun() throws {
        let ws = try TemporaryWorkspace()
        let store = try Store.open(path: ws.workspace.storePath)
        #expect(try store.inBatch { batch in try batch.deferIndexes() } == 22)
        #expect(try Self.indexNames(store).isDisjoint(with: Store.deferrableIndexes))
        #expect(try store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deferredIndex") } == 22)
        // Dropping again finds nothing to drop and keeps the SQL recorded the first time.
        #expect(try store.inBatch { batch in try batch.deferIndexes() } == 0)

        // Any job that takes the lock (`rerun`, `claim`, not only `run`'s intake) opens it so.
        let session = try WorkspaceSession(workspace: ws.workspace, logger: Logger(label: "test"), locking: .fail)
        defer { session.close() }
        let after = try session.openStore()
        #expect(try Self.indexNames(after).isSuperset(of: Store.deferrableIndexes))
        #expect(try after.database.read(SchemaDump.text) == SchemaDump.shipped())
        #expect(try after.buildDeferredIndexes(logger: Logger(label: "test")) == 0)
    }

    /// The intake defers when its files hold at least a quarter of the store's bytes.
    @Test func anIntakeDefersWhenItBringsAQuarterOfTheStore() throws {
        let ws = try TemporaryWorkspace()
        let store = try Store.open(path: ws.workspace.storePath)
        let bytes = store.fileBytes
        #expect(bytes > 0)
        #expect(!store.defersIndexes(importing: 0))
        #expect(!store.defersIndexes(importing: (bytes + 3) / 4 - 1))
        #expect(store.defersIndexes(importing: (bytes + 3) / 4))
        #expect(store.defersIndexes(importing: bytes * 10))
        #expect(try !Store().defersIndexes(importing: 0))
    }
}
