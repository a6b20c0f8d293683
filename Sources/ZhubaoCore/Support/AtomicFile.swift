import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file or nothing: into a hidden temporary name beside the target, flushed to
/// disk, then renamed over it (rename(2) is atomic within a folder). A reader never sees half a
/// file, and a run killed at any moment leaves the old file or the new one.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, mode: Int = 0o644) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: temporary.path, code: errno) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temporary.path) }
        }
        // The mode passed to open is filtered by the umask; set it exactly.
        fchmod(fd, mode_t(mode))
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFileError(operation: "write", path: temporary.path, code: errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: temporary.path, code: errno) }
        guard rename(temporary.path, url.path) == 0 else {
            throw AtomicFileError(operation: "rename", path: url.path, code: errno)
        }
        ok = true
    }

    /// Flushes a folder's entries (renames into and out of it) to disk, so that a step recorded
    /// as done after it is never ahead of the folder, even on power loss.
    public static func syncFolder(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: url.path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: url.path, code: errno) }
    }

    public static func write(_ text: String, to url: URL, mode: Int = 0o644) throws {
        try write(Data(text.utf8), to: url, mode: mode)
    }
}

public struct AtomicFileError: Error, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32
    public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
