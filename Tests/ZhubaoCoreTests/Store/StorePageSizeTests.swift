import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// A store created now has 16 KiB pages; one created with SQLite's default 4 KiB pages (by an
/// earlier zhubao) keeps them, opens, migrates and takes imports as before.
@Suite struct StorePageSizeTests {
    static func pageSize(_ path: String) throws -> Int? {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
    }

    @Test func aNewStoreHasSixteenKiBPages() throws {
        let folder = try ReadingScratch()
        let path = folder.path("zhubao.sqlite")
        _ = try Store.create(path: path)
        #expect(try Self.pageSize(path) == 16_384)
    }

    @Test func anEarlierStoreKeepsItsPagesAndTakesImports() throws {
        let folder = try ReadingScratch()
        let path = folder.path("zhubao.sqlite")
        let old = try DatabaseQueue(path: path)
        try old.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x)")
        }
        try old.close()
        let store = try Store.create(path: path)
        let (file, _) = try store.importFile(BulkInsertTests.file(), readingAhead: { sink in
            for n in 0..<100 { try sink.insertRow(BulkInsertTests.row(n, fileId: sink.fileId)) }
            var outcome = ImportOutcome()
            outcome.recordCount = 100
            return outcome
        })
        #expect(file.status == .imported)
        try BulkInsertTests.check(store, count: 100)
        #expect(try Self.pageSize(path) == 4_096)
    }
}
