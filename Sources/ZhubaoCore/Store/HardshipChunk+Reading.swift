import Foundation
import GRDB

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
            guard let day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100) else {
                throw HardshipChunk.malformed
            }
            return day
        }

        func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

        func code<C: RawRepresentable<String>>(_ bytes: UnsafeRawBufferPointer, as type: C.Type) throws -> C {
            guard let code = C(rawValue: text(bytes)) else { throw HardshipChunk.malformed }
            return code
        }

        var row: HardshipRow {
            get throws {
                HardshipRow(line: line, idNumber: text(idNumber), idValid: idValid, name: text(name),
                            category: try code(category, as: HardshipCategory.self), county: text(county),
                            certifiedOn: try day(certifiedOn), endsOn: endsOn == 0 ? nil : try day(endsOn),
                            endReason: flags & hasEndReason == 0 ? nil : try code(endReason, as: HardshipEndReason.self))
            }
        }
    }

    /// Calls `body` with each row of a chunk's bytes, in the order of the file.
    static func forEachRow(in chunk: UnsafeRawBufferPointer, _ body: (RowView) throws -> Void) throws {
        guard chunk.first == format else { throw malformed }
        var at = 1
        let end = chunk.count
        func byte() throws -> UInt8 {
            guard at < end else { throw malformed }
            defer { at += 1 }
            return chunk[at]
        }
        func varint() throws -> Int {
            var value: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return Int(truncatingIfNeeded: value) }
                shift += 7
                guard shift < 64 else { throw malformed }
            }
        }
        func word() throws -> UInt32 {
            guard end - at >= 4 else { throw malformed }
            defer { at += 4 }
            return UInt32(littleEndian: chunk.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        func text() throws -> UnsafeRawBufferPointer {
            let count = try varint()
            guard count >= 0, end - at >= count else { throw malformed }
            defer { at += count }
            return UnsafeRawBufferPointer(rebasing: chunk[at..<at + count])
        }
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        while at < end {
            let line = try varint(), flags = try byte(), certifiedOn = try word()
            let endsOn = flags & hasEndsOn == 0 ? 0 : try word()
            let idNumber = try text(), name = try text(), category = try text(), county = try text()
            let endReason = flags & hasEndReason == 0 ? empty : try text()
            try body(RowView(line: line, flags: flags, certifiedOn: certifiedOn, endsOn: endsOn, idNumber: idNumber,
                             name: name, category: category, county: county, endReason: endReason))
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
