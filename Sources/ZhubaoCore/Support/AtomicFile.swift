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
        try writeFlushed(data, at: temporary, mode: mode)
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw AtomicFileError(operation: "rename", path: url.path, code: code)
        }
    }

    /// Writes `data` to `url` (created or truncated), sets its mode exactly whatever the umask,
    /// and flushes it to disk; on failure the file is removed again. The first half of `write`,
    /// for callers that publish the file their own way (the outbox: `.part`, then link).
    public static func writeFlushed(_ data: some ContiguousBytes, at url: URL, mode: Int) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: url.path, code: errno) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(url.path) }
        }
        // The mode passed to open is filtered by the umask; set it exactly.
        fchmod(fd, mode_t(mode))
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFileError(operation: "write", path: url.path, code: errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: url.path, code: errno) }
        ok = true
    }

    /// Gives a flushed temporary file its final name in the same folder without ever replacing
    /// a file of that name (link(2) fails with EEXIST instead), then removes the temporary name.
    /// Returns false, touching nothing, when the final name exists already.
    public static func publishWithoutReplacing(_ temporary: URL, as final: URL) throws -> Bool {
        if link(temporary.path, final.path) != 0 {
            if errno == EEXIST { return false }
            throw AtomicFileError(operation: "link", path: final.path, code: errno)
        }
        unlink(temporary.path)
        // The new name is durable once the folder is flushed.
        let folder = open(final.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return true
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
