import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// Hardship lists stored a chunk of lines at a time (`HardshipChunk`, migration v11).
@Suite struct HardshipChunkTests {
    static func row(_ n: Int) -> HardshipRow {
        HardshipRow(line: n * 300 + 2, idNumber: n % 7 == 0 ? "36070219670315003X-\(n)" : "36070219670315\(String(format: "%04d", n))",
                    idValid: n % 7 != 0, name: n % 11 == 0 ? String(repeating: "钟", count: 200) : "温小玲\(n)",
                    category: n % 3 == 0 ? .tk : .db, county: n % 5 == 0 ? "" : "360702",
                    certifiedOn: Day(iso: "2024-03-01")! + n, endsOn: n % 2 == 0 ? nil : Day(iso: "2026-12-31")! - n,
                    endReason: n % 4 == 1 ? .revoked : n % 4 == 3 ? .normalExit : nil)
    }

    /// Every field comes back as it went in: invalid and long ID numbers, empty and long texts,
    /// the days, no end date, each end reason, line numbers past one byte's varint.
    @Test func aChunkGivesBackItsRows() throws {
        var builder = HardshipChunk.Builder()
        let rows = (0..<500).map(Self.row)
        for row in rows { builder.append(row) }
        let record = builder.take(fileId: 3)
        #expect(record.rowCount == 500 && record.fileId == 3)
        #expect(try HardshipChunk.rows(in: record.rows) == rows)
        #expect(builder.count == 0 && builder.bytes == [HardshipChunk.format])
    }

    /// A scan for a few people skips the other rows after their ID number, and gives the rows
    /// it keeps whole; `BorrowerIDs` tells the IDs apart by bytes, short ones too.
    @Test func aScanKeepsTheRowsOfThePeopleItLooksFor() throws {
        let rows = (0..<300).map(Self.row) + [HardshipRow(line: 9, idNumber: "A", idValid: false, name: "n", category: .db,
                                                          county: "1", certifiedOn: Day(iso: "2024-01-01")!, endsOn: nil, endReason: nil)]
        var builder = HardshipChunk.Builder()
        for row in rows { builder.append(row) }
        let bytes = builder.take(fileId: 1).rows
        let wanted: Set<String> = [rows[3].idNumber, rows[150].idNumber, rows[299].idNumber, "A"]
        let ids = try DatabaseQueue().read { db in
            try BorrowerIDs(db, sql: "SELECT value FROM json_each(?)",
                            arguments: [String(decoding: try JSONEncoder().encode(rows.map(\.idNumber)), as: UTF8.self)], among: wanted)
        }
        var kept: [HardshipRow] = [], asked = 0
        try bytes.withUnsafeBytes { chunk in
            try HardshipChunk.forEachRow(in: chunk, wanted: { id, _ in asked += 1; return ids.contains(bytes: id) }) { kept.append(try $0.row) }
        }
        #expect(asked == rows.count)
        #expect(kept == rows.filter { wanted.contains($0.idNumber) })
        #expect(kept.count == 4)
    }

    /// Bytes cut anywhere, or of another format, throw `StoredValueError`: never a crash.
    @Test func cutOrForeignBytesAreAStoredValueError() throws {
        var builder = HardshipChunk.Builder()
        for n in 0..<3 { builder.append(Self.row(n)) }
        let bytes = builder.take(fileId: 1).rows
        for cut in 2..<bytes.count {
            let rows = try? HardshipChunk.rows(in: bytes.prefix(cut))
            // A cut at a row's end reads the rows before it; anywhere else throws.
            if let rows { #expect(rows == Array((0..<3).map(Self.row).prefix(rows.count))) }
        }
        #expect(throws: HardshipChunk.malformed) { try HardshipChunk.rows(in: Data([2] + bytes.dropFirst())) }
        #expect(throws: HardshipChunk.malformed) { try HardshipChunk.rows(in: bytes.prefix(bytes.count - 1)) }
    }

    /// The importer writes a chunk when one is full: a list of more lines than a chunk holds is
    /// stored in several, in the order of its lines.
    @Test func aLongListTakesSeveralChunks() throws {
        let count = HardshipChunk.rowsPerChunk * 2 + 5
        var text = "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因\n"
        for n in 0..<count { text += "3607021967\(String(format: "%08d", n)),刘建国,特困人员,360702,2024-03-01,,\n" }
        let (outcome, store) = try ImportProbe().importIntoStore("MZ_HARD_360700_20260131_001.csv", bytes: try ImportProbe.gb18030(text))
        #expect(!outcome.rejects && outcome.recordCount == count)
        let chunks = try store.database.read { db in try HardshipChunkRecord.order(Column("id")).fetchAll(db) }
        #expect(chunks.map(\.rowCount) == [HardshipChunk.rowsPerChunk, HardshipChunk.rowsPerChunk, 5])
        let rows = try store.database.read { db in try HardshipChunkRecord.storedRows(db) }
        #expect(rows.map(\.line) == Array(2..<count + 2))
        #expect(rows.last?.idNumber == "3607021967\(String(format: "%08d", count - 1))")
    }

    /// A v10 store's `hardshipRow` moves into chunks, file by file in line order, and goes with
    /// its indexes, also from `deferredIndex`; the other deferred indexes still wait.
    @Test func migrationV11MovesTheRowsOfAV10Store() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v10 partial key indexes")
        let rows = (0..<40).map(Self.row)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO inputFile (id, name, sha256, size, status, receivedAt, receivedOn) VALUES
                    (1, 'a', 'x', 0, 'IMPORTED', 'now', '2026-01-06'), (2, 'b', 'x', 0, 'IMPORTED', 'now', '2026-01-06')
                """)
            // File 2's rows first and file 1's in reverse: the migration orders them.
            for (index, row) in rows.enumerated().reversed() {
                try db.execute(sql: """
                    INSERT INTO hardshipRow (fileId, line, department, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason)
                    VALUES (?, ?, 'MZ', ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [index < 25 ? 1 : 2, row.line, row.idNumber, row.idValid, row.name, row.category.rawValue,
                                     row.county, row.certifiedOn.iso, row.endsOn?.iso, row.endReason?.rawValue])
            }
            for name in ["hardshipRowByIdNumber", "receiptByIdNumber"] {
                let sql = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]))
                try db.execute(sql: "INSERT INTO deferredIndex (name, sql) VALUES (?, ?); DROP INDEX \(name)", arguments: [name, sql])
            }
        }
        try Migrations.migrator.migrate(queue)
        try queue.read { db throws in
            let first = try HardshipChunkRecord.storedRows(db, fileId: 1), second = try HardshipChunkRecord.storedRows(db, fileId: 2)
            #expect(first == Array(rows.prefix(25)))
            #expect(second == Array(rows.dropFirst(25)))
            #expect(try HardshipChunkRecord.fetchCount(db) == 2)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'hardshipRow%'").isEmpty)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM deferredIndex") == ["receiptByIdNumber"])
        }
    }
}
