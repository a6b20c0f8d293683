// The one place zhubao opens and reads input files with POSIX calls.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input file that could not be opened or read. Carries the file's name (never the whole
/// path, so messages can go into reason files) and the system's or zlib's explanation.
package enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Operation: String, Sendable {
        case open, read
    }

    /// A POSIX call failed; `errno` is the system error number.
    case system(fileName: String, operation: Operation, errno: Int32)
    /// The gzip layer failed: truncated or corrupt stream, not gzip at all, or a system error
    /// underneath zlib.
    case gzip(fileName: String, ZlibError)
    /// `read` called after `close`.
    case closed(fileName: String)
    /// More than `limit` bytes (after decompression): the file is rejected without reading
    /// further (formats.md "Layout", setting `max_decompressed_bytes`).
    case tooLarge(fileName: String, limit: Int)

    package var fileName: String {
        switch self {
        case .system(let name, _, _), .gzip(let name, _), .closed(let name), .tooLarge(let name, _): name
        }
    }

    /// The message without the file name, e.g. "cannot open: No such file or directory".
    package var message: String { texts.english }

    package var description: String { "\(fileName): \(message)" }

    /// The reason in Chinese, with the technical detail after it.
    package var chineseMessage: String { texts.chinese }

    /// Both messages of each case, side by side.
    private var texts: (english: String, chinese: String) {
        switch self {
        case .system(_, let operation, let err):
            let english = "cannot \(operation.rawValue): \(String(cString: strerror(err)))"
            return (english, operation == .open ? "无法打开文件，请检查文件的权限与所有者（\(english)）"
                                                : "读取文件时发生输入输出错误（\(english)）")
        case .gzip(_, let error):
            return (error.kind == .system ? "cannot read: \(error.message)" : error.description, error.chineseMessage)
        case .closed:
            return ("read after close", "文件已关闭，无法继续读取（read after close）")
        case .tooLarge(_, let limit):
            return ("more than \(limit) bytes", "文件解压后超过 \(limit) 字节（设置 max_decompressed_bytes），未再读取，拒收")
        }
    }

    /// The diagnostic that rejects the file; `line`, where a reader knows it, is the line the
    /// fault starts on.
    package func diagnostic(line: Int? = nil) -> Diagnostic {
        .error(chineseMessage, at: Location(file: fileName, line: line))
    }

    /// The diagnostic that rejects the file.
    package var diagnostic: Diagnostic { diagnostic() }
}

/// The bytes of one input: a plain file (POSIX `open`/`read`/`close`), a gzip file
/// (`GzipReader`), or bytes already in memory. Closes itself on `close()` or in `deinit`,
/// whichever comes first; reading after `close()` throws.
package final class ByteSource {
    private enum Backend {
        case file(Int32)
        case gzip(GzipReader)
        case memory([UInt8], position: Int)
        case closed
    }

    private var backend: Backend
    /// The file name (last path component), for messages.
    package let fileName: String
    /// Bytes delivered so far (decompressed bytes for gzip).
    package private(set) var bytesRead = 0
    /// The most bytes (decompressed) this source delivers: a read that would go beyond throws
    /// `InputError.tooLarge` instead, having delivered nothing past the limit.
    package var limit = Int.max

    /// Opens `path`. With `gzip: true` the file is decompressed as it is read.
    /// Throws `InputError` (`.system` with `ENOENT`, `EACCES`, …).
    package init(path: String, gzip: Bool = false) throws {
        let name = ByteSource.lastComponent(of: path)
        fileName = name
        if gzip {
            do {
                backend = .gzip(try GzipReader(path: path))
            } catch let error as ZlibError {
                if error.kind == .system, let err = error.errno {
                    throw InputError.system(fileName: name, operation: .open, errno: err)
                }
                throw InputError.gzip(fileName: name, error)
            }
        } else {
            var fd: Int32
            repeat {
                fd = open(path, O_RDONLY | O_CLOEXEC)
            } while fd < 0 && errno == EINTR
            guard fd >= 0 else { throw InputError.system(fileName: name, operation: .open, errno: errno) }
            backend = .file(fd)
        }
    }

    /// Bytes in memory, read like a file called `fileName`.
    package init(bytes: [UInt8], fileName: String = "<memory>") {
        self.fileName = fileName
        backend = .memory(bytes, position: 0)
    }

    deinit { close() }

    package var isClosed: Bool {
        if case .closed = backend { return true }
        return false
    }

    /// Fills `buffer` with up to `buffer.count` bytes and returns how many; 0 means the end.
    /// A plain file may return fewer bytes than asked before its end; a gzip file does not.
    /// Throws `InputError`: `.system` for a failed read, `.gzip` for a truncated or corrupt
    /// stream, `.closed` after `close()`.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        if bytesRead >= limit, !isClosed {
            // At the limit: one more byte says whether the file goes beyond it.
            var probe: UInt8 = 0
            let more = try withUnsafeMutableBytes(of: &probe) { try readBackend(into: $0) }
            if more > 0 { throw InputError.tooLarge(fileName: fileName, limit: limit) }
            return 0
        }
        let wanted = limit - bytesRead < buffer.count
            ? UnsafeMutableRawBufferPointer(rebasing: buffer[..<(limit - bytesRead)]) : buffer
        let count = try readBackend(into: wanted)
        bytesRead += count
        return count
    }

    private func readBackend(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count: Int
        switch backend {
        case .file(let fd):
            var n: Int
            repeat {
                n = systemRead(fd, buffer.baseAddress, buffer.count)
            } while n < 0 && errno == EINTR
            guard n >= 0 else { throw InputError.system(fileName: fileName, operation: .read, errno: errno) }
            count = n
        case .gzip(let reader):
            do {
                count = try reader.read(into: buffer)
            } catch let error as ZlibError {
                throw InputError.gzip(fileName: fileName, error)
            }
        case .memory(let bytes, let position):
            count = min(buffer.count, bytes.count - position)
            if count > 0 {
                bytes.withUnsafeBytes { all in
                    buffer.baseAddress!.copyMemory(from: all.baseAddress! + position, byteCount: count)
                }
            }
            backend = .memory(bytes, position: position + count)
        case .closed:
            throw InputError.closed(fileName: fileName)
        }
        return count
    }

    /// Reads until `buffer` is full or the input ends; returns the bytes read.
    package func readFully(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < buffer.count {
            let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// Releases the file. Safe to call more than once. Errors from `close(2)` on a file opened
    /// read-only are ignored: nothing was written that could be lost.
    package func close() {
        switch backend {
        case .file(let fd): systemClose(fd)
        case .gzip(let reader): reader.close()
        case .memory, .closed: break
        }
        backend = .closed
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        let name = path[path.index(after: slash)...]
        return name.isEmpty ? path : String(name)
    }
}

// At file scope so the names resolve to the C functions, not to ByteSource's methods.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemClose(_ fd: Int32) {
    _ = close(fd)
}
