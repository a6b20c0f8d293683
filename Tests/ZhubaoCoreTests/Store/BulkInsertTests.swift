import Foundation
import GRDB
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// The bulk-insert path of the big tables: rows encoded, bound through the SQLite C API in
/// multi-row statements, and (for `run`) read on one thread and inserted on another.
@Suite struct BulkInsertTests {
    static func file(_ name: String = "MZ_HARD_360700_20260131_001.csv") -> InputFileRecord {
        InputFileRecord(id: nil, name: name, sha256: "x", size: 1, status: .rejected, recordCount: 0,
                        receivedAt: "t", receivedOn: "2026-01-31")
    }

    /// Row n: a name of n characters' worth, an empty contract number every third row (stored
    /// as ''), no base on odd rows (stored as NULL).
    static func row(_ n: Int, fileId: Int64) -> ReceiptRecord {
        ReceiptRecord(id: nil, fileId: fileId, source: "TAX_RCPT_360700_20260131_001.xml:/R[\(n + 1)]", ticketNo: "T\(n)",
                      idNumber: "36070219670315003\(n % 10)", idValid: n % 2 == 0, name: "钟淑堃\(n)",
                      insuranceType: n % 3 == 0 ? .employees : .residents, periodFrom: YearMonth(iso: "2026-01")!,
                      periodTo: YearMonth(iso: "2026-12")!, base: n % 2 == 1 ? nil : Fen(Int64(n) * 100), amount: Fen(Int64(n)),
                      paidOn: Day(iso: "2026-01-05")!, channel: .loan, contractNo: n % 3 == 0 ? "" : "HT\(n)", bankCode: nil,
                      status: n % 5 == 0 ? .reversal : .normal, reversesTicketNo: n % 5 == 0 ? "T0" : nil)
    }

    static func check(_ store: Store, count: Int) throws {
        let rows = try store.database.read { db in try ReceiptRecord.order(Column("id")).fetchAll(db) }
        #expect(rows.count == count)
        for (n, stored) in rows.enumerated() {
            var expected = row(n, fileId: stored.fileId)
            expected.id = stored.id
            #expect(stored == expected)
        }
        let nulls = try store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM receipt WHERE contractNo IS NULL OR base = ''")
        }
        #expect(nulls == 0)
    }

    // 130 = two statements of 64 rows and two rows one by one; 2,100 crosses the reader's batches.
    @Test(arguments: [1, 63, 64, 130, 2_100])
    func storesEveryRowInOrderReadingAhead(_ count: Int) throws {
        let store = try Store()
        let (file, _) = try store.importFile(Self.file(), readingAhead: { sink in
            for n in 0..<count { try sink.insertRow(Self.row(n, fileId: sink.fileId)) }
            var outcome = ImportOutcome()
            outcome.recordCount = count
            return outcome
        })
        #expect(file.status == .imported && file.recordCount == count)
        try Self.check(store, count: count)
        #expect(try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
    }

    @Test(arguments: [1, 130])
    func storesEveryRowInOrderOnOneThread(_ count: Int) throws {
        let store = try Store()
        _ = try store.importFile(Self.file(), body: { sink in
            for n in 0..<count { try sink.insertRow(Self.row(n, fileId: sink.fileId)) }
            return ImportOutcome()
        })
        try Self.check(store, count: count)
    }

    @Test func aRejectedFileKeepsNoRow() throws {
        let store = try Store()
        let (file, _) = try store.importFile(Self.file(), readingAhead: { sink in
            for n in 0..<3_000 { try sink.insertRow(Self.row(n, fileId: sink.fileId)) }
            var outcome = ImportOutcome()
            outcome.diagnostics.append(.error("坏", at: Location(file: "f", line: 3_001)))
            return outcome
        })
        #expect(file.status == .rejected)
        #expect(try store.database.read { db in try ReceiptRecord.fetchCount(db) } == 0)
    }

    /// The store binds the file's own id, whatever the importer put in the row: a reading may
    /// start before the file is recorded (`Intake+Prefetch`), and its rows say file 0.
    @Test func everyRowTakesTheIdOfTheFileBeingWritten() throws {
        let store = try Store()
        let (ahead, _) = try store.importFile(Self.file(), readingAhead: { sink in
            #expect(sink.fileId == ForwardingSink.unknownFile)
            for n in 0..<130 { try sink.insertRow(Self.row(n, fileId: 999)) }
            return ImportOutcome()
        })
        let (here, _) = try store.importFile(Self.file("MZ_HARD_360700_20260131_002.csv"), body: { sink in
            for n in 0..<3 { try sink.insertRow(Self.row(n, fileId: 999)) }
            return ImportOutcome()
        })
        let files = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT fileId FROM receipt ORDER BY id") }
        #expect(files == Array(repeating: ahead.id!, count: 130) + Array(repeating: here.id!, count: 3))
    }

    /// The batch's statements serve its files one after another: rows a rejected file left
    /// held back in them (fewer than a multi-row statement's) are dropped with it, and the next
    /// file of the batch writes only its own.
    @Test func aRejectedFileLeavesNothingHeldBackForTheNext() throws {
        let store = try Store()
        let (rejected, kept) = try store.inBatch { batch in
            let (rejected, _) = try batch.importFile(Self.file(), body: { sink in
                for n in 0..<5 { try sink.insertRow(Self.row(n, fileId: sink.fileId)) }
                var outcome = ImportOutcome()
                outcome.diagnostics.append(.error("坏", at: Location(file: "f", line: 6)))
                return outcome
            })
            let (kept, _) = try batch.importFile(Self.file("MZ_HARD_360700_20260131_002.csv"), body: { sink in
                try sink.insertRow(Self.row(0, fileId: sink.fileId))
                return ImportOutcome()
            })
            return (rejected, kept)
        }
        #expect(rejected.status == .rejected && kept.status == .imported)
        let files = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT fileId FROM receipt ORDER BY id") }
        #expect(files == [kept.id!])
    }

    /// A record type whose `bind(to:)` leaves out a column.
    struct ShortRow: FastInsertable {
        static let databaseTableName = "receipt"
        static let insertColumns = ReceiptRecord.insertColumns
        func bind(to row: inout InsertRow) { row.add(Int64(1)) }
    }

    @Test func aRecordBindingTooFewValuesIsRefused() throws {
        let store = try Store()
        let error = #expect(throws: SQLiteInsertError.self) {
            try store.importFile(Self.file(), readingAhead: { sink in
                try sink.insertRow(ShortRow())
                return ImportOutcome()
            })
        }
        #expect(error?.message.hasSuffix("bound 1 of \(ReceiptRecord.insertColumns.count) columns") == true)
        #expect(try store.database.read { db in try InputFileRecord.fetchCount(db) } == 0)
        // The foreign keys switched off for the file's transaction are on again after a failure.
        #expect(try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
    }

    struct NoTable: FastInsertable {
        static let databaseTableName = "noSuchTable"
        static let insertColumns = ["a"]
        func bind(to row: inout InsertRow) { row.add(Int64(1)) }
    }

    /// The writing side fails at its first batch: the reading thread is stopped (it would
    /// otherwise go on for ten million rows) and the error reaches the caller.
    @Test func aFailingStoreStopsTheReader() throws {
        let store = try Store()
        let written = Counter()
        #expect(throws: SQLiteInsertError.self) {
            try store.importFile(Self.file(), readingAhead: { sink in
                for n in 0..<10_000_000 {
                    try sink.insertRow(NoTable())
                    written.set(n)
                }
                return ImportOutcome()
            })
        }
        #expect(written.value < 100_000)
        #expect(try store.database.read { db in try InputFileRecord.fetchCount(db) } == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ n: Int) { lock.withLock { stored = n } }
}
