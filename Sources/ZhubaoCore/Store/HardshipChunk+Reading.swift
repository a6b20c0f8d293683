import Foundation
import GRDB
import GRDBSQLite

extension HardshipChunk {
    /// What bytes that are not what `Builder` writes throw (a store written by another
    /// program, or damaged).
    static var malformed: StoredValueError { StoredValueError(table: "hardshipChunk", column: "rows") }

    /// One row of a chunk, its texts still the chunk's bytes: a scan looks at the ID number of
    /// every row and makes values of the few it keeps (`HardshipRow`, `HardshipSnapshot.Row`).
    struct RowView {
        var line: Int
        var flags: UInt8
        var certifiedOn: UInt32
        /// 0 when not given.
        var endsOn: UInt32
        var idNumber: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer
        var category: UnsafeRawBufferPointer, county: UnsafeRawBufferPointer
        /// Empty when not given.
        var endReason: UnsafeRawBufferPointer

        var idValid: Bool { flags & validID != 0 }

        func day(_ digits: UInt32) throws -> Day {
            let value = Int(digits)
            guard let day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100) else { throw malformed }
            return day
        }

        func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

        func code<C: RawRepresentable<String>>(_ bytes: UnsafeRawBufferPointer, as type: C.Type) throws -> C {
            guard let code = C(rawValue: text(bytes)) else { throw malformed }
            return code
        }

        var categoryCode: HardshipCategory { get throws { try code(category, as: HardshipCategory.self) } }
        var certifiedDay: Day { get throws { try day(certifiedOn) } }
        var endDay: Day? { get throws { endsOn == 0 ? nil : try day(endsOn) } }
        var reason: HardshipEndReason? {
            get throws { flags & hasEndReason == 0 ? nil : try code(endReason, as: HardshipEndReason.self) }
        }

        var row: HardshipRow {
            get throws {
                HardshipRow(line: line, idNumber: text(idNumber), idValid: idValid, name: text(name),
                            category: try categoryCode, county: text(county), certifiedOn: try certifiedDay,
                            endsOn: try endDay, endReason: try reason)
            }
        }
    }

    /// The bytes of a chunk read from the front; every read checks the bounds.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var at: Int

        var atEnd: Bool { at >= bytes.count }

        @inline(__always) mutating func byte() throws -> UInt8 {
            guard at < bytes.count else { throw malformed }
            defer { at += 1 }
            return bytes[at]
        }

        @inline(__always) mutating func varint() throws -> Int {
            let first = try byte()
            if first < 0x80 { return Int(first) }
            var value = UInt64(first & 0x7F), shift: UInt64 = 7
            while true {
                let b = try byte()
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
                guard shift < 63 else { throw malformed }
            }
            guard value <= UInt64(Int.max) else { throw malformed }
            return Int(value)
        }

        @inline(__always) mutating func word() throws -> UInt32 {
            guard bytes.count - at >= 4 else { throw malformed }
            defer { at += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }

        @inline(__always) mutating func text(before end: Int) throws -> UnsafeRawBufferPointer {
            let count = try varint()
            guard count <= end - at else { throw malformed }
            defer { at += count }
            return UnsafeRawBufferPointer(rebasing: bytes[at..<at + count])
        }
    }

    /// Calls `body` with each row of a chunk's bytes, in the order of the file, whose ID number
    /// and validity `wanted` accepts (every row when it is nil); the others are skipped unread.
    static func forEachRow(in chunk: UnsafeRawBufferPointer,
                           wanted: ((_ idNumber: UnsafeRawBufferPointer, _ idValid: Bool) -> Bool)? = nil,
                           _ body: (RowView) throws -> Void) throws {
        guard chunk.first == format else { throw malformed }
        var cursor = Cursor(bytes: chunk, at: 1)
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        while !cursor.atEnd {
            let length = try cursor.varint()
            guard length <= chunk.count - cursor.at else { throw malformed }
            let end = cursor.at + length
            let idNumber = try cursor.text(before: end)
            guard cursor.at < end else { throw malformed }  // the flags are the row's own
            let flags = try cursor.byte()
            if let wanted, !wanted(idNumber, flags & validID != 0) {
                cursor.at = end
                continue
            }
            let line = try cursor.varint(), certifiedOn = try cursor.word()
            let endsOn = flags & hasEndsOn == 0 ? 0 : try cursor.word()
            guard flags & hasEndsOn == 0 || endsOn != 0 else { throw malformed }  // 0 means "none"
            let name = try cursor.text(before: end), category = try cursor.text(before: end), county = try cursor.text(before: end)
            let endReason = flags & hasEndReason == 0 ? empty : try cursor.text(before: end)
            guard cursor.at == end else { throw malformed }
            try body(RowView(line: line, flags: flags, certifiedOn: certifiedOn, endsOn: endsOn, idNumber: idNumber,
                             name: name, category: category, county: county, endReason: endReason))
        }
    }

    /// Calls `body` with the bytes of each chunk of the files, file by file (in the order of
    /// their ids), each file's in the order of its lines.
    static func forEachChunk(_ db: Database, files: [Int64],
                             _ body: (_ fileId: Int64, _ chunk: UnsafeRawBufferPointer) throws -> Void) throws {
        guard !files.isEmpty else { return }
        let statement = try db.makeStatement(sql: """
            SELECT fileId, rows FROM hardshipChunk WHERE fileId IN (\(files.map(String.init).joined(separator: ","))) ORDER BY fileId, id
            """)
        let sqlite = statement.sqliteStatement
        let cursor = try Row.fetchCursor(statement)
        while try cursor.next() != nil {
            // The blob's pointer first, then its size (SQLite's order); valid until the next step.
            let start = sqlite3_column_blob(sqlite, 1)
            try body(sqlite3_column_int64(sqlite, 0), UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(sqlite, 1))))
        }
    }

    /// Every row of a chunk's bytes as values.
    static func rows(in chunk: Data) throws -> [HardshipRow] {
        var rows: [HardshipRow] = []
        try chunk.withUnsafeBytes { bytes in try forEachRow(in: bytes) { rows.append(try $0.row) } }
        return rows
    }
}

extension HardshipChunkRecord {
    /// Every stored hardship line (of one file, or of all), in the order of the files' ids and
    /// of their lines: for tests and for looking at a store by hand.
    package static func storedRows(_ db: Database, fileId: Int64? = nil) throws -> [HardshipRow] {
        let request = fileId.map { filter(Columns.fileId == $0) } ?? all()
        return try request.order(Columns.fileId, Columns.id).fetchAll(db).flatMap { try HardshipChunk.rows(in: $0.rows) }
    }
}
