import Foundation
import GRDB

/// A throwaway copy of a workspace for `zhubao run --dry-run`: a private folder (0700) under
/// the temporary folder (`$TMPDIR`, else /tmp) holding the run layout and a copy of the store
/// made with SQLite's backup API, so that the real store is only read. Removed when done; one
/// that a killed dry run left is removed by the next dry run.
struct ScratchCopy {
    static let prefix = "zhubao-dry-run."
    let workspace: Workspace

    /// Copies the store of `source` (which must exist, not be empty and be SQLite: checked as
    /// `run` checks it, then the copy is opened by `Store.open` with its own checks).
    init(of source: Workspace) throws {
        Self.removeStale()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(Self.prefix)\(getpid()).\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        workspace = Workspace(root: folder)
        do {
            try workspace.createFolders()
            try Self.copyStore(from: source.storePath, to: workspace.storePath)
        } catch {
            remove()
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: workspace.root) }

    /// SQLite's online backup of the store, through an ordinary connection that reads only (a
    /// read-only connection could leave `-wal`/`-shm` behind). Faults name the real store.
    static func copyStore(from path: String, to copy: String) throws {
        _ = try Store.checkHeader(path: path)
        do {
            let source = try DatabaseQueue(path: path)
            let destination = try DatabaseQueue(path: copy)
            try source.backup(to: destination)
            try destination.close()
            try source.close()
        } catch let error as DatabaseError {
            throw StoreFault.damaged(path: path, detail: "SQLite: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Removes the copies of dry runs whose process no longer runs.
    static func removeStale() {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).split(separator: ".").first.flatMap { Int64($0) }
            if let pid, !RunRegistry.processExists(pid) {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
    }
}
