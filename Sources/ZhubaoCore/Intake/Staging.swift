import Crypto
import Foundation
import ZhubaoSystem

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

    /// Copies `file` to `folder/name` (`name` may be `subfolder/name`), mode 0640, not yet flushed to disk (`sync()` flushes a
    /// batch's copies at once, before the commit that records them). Throws `InboxFileError` when
    /// the inbox file cannot be read (the copy is removed), `AtomicFileError` when the copy
    /// cannot be written.
    ///
    /// `listed` (intake_mode = "stable"): the size and modification time the file had when
    /// listed; when the file is not exactly so before and after the copy, or the copy has
    /// another size, it is still being written: the copy is removed and `StillBeingWritten` thrown.
    func copy(_ file: OpenInboxFile, as name: String, checking listed: InboxFileStatus? = nil) throws -> (url: URL, digest: FileDigest) {
        let url = folder.appendingPathComponent(name)
        if name.contains("/") { try FileModes.makeFolder(url.deletingLastPathComponent()) }
        try? FileManager.default.removeItem(at: url)
        let before = try listed.map { _ in try file.currentStatus() }
        var hasher = SHA256()
        let size = try file.copy(to: url.path, mode: FileModes.file, flush: false) { hasher.update(bufferPointer: $0) }
        if let listed, let before {
            let after = try file.currentStatus()
            guard before == listed, after == listed, size == listed.size else {
                try? FileManager.default.removeItem(at: url)
                throw StillBeingWritten(name: file.name)
            }
        }
        if size >= Writeback.bigFile { Writeback.start(path: url.path) }  // on disk while it is imported
        return (url, FileDigest(sha256: FileDigest.hex(hasher.finalize()), size: size))
    }

    /// Flushes every copy made so far to disk: one `syncfs` of the file system the staging
    /// folder is on, instead of an `fsync` a file (each of which commits the file system's
    /// journal). Called before the commit that records the copies, so that a file leaves the
    /// inbox only once its archived bytes are on disk.
    func sync() throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: folder.path, code: errno) }
        defer { close(fd) }
        guard Writeback.syncFileSystem(fd) == 0 else { throw AtomicFileError(operation: "syncfs", path: folder.path, code: errno) }
    }
}
