import Foundation

/// How a hardship list's lines are kept (`hardshipChunk`, migration v11): consecutive lines of
/// one list, in the order of the file, a few thousand to a SQLite row.
///
/// A chunk's bytes are a format byte (`format`) and then its rows, each:
///
/// | field | bytes |
/// | --- | --- |
/// | the row's length after this field | varint |
/// | 身份证号 | a varint length and its UTF-8 |
/// | flags: 1 the ID number is valid, 2 终止日期 given, 4 终止原因 given | 1 |
/// | line number in the file | varint |
/// | 认定日期 as YYYYMMDD | 4, little-endian |
/// | 终止日期 as YYYYMMDD, when given | 4, little-endian |
/// | 姓名, 人员类别 code, 行政区划 | each a varint length and its UTF-8 |
/// | 终止原因, when given | a varint length and its UTF-8 |
///
/// The length and the ID number come first: a reader looking for a few people skips every
/// other row after reading two varints and the ID's bytes.
/// Codes are their stored text (`HardshipCategory.rawValue`), days their digits, so that the
/// bytes mean the same whatever the program that reads them; a new layout takes a new format
/// byte. Lengths are varints: a hostile list's overlong name is stored as it came.
package enum HardshipChunk {
    static let format: UInt8 = 1
    /// A chunk is written when it holds this many rows or `bytesPerChunk` bytes.
    static let rowsPerChunk = 8192
    static let bytesPerChunk = 1 << 20

    static let validID: UInt8 = 1, hasEndsOn: UInt8 = 2, hasEndReason: UInt8 = 4

    static func yyyymmdd(_ day: Day) -> UInt32 {
        let c = day.components
        return UInt32(c.year * 10_000 + c.month * 100 + c.day)
    }
}

/// A text a chunk row holds: a `String` (the ordinary path) or the file's bytes (the quick path).
package protocol ChunkText {
    func append(to bytes: inout [UInt8])
}

extension String: ChunkText {
    package func append(to bytes: inout [UInt8]) {
        var text = self
        text.withUTF8 { $0.append(to: &bytes) }
    }
}

extension UnsafeBufferPointer<UInt8>: ChunkText {
    package func append(to bytes: inout [UInt8]) {
        HardshipChunk.Builder.varint(count, to: &bytes)
        bytes.append(contentsOf: self)
    }
}

extension HardshipChunk {
    /// The rows of the chunk being read; the importer writes it to the store when it is full
    /// and at the end of the file (`flush`).
    package struct Builder {
        private(set) var bytes: [UInt8] = [format]
        private(set) var count = 0
        /// The row being encoded (its length goes first).
        private var row: [UInt8] = []

        package init() {}

        var isFull: Bool { count >= rowsPerChunk || bytes.count >= bytesPerChunk }

        package mutating func append<T: ChunkText>(line: Int, idNumber: T, idValid: Bool, name: T, category: HardshipCategory,
                                                   county: T, certifiedOn: Day, endsOn: Day?, endReason: HardshipEndReason?) {
            row.removeAll(keepingCapacity: true)
            idNumber.append(to: &row)
            row.append((idValid ? validID : 0) | (endsOn == nil ? 0 : hasEndsOn) | (endReason == nil ? 0 : hasEndReason))
            Self.varint(line, to: &row)
            Self.word(yyyymmdd(certifiedOn), to: &row)
            if let endsOn { Self.word(yyyymmdd(endsOn), to: &row) }
            name.append(to: &row)
            category.rawValue.append(to: &row)
            county.append(to: &row)
            endReason?.rawValue.append(to: &row)
            Self.varint(row.count, to: &bytes)
            bytes.append(contentsOf: row)
            count += 1
        }

        package mutating func append(_ row: HardshipRow) {
            append(line: row.line, idNumber: row.idNumber, idValid: row.idValid, name: row.name, category: row.category,
                   county: row.county, certifiedOn: row.certifiedOn, endsOn: row.endsOn, endReason: row.endReason)
        }

        /// Writes the rows held as a chunk of the sink's file, and starts again empty; nothing
        /// when none is held.
        mutating func flush(into sink: inout some RecordSink) throws {
            guard count > 0 else { return }
            let rows = count, fileId = sink.fileId
            try bytes.withUnsafeBufferPointer { chunk in
                try sink.insertRow(as: HardshipChunkRecord.self) {
                    HardshipChunkRecord.bind(to: &$0, fileId: fileId, rowCount: rows, rows: chunk)
                }
            }
            startAgain()
        }

        /// The chunk as a record of `fileId` (the migration that moved the rows, tests).
        mutating func take(fileId: Int64) -> HardshipChunkRecord {
            defer { startAgain() }
            return HardshipChunkRecord(id: nil, fileId: fileId, rowCount: count, rows: Data(bytes))
        }

        private mutating func startAgain() {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(format)
            count = 0
        }

        static func varint(_ value: Int, to bytes: inout [UInt8]) {
            var rest = UInt64(truncatingIfNeeded: value)
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        static func word(_ value: UInt32, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }
}
