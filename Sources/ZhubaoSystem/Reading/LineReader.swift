#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file line by line, decoding it to UTF-8, in constant memory.
///
/// - Encodings: GB18030 (through `IconvDecoder`) or UTF-8 (validated). `.detectBOM(default:)`
///   picks UTF-8 when the file starts with the byte-order mark EF BB BF and the default
///   otherwise; with `.utf8` a leading BOM is stripped as well; with `.gb18030` it is not.
/// - Lines end at LF; a CR right before the LF is dropped (so CRLF and LF both work). A CR
///   anywhere else, including at the very end of an unterminated last line, is kept.
/// - A final LF ends the last line; it does not start an empty one. So `"T|1\n"` is one line
///   (terminated) and `"T|1\n\n"` is two lines, the second empty; `"T|1"` is one line with
///   `isTerminated == false`.
/// - Bytes that are invalid for the encoding throw `LineReaderError` naming the line (every line
///   before it is delivered first). Input problems throw `InputError`.
///
/// Not thread-safe; one reader per file. `close()` closes the source; deinit frees the buffers
/// and the iconv handle (and the source closes itself when released).
package final class LineReader {
    package indirect enum Encoding: Sendable, Hashable, CustomStringConvertible {
        case gb18030
        case utf8
        /// UTF-8 when the file starts with a UTF-8 byte-order mark, else `default`.
        case detectBOM(default: Encoding)

        package var description: String {
            switch self {
            case .gb18030: "GB18030"
            case .utf8: "UTF-8"
            case .detectBOM(let fallback): "UTF-8 with BOM, else \(fallback)"
            }
        }
    }

    /// One line as a `String`.
    package struct Line: Sendable, Hashable {
        /// 1-based physical line number.
        package var number: Int
        /// The text without its line ending.
        package var text: String
        /// False only for a last line that the file ends without a newline.
        package var isTerminated: Bool

        package init(number: Int, text: String, isTerminated: Bool) {
            self.number = number
            self.text = text
            self.isTerminated = isTerminated
        }
    }

    /// One line as UTF-8 bytes, valid only inside the closure it is passed to.
    package struct RawLine {
        package let number: Int
        /// Valid UTF-8 without the line ending. Do not let it escape the closure.
        package let bytes: UnsafeBufferPointer<UInt8>
        package let isTerminated: Bool
        package var isEmpty: Bool { bytes.isEmpty }
        package var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    package let source: ByteSource
    /// The name messages use (the source's file name unless given).
    package let fileName: String
    package let requestedEncoding: Encoding
    /// `.gb18030` or `.utf8` once the first line was asked for; nil before.
    package internal(set) var encoding: Encoding?
    /// Whether a UTF-8 byte-order mark was found and stripped.
    package internal(set) var hadByteOrderMark = false
    /// The number of the last line delivered (0 before the first).
    package internal(set) var lineNumber = 0
    /// Whether the last line delivered ended with a newline.
    package internal(set) var lastLineTerminated = false
    /// True once `next()` returned nil.
    package private(set) var isAtEnd = false

    let chunkSize: Int
    let maxLineBytes: Int
    // Decoded UTF-8 not yet delivered is buf[start..<end]; no LF in buf[start..<scan].
    var buf: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var start = 0
    var end = 0
    var scan = 0
    /// File offset (decompressed, BOM included) of buf[0]; used in UTF-8 mode.
    var bufFileOffset = 0
    /// Raw input for GB18030 mode; raw[0..<carry] holds a character cut by the last chunk.
    var raw: UnsafeMutableRawBufferPointer?
    var carry = 0
    /// File offset of raw[0], for error messages.
    var rawFileOffset = 0
    var decoder: IconvDecoder?
    var started = false
    var sourceEnded = false
    /// A decoding error at `end`, thrown once the lines before it are delivered.
    var pendingError: LineReaderError?

    /// - Parameters:
    ///   - chunkSize: bytes read from the source at a time (tests use tiny ones).
    ///   - maxLineBytes: a longer line throws `.lineTooLong` instead of growing the buffer.
    package init(
        source: ByteSource, fileName: String? = nil, encoding: Encoding = .detectBOM(default: .gb18030),
        chunkSize: Int = 128 * 1024, maxLineBytes: Int = 1 << 20
    ) {
        self.source = source
        self.fileName = fileName ?? source.fileName
        requestedEncoding = encoding
        self.chunkSize = max(chunkSize, 1)
        self.maxLineBytes = max(maxLineBytes, 1)
        capacity = self.chunkSize * 2 + 64
        buf = .allocate(capacity: capacity)
    }

    deinit {
        buf.deallocate()
        raw?.deallocate()
        decoder?.close()
    }

    /// Closes the source; `next()` then throws `InputError.closed` once the lines already
    /// decoded are used up. The iconv handle goes with the reader.
    package func close() {
        source.close()
    }

    /// The next line, or nil at the end of the file. Throws `LineReaderError` or `InputError`.
    package func next() throws -> Line? {
        try nextRaw { Line(number: $0.number, text: $0.text, isTerminated: $0.isTerminated) }
    }

    /// Passes the next line's bytes to `body` and returns its result, or nil at the end of the
    /// file. Cheaper than `next()` when not every line needs a `String`.
    package func nextRaw<R>(_ body: (RawLine) throws -> R) throws -> R? {
        if !started { try begin() }
        while true {
            if scan < end, let hit = memchr(buf + scan, 0x0A, end - scan) {
                let lf = hit.assumingMemoryBound(to: UInt8.self) - buf
                var stop = lf
                if stop > start && buf[stop - 1] == 0x0D { stop -= 1 }
                let lineStart = start
                start = lf + 1
                scan = start
                return try deliver(from: lineStart, to: stop, terminated: true, body)
            }
            scan = end
            if let pendingError { throw pendingError.at(line: lineNumber + 1) }
            if end - start > maxLineBytes {
                throw LineReaderError.lineTooLong(line: lineNumber + 1, limit: maxLineBytes)
            }
            if sourceEnded {
                if start < end {
                    let lineStart = start
                    start = end
                    return try deliver(from: lineStart, to: end, terminated: false, body)
                }
                isAtEnd = true
                return nil
            }
            try refill()
        }
    }

    private func deliver<R>(from lineStart: Int, to stop: Int, terminated: Bool, _ body: (RawLine) throws -> R) throws -> R {
        lineNumber += 1
        lastLineTerminated = terminated
        let bytes = UnsafeBufferPointer(start: buf + lineStart, count: stop - lineStart)
        if encoding == .utf8, let bad = UTF8Validation.firstInvalidIndex(bytes) {
            let rest = Array(bytes[bad...].prefix(4))
            throw LineReaderError.invalidBytes(
                line: lineNumber, offset: bufFileOffset + lineStart + bad, encoding: "UTF-8", bytes: rest)
        }
        return try body(RawLine(number: lineNumber, bytes: bytes, isTerminated: terminated))
    }
}
