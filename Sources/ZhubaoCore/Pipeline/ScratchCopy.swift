import Foundation

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
            try Store.backup(source.storePath, to: workspace.storePath)
        } catch {
            remove()
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: workspace.root) }

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
