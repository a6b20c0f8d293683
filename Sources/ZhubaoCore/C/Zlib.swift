// The one place zhubao talks to zlib. Everything else reads gzip through `GzipReader` (usually
// via `ByteSource(path:gzip: true)`).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlibSystem

/// A zlib failure, with the message zlib (or the system) gave.
public struct ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The stream ends in the middle of a member (zlib: `Z_BUF_ERROR`, "unexpected end of file").
        case truncated
        /// Bad compressed data or a bad check value (`Z_DATA_ERROR`).
        case corrupt
        /// The file does not start with a gzip header (or is empty).
        case notGzip
        /// The system refused an open or a read (`Z_ERRNO`); `errno` says why.
        case system
        case outOfMemory
        case other
    }

    public let kind: Kind
    /// The zlib return code (`Z_DATA_ERROR`, …), `Z_ERRNO` for system errors.
    public let code: Int32
    public let errno: Int32?
    /// Human-readable, e.g. "unexpected end of file" or "invalid block type".
    public let message: String

    public init(kind: Kind, code: Int32, errno: Int32? = nil, message: String) {
        self.kind = kind
        self.code = code
        self.errno = errno
        self.message = message
    }

    public var description: String {
        switch kind {
        case .truncated: "gzip stream is truncated (\(message))"
        case .corrupt: "gzip stream is corrupt (\(message))"
        case .notGzip: "not a gzip file (\(message))"
        case .system, .outOfMemory, .other: message
        }
    }

    static func system(_ err: Int32) -> ZlibError {
        ZlibError(kind: .system, code: Z_ERRNO, errno: err, message: String(cString: strerror(err)))
    }
}

/// Reads a gzip file (RFC 1952, any number of members) as its decompressed bytes.
///
/// A truncated or corrupt stream is an error, never a silent short read: after every `gzread`
/// the reader asks `gzerror`, because zlib reports a truncated stream as a short (even empty)
/// read with `Z_BUF_ERROR` left in the error state. A file without a gzip header is refused
/// (zlib itself would pass it through unchanged).
///
/// Known limit of zlib's gz* layer: bytes after the last complete member that do not start a
/// new gzip header are ignored by zlib, so such trailing garbage is not detected.
public final class GzipReader {
    public static let bufferSize: UInt32 = 256 * 1024

    private var file: gzFile?
    private let path: String
    private var checkedHeader = false
    /// Decompressed bytes returned so far.
    public private(set) var bytesRead = 0

    /// Opens `path` for reading. Throws `ZlibError` (`.system` when the file cannot be opened).
    public init(path: String) throws {
        errno = 0
        guard let file = gzopen(path, "rbe") else {
            let err = errno
            if err != 0 { throw ZlibError.system(err) }
            throw ZlibError(kind: .outOfMemory, code: Z_MEM_ERROR, message: "gzopen failed")
        }
        self.file = file
        self.path = path
        if gzbuffer(file, Self.bufferSize) != 0 {
            gzclose_r(file)
            self.file = nil
            throw ZlibError(kind: .other, code: Z_STREAM_ERROR, message: "gzbuffer refused")
        }
    }

    deinit { close() }

    public var isClosed: Bool { file == nil }

    /// Reads up to `buffer.count` decompressed bytes; 0 means the end of the last member.
    /// Throws `ZlibError`: `.truncated`, `.corrupt`, `.notGzip`, `.system`, ….
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let file else {
            throw ZlibError(kind: .other, code: Z_STREAM_ERROR, message: "read after close")
        }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if !checkedHeader {
            checkedHeader = true
            // gzdirect reads the header in; 1 means "no gzip header, would copy as is".
            if gzdirect(file) == 1 {
                try checkError(file)
                throw ZlibError(kind: .notGzip, code: Z_DATA_ERROR, message: "no gzip header")
            }
        }
        let want = UInt32(min(buffer.count, Int(Int32.max)))
        let got = gzread(file, base, want)
        try checkError(file)
        if got < 0 {
            throw ZlibError(kind: .other, code: Z_STREAM_ERROR, message: "gzread failed")
        }
        bytesRead += Int(got)
        return Int(got)
    }

    /// Closes the file. Safe to call more than once; deinit calls it too. Never throws: a close
    /// after an incomplete read reports only that the stream was not read to its end.
    public func close() {
        if let file {
            gzclose_r(file)
            self.file = nil
        }
    }

    private func checkError(_ file: gzFile) throws(ZlibError) {
        var code: Int32 = Z_OK
        let text = gzerror(file, &code)
        guard code != Z_OK else { return }
        if code == Z_ERRNO {
            let err = errno
            throw .system(err)
        }
        var message = text.map { String(cString: $0) } ?? "zlib error \(code)"
        if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }  // no paths in messages
        switch code {
        case Z_BUF_ERROR: throw ZlibError(kind: .truncated, code: code, message: message)
        case Z_DATA_ERROR: throw ZlibError(kind: .corrupt, code: code, message: message)
        case Z_MEM_ERROR: throw ZlibError(kind: .outOfMemory, code: code, message: message)
        default: throw ZlibError(kind: .other, code: code, message: message)
        }
    }
}
