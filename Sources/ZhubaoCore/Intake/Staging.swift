import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The private copy of one inbox file (`state/intake/NAME`), made in one pass from the one
/// descriptor the entry was opened with, and hashed as it is written. Everything after reads
/// this copy: the importer parses it, and it is what is renamed into `archive/` or
/// `quarantine/`. So the bytes hashed are the bytes imported and the bytes archived, whatever
/// happens to the inbox name meanwhile (a symlink swapped in, the file rewritten in place).
struct Staging {
    let folder: URL

    init(workspace: Workspace) { folder = workspace.state.appendingPathComponent("intake", isDirectory: true) }

    /// Empties the staging folder: what is there was left by a killed run (its inbox file is
    /// still in the inbox, or already recorded and placed). Runs under the run lock.
    func clear() throws {
        try FileModes.makeFolder(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Copies `file` to `folder/name`, mode 0640, flushed to disk. Throws `InboxFileError` when
    /// the inbox file cannot be read (the copy is removed), `AtomicFileError` when the copy
    /// cannot be written.
    func copy(_ file: OpenInboxFile, as name: String) throws -> (url: URL, digest: FileDigest) {
        let url = folder.appendingPathComponent(name)
        unlink(url.path)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FileModes.file)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: url.path, code: errno) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(url.path) }
        }
        fchmod(fd, FileModes.file)
        var hasher = SHA256()
        var size: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try file.read(into: buffer)
            if n == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<n])
            hasher.update(bufferPointer: chunk)
            try AtomicFile.writeAll(fd, chunk, path: url.path)
            size += Int64(n)
        }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: url.path, code: errno) }
        ok = true
        return (url, FileDigest(sha256: FileDigest.hex(hasher.finalize()), size: size))
    }
}
