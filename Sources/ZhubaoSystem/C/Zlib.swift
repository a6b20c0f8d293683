// The one place zhubao talks to zlib. Everything else reads gzip through `GzipReader` (usually
// via `ByteSource(path:gzip: true)`).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlibSystem

/// A zlib failure, with the message zlib (or the system) gave.
package struct ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable {
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

    package let kind: Kind
    /// The zlib return code (`Z_DATA_ERROR`, …), `Z_ERRNO` for system errors.
    package let code: Int32
    package let errno: Int32?
    /// Human-readable, e.g. "unexpected end of file" or "invalid block type".
    package let message: String
    /// Where the fault was found: the compressed file's byte offset (0-based) and how many
    /// decompressed bytes came before it; nil when not known (a failed open).
    package var compressedOffset: Int?
    package var decompressedOffset: Int?

    package init(kind: Kind, code: Int32, errno: Int32? = nil, message: String) {
        self.kind = kind
        self.code = code
        self.errno = errno
        self.message = message
    }

    package var description: String {
        switch kind {
        case .truncated: "gzip stream is truncated (\(message))"
        case .corrupt: "gzip stream is corrupt (\(message))"
        case .notGzip: "not a gzip file (\(message))"
        case .system, .outOfMemory, .other: message
        }
    }

    /// The reason in Chinese, with zlib's or the system's words and the offsets after it.
    package var chineseMessage: String {
        var at = ""
        if let compressedOffset { at += "压缩文件第 \(compressedOffset) 字节处" }
        if let decompressedOffset { at += (at.isEmpty ? "" : "，") + "解压后第 \(decompressedOffset) 字节处" }
        let detail = (at.isEmpty ? "" : at + "；") + "zlib：\(message)"
        switch kind {
        case .truncated: return "gzip 压缩数据不完整（文件可能被截断），拒收（\(detail)）"
        case .corrupt: return "gzip 压缩数据损坏，拒收（\(detail)）"
        case .notGzip: return "文件名以 .gz 结尾，但内容不是 gzip 格式，拒收（\(detail)）"
        case .system: return "读取文件时发生输入输出错误（\(message)）"
        case .outOfMemory, .other: return "无法解压 gzip 数据（\(detail)）"
        }
    }

    static func system(_ err: Int32) -> ZlibError {
        ZlibError(kind: .system, code: Z_ERRNO, errno: err, message: String(cString: strerror(err)))
    }
}

/// Reads a gzip file (RFC 1952, any number of members) as its decompressed bytes, through
/// zlib's `inflate` with the file read by POSIX calls.
///
/// A truncated or corrupt stream is an error, never a silent short read: the input ending
/// inside a member is `.truncated` ("unexpected end of file"), bad data or a bad check value
/// `.corrupt` with zlib's message, a file that does not start with a gzip header `.notGzip`,
/// and bytes after the last member that do not start another one `.corrupt` ("data after the
/// end of the gzip stream") — zlib's gz* layer would ignore those, which is why this reader
/// drives `inflate` itself.
package final class GzipReader {
    package static let bufferSize = 256 * 1024

    private var descriptor: Int32
    private var stream = z_stream()
    private var inflating = false
    private let input: UnsafeMutablePointer<UInt8>
    private var inputEnded = false
    /// A member ended; what follows must be another member's header or the end of the file.
    private var betweenMembers = false
    private var members = 0
    private var finished = false
    /// Decompressed bytes returned so far.
    package private(set) var bytesRead = 0
    /// Compressed bytes read from the file so far (some may wait in the input buffer).
    private var fileBytes = 0

    /// Opens `path` for reading. Throws `ZlibError` (`.system` when the file cannot be opened).
    package init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ZlibError.system(errno) }
        input = .allocate(capacity: Self.bufferSize)
        // 15 + 16: a 32 KiB window, gzip wrapper only (no zlib or raw deflate accepted).
        let code = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            closeDescriptor(descriptor)
            descriptor = -1
            input.deallocate()
            throw ZlibError(kind: code == Z_MEM_ERROR ? .outOfMemory : .other, code: code, message: "inflateInit2 failed")
        }
        inflating = true
    }

    deinit {
        close()
        input.deallocate()
    }

    package var isClosed: Bool { descriptor < 0 }

    /// Reads up to `buffer.count` decompressed bytes; 0 means the end of the last member.
    /// Throws `ZlibError`: `.truncated`, `.corrupt`, `.notGzip`, `.system`, ….
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        do {
            return try inflateInto(buffer)
        } catch var error as ZlibError {
            if error.kind != .system {
                error.compressedOffset = fileBytes - Int(stream.avail_in)
                error.decompressedOffset = bytesRead + max(0, wanted - Int(stream.avail_out))
            }
            throw error
        }
    }

    /// The output space the call under way asked for.
    private var wanted = 0

    private func inflateInto(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard descriptor >= 0 else {
            throw ZlibError(kind: .other, code: Z_STREAM_ERROR, message: "read after close")
        }
        guard let base = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        stream.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        wanted = Int(stream.avail_out)
        while stream.avail_out > 0 {
            if members == 0 || betweenMembers {
                // The start of a member: its first two bytes must be the gzip magic 1F 8B.
                try fill(atLeast: 2)
                if stream.avail_in == 0, betweenMembers {
                    finished = true
                    break
                }
                guard stream.avail_in >= 2, stream.next_in[0] == 0x1F, stream.next_in[1] == 0x8B else {
                    if members == 0 { throw ZlibError(kind: .notGzip, code: Z_DATA_ERROR, message: "no gzip header") }
                    throw ZlibError(kind: .corrupt, code: Z_DATA_ERROR, message: "data after the end of the gzip stream")
                }
                if betweenMembers { inflateReset(&stream) }
                betweenMembers = false
                members += 1
            }
            try fill(atLeast: 1)
            if stream.avail_in == 0 {
                throw ZlibError(kind: .truncated, code: Z_BUF_ERROR, message: "unexpected end of file")
            }
            let code = inflate(&stream, Z_NO_FLUSH)
            switch code {
            case Z_OK, Z_BUF_ERROR:
                continue  // Z_BUF_ERROR: no progress without more input, which fill() brings
            case Z_STREAM_END:
                betweenMembers = true
            case Z_DATA_ERROR:
                let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
                throw ZlibError(kind: .corrupt, code: code, message: message)
            case Z_MEM_ERROR:
                throw ZlibError(kind: .outOfMemory, code: code, message: "out of memory")
            default:
                throw ZlibError(kind: .other, code: code, message: stream.msg.map { String(cString: $0) } ?? "zlib error \(code)")
            }
        }
        let produced = wanted - Int(stream.avail_out)
        bytesRead += produced
        return produced
    }

    /// Reads more of the file until `count` input bytes are waiting or the file has ended.
    private func fill(atLeast count: Int) throws {
        while Int(stream.avail_in) < count, !inputEnded {
            let kept = Int(stream.avail_in)
            if kept > 0, let next = stream.next_in, next != input { memmove(input, next, kept) }
            let got = readDescriptor(descriptor, input + kept, Self.bufferSize - kept)
            if got < 0 {
                let err = errno
                if err == EINTR { continue }
                throw ZlibError.system(err)
            }
            if got == 0 { inputEnded = true }
            fileBytes += got
            stream.next_in = input
            stream.avail_in = UInt32(kept + got)
        }
    }

    /// Closes the file. Safe to call more than once; deinit calls it too. Never throws.
    package func close() {
        if inflating {
            inflateEnd(&stream)
            inflating = false
        }
        if descriptor >= 0 {
            closeDescriptor(descriptor)
            descriptor = -1
        }
    }
}

// The POSIX calls by other names, for use inside the class, whose `read` and `close` hide them.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
