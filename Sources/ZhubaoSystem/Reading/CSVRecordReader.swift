import Foundation

/// Reads CSV records from a `LineReader`, joining physical lines while a quote is open.
///
/// Throws `CSVError` for broken quoting, and whatever the line reader throws (`InputError`,
/// `LineReaderError`). After a `CSVError` other than an unterminated quote at the end, reading
/// can go on with the next line, so a caller can list every broken record of a file.
package final class CSVRecordReader {
    package struct Record: Sendable, Hashable {
        /// The physical line where the record starts.
        package var line: Int
        package var fields: [String]

        package init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }

        /// Every field empty: an empty line, or a line like `,,,,`.
        package var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
    }

    package let lines: LineReader
    private var parser: CSVParser
    /// Whether blank lines (nothing between the line breaks) are skipped in bulk by the line
    /// reader instead of coming back as one-empty-field records (`LineReader.skipBlankLines`).
    /// Inside a quoted field they are always content.
    package var skipsBlankLines = false

    package init(lines: LineReader, maxRecordBytes: Int = 1 << 20) {
        self.lines = lines
        parser = CSVParser(maxRecordBytes: maxRecordBytes)
    }

    /// CSV over a source: GB18030 unless it starts with a UTF-8 byte-order mark.
    package convenience init(source: ByteSource, encoding: LineReader.Encoding = .detectBOM(default: .gb18030)) {
        self.init(lines: LineReader(source: source, encoding: encoding))
    }

    /// Whether the last physical line of the file ended with a newline (after `next()` gave nil).
    package var lastLineTerminated: Bool { lines.lastLineTerminated }

    /// The next record, or nil at the end of the file.
    package func next() throws -> Record? {
        while true {
            if skipsBlankLines, !parser.isOpen { try lines.skipBlankLines() }
            let fields = try lines.nextRaw { raw in
                try parser.feed(raw.bytes, line: raw.number)
            }
            switch fields {
            case .none:
                try parser.finish()
                return nil
            case .some(.some(let fields)):
                return Record(line: parser.startLine, fields: fields)
            case .some(.none):
                continue  // a quoted field goes on on the next line
            }
        }
    }

    /// What `next(offering:)` did with a line.
    package enum Step {
        /// `quick` took the line.
        case taken
        case record(Record)
    }

    /// Like `next()`, but first offers each line that starts a record and holds no quote to
    /// `quick` as raw bytes (valid UTF-8, no line end) with its number. When `quick` returns
    /// true it has taken the line; when false the line is parsed as usual and its record
    /// returned. nil at the end of the file.
    package func next(offering quick: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws -> Step? {
        while true {
            if skipsBlankLines, !parser.isOpen { try lines.skipBlankLines() }
            let step = try lines.nextRaw { raw -> Step? in
                if !parser.isOpen, let base = raw.bytes.baseAddress, !raw.bytes.isEmpty, memchr(base, 0x22, raw.bytes.count) == nil,
                   try quick(raw.bytes, raw.number) {
                    return .taken
                }
                return try parser.feed(raw.bytes, line: raw.number).map { .record(Record(line: parser.startLine, fields: $0)) }
            }
            switch step {
            case .none:
                try parser.finish()
                return nil
            case .some(.some(let step)):
                return step
            case .some(.none):
                continue  // a quoted field goes on on the next line
            }
        }
    }
}
