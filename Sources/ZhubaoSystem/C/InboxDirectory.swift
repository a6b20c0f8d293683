// The one place zhubao lists the inbox and opens its entries with POSIX calls: names are raw
// bytes (a name need not be UTF-8), entries are opened once with O_NOFOLLOW and checked on
// that descriptor.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX call on an inbox entry failed. `name` is the entry's display name (`SafeName`).
package struct InboxFileError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Operation: String, Sendable { case list, open, stat, read, unlink }
    package let operation: Operation
    package let name: String
    package let errno: Int32

    package init(_ operation: Operation, name: String, errno: Int32) {
        self.operation = operation
        self.name = name
        self.errno = errno
    }

    /// The system's text, e.g. "Permission denied".
    package var systemText: String { String(cString: strerror(errno)) }
    package var description: String { "\(operation.rawValue) \(name): \(systemText)" }
}

/// The inbox folder, held open by a descriptor: every entry is reached relative to it.
package final class InboxDirectory {
    package struct Entry: Sendable {
        /// The name as the file system holds it.
        package let raw: [UInt8]
        /// A regular file, not a link to one (lstat: links are not followed).
        package let isRegularFile: Bool
    }

    private(set) var descriptor: Int32
    package let path: String

    package init(path: String) throws(InboxFileError) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw InboxFileError(.list, name: path, errno: errno) }
        descriptor = fd
        self.path = path
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Every entry but `.` and `..`, by raw bytes.
    package func entries() throws(InboxFileError) -> [Entry] {
        let copy = dup(descriptor)
        guard copy >= 0, let dir = fdopendir(copy) else {
            throw InboxFileError(.list, name: path, errno: errno)
        }
        defer { closedir(dir) }
        rewinddir(dir)
        var result: [Entry] = []
        while let item = readdir(dir) {
            let raw = withUnsafeBytes(of: item.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if raw == [46] || raw == [46, 46] { continue }
            result.append(Entry(raw: raw, isRegularFile: status(of: raw).map { $0.st_mode & S_IFMT == S_IFREG } ?? false))
        }
        return result.sorted { $0.raw.lexicographicallyPrecedes($1.raw) }
    }

    /// lstat of an entry, nil when it has gone.
    func status(of raw: [UInt8]) -> stat? {
        var info = stat()
        let rc = withName(raw) { fstatat(descriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }
        return rc == 0 ? info : nil
    }

    /// Opens an entry for reading, never through a symbolic link, never blocking on a FIFO;
    /// then checks on the descriptor that it is a regular file.
    package func open(_ raw: [UInt8], name: String) throws(InboxFileError) -> OpenInboxFile {
        let key = path + "/" + name
        InboxFaults.run(.beforeOpen, key)
        defer { InboxFaults.run(.afterOpen, key) }
        var fd: Int32
        repeat {
            fd = withName(raw) { openat(descriptor, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw InboxFileError(.open, name: name, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw InboxFileError(.stat, name: name, errno: code)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw InboxFileError(.open, name: name, errno: EINVAL)
        }
        return OpenInboxFile(descriptor: fd, name: name, key: key, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Removes an entry, but only while its name still refers to `file`'s inode: a name swapped
    /// for something else since it was opened is left alone. Returns whether it was removed.
    @discardableResult
    package func remove(_ raw: [UInt8], ifStill file: OpenInboxFile) throws(InboxFileError) -> Bool {
        guard let info = status(of: raw), UInt64(info.st_dev) == file.device, UInt64(info.st_ino) == file.inode else {
            return false
        }
        guard withName(raw, { unlinkat(descriptor, $0, 0) }) == 0 else {
            throw InboxFileError(.unlink, name: file.name, errno: errno)
        }
        return true
    }

    private func withName<R>(_ raw: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (raw + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

/// An inbox entry opened once: everything zhubao learns of the file comes through this descriptor.
package final class OpenInboxFile {
    private(set) var descriptor: Int32
    package let name: String
    package let device: UInt64
    package let inode: UInt64
    /// The inbox path and name, which `InboxFaults` knows files by.
    let key: String

    init(descriptor: Int32, name: String, key: String, device: UInt64, inode: UInt64) {
        self.descriptor = descriptor
        self.name = name
        self.key = key
        self.device = device
        self.inode = inode
    }

    deinit { close() }

    /// Fills `buffer` from the current position; 0 is the end.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InboxFileError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if let fault = InboxFaults.readFault(key) { throw InboxFileError(.read, name: name, errno: fault) }
        var n: Int
        repeat {
            n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        } while n < 0 && errno == EINTR
        guard n >= 0 else { throw InboxFileError(.read, name: name, errno: errno) }
        return n
    }

    package func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Copies the rest of the file to a new file at `path` (which must not exist), mode `mode`
    /// exactly, flushed to disk unless `flush` is false (the caller syncs it later, with others);
    /// `chunk` sees every byte copied, in order. Throws
    /// `InboxFileError` when this file cannot be read, `AtomicFileError` when the copy cannot be
    /// written; either way the copy is removed.
    package func copy(to path: String, mode: mode_t, flush: Bool = true, _ chunk: (UnsafeRawBufferPointer) -> Void) throws -> Int64 {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: path, code: errno) }
        var ok = false
        defer {
            Glibc.close(fd)
            if !ok { unlink(path) }
        }
        fchmod(fd, mode)  // the mode passed to open is filtered by the umask
        var size: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try read(into: buffer)
            if n == 0 { break }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<n])
            chunk(bytes)
            try AtomicFile.writeAll(fd, bytes, path: path)
            size += Int64(n)
        }
        guard !flush || fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: path, code: errno) }
        ok = true
        return size
    }
}

/// A test seam. As root every regular file can be read, and the window between listing a name
/// and opening it cannot be hit on purpose; so a test names a file here to make its reads fail
/// (EIO, say) or to act on it (swap it for a link) just before or after it is opened. Files are
/// known by path (`inbox/NAME`, NAME as `SafeName` shows it). Empty in production: nothing
/// outside tests sets it.
package enum InboxFaults {
    package enum Moment: Sendable { case beforeOpen, afterOpen }
    nonisolated(unsafe) private static var readFaults: [String: Int32] = [:]
    nonisolated(unsafe) private static var actions: [String: (Moment, () -> Void)] = [:]
    private static let lock = FaultLock()

    package static func failReads(of path: String, errno: Int32) { lock.with { readFaults[path] = errno } }
    package static func at(_ moment: Moment, of path: String, _ action: @escaping () -> Void) {
        lock.with { actions[path] = (moment, action) }
    }
    package static func clear(_ path: String) {
        lock.with {
            readFaults.removeValue(forKey: path)
            actions.removeValue(forKey: path)
        }
    }
    static func readFault(_ path: String) -> Int32? { lock.with { readFaults.isEmpty ? nil : readFaults[path] } }
    static func run(_ moment: Moment, _ path: String) {
        guard let (when, action) = lock.with({ actions.isEmpty ? nil : actions[path] }), when == moment else { return }
        action()
    }
}

private final class FaultLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    func with<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
