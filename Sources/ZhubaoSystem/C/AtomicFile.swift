import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file or nothing: into a hidden temporary name beside the target, flushed to
/// disk, then renamed over it (rename(2) is atomic within a folder). A reader never sees half a
/// file, and a run killed at any moment leaves the old file or the new one.
package enum AtomicFile {
    /// `mode` is set exactly, whatever the umask; a missing folder is made `folderMode`
    /// (outputs.md: 0640 and 0750 where personal data lives).
    package static func write(_ data: Data, to url: URL, mode: Int = 0o640, folderMode: Int = 0o750) throws {
        let folder = url.deletingLastPathComponent()
        try FileModes.makeFolder(folder, mode: mode_t(folderMode))
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
    package static func writeFlushed(_ data: some ContiguousBytes, at url: URL, mode: Int) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: url.path, code: errno) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(url.path) }
        }
        // The mode passed to open is filtered by the umask; set it exactly.
        fchmod(fd, mode_t(mode))
        try data.withUnsafeBytes { buffer in try writeAll(fd, buffer, path: url.path) }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: url.path, code: errno) }
        ok = true
    }

    /// Writes all of `buffer` to `fd` (retrying short writes and EINTR).
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(operation: "write", path: path, code: errno)
            }
            offset += n
        }
    }

    /// Gives a flushed temporary file its final name in the same folder without ever replacing
    /// a file of that name (link(2) fails with EEXIST instead), then removes the temporary name.
    /// Returns false, touching nothing, when the final name exists already.
    package static func publishWithoutReplacing(_ temporary: URL, as final: URL) throws -> Bool {
        if link(temporary.path, final.path) != 0 {
            if errno == EEXIST { return false }
            throw AtomicFileError(operation: "link", path: final.path, code: errno)
        }
        unlink(temporary.path)
        // The new name is durable once the folder is flushed.
        try syncFolder(final.deletingLastPathComponent())
        return true
    }

    /// Renames `source` to `target` (same file system) and makes it durable.
    package static func move(_ source: URL, to target: URL) throws {
        guard rename(source.path, target.path) == 0 else {
            throw AtomicFileError(operation: "rename", path: target.path, code: errno)
        }
        try syncFolder(target.deletingLastPathComponent())
    }

    /// Makes a rename into `folder` durable (fsync of the folder).
    package static func syncFolder(_ folder: URL) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: folder.path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: folder.path, code: errno) }
    }

    package static func write(_ text: String, to url: URL, mode: Int = 0o640, folderMode: Int = 0o750) throws {
        try write(Data(text.utf8), to: url, mode: mode, folderMode: folderMode)
    }
}

package struct AtomicFileError: Error, CustomStringConvertible {
    package let operation: String
    package let path: String
    package let code: Int32
    package var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }

    package init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }
}
