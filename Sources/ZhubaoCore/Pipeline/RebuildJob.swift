import Foundation
import Logging
import ZhubaoSystem

/// `zhubao rebuild`: recreates the store from `archive/`, `quarantine/` and the journal. The
/// journal is replayed in order — the files each run took in (re-imported from the kept bytes,
/// under their own registry ids and stamps), the dates it computed, the acknowledgements and
/// claim runs — into a new file beside the store, which then takes the store's place; the old
/// store, if any, is kept aside. Afterwards `rerun`, `exceptions list` and `claim` give what
/// they gave before.
package final class RebuildJob: WorkspaceJob {
    package struct Result: Sendable {
        package var files = 0, days = 0, acknowledgements = 0, claimRuns = 0
        /// Where the store that was replaced now is.
        package var keptAside: URL?
    }

    /// With `force`, a store that looks healthy is replaced too (and kept aside). `registry`,
    /// when given, records the run in the rebuilt store once it is in place, or in the healthy
    /// store a rebuild without `force` refuses to replace; a rebuild that fails leaves its trace
    /// in the log only (the store it would record into is missing or damaged).
    package func run(force: Bool, registry: RunRegistry? = nil, now: Date = Date()) throws -> Result {
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .fail, requires: [])
        defer { session.close() }
        let settings = session.settings
        let healthy = StoreState.of(path: workspace.storePath) == .healthy
        if healthy, !force {
            registry?.begin()  // refused: recorded in the healthy store, left as it was
            throw RebuildError.healthyStore(workspace.storePath)
        }
        let journal = Journal(workspace: workspace)
        let broken = journal.verify()
        guard broken.isEmpty else { throw RebuildError.brokenJournal(broken) }
        // A store that can be read may hold what a kill kept out of the journal: journal it first.
        if healthy { try journal.catchUp(store: try Store.open(path: workspace.storePath), now: now) }
        let entries = try journal.entries()
        let sources = try ArchiveIndex(workspace: workspace)
        // No journal but kept files: a rebuild would give an empty store and lose the history.
        guard !entries.isEmpty || sources.isEmpty else { throw RebuildError.noJournal(journal.url.path) }
        let fresh = workspace.state.appendingPathComponent(Store.fileName + ".rebuild")
        try Self.remove(store: fresh.path)
        let scratch = Workspace(root: workspace.state.appendingPathComponent(".rebuild-scratch", isDirectory: true))
        try? FileManager.default.removeItem(at: scratch.root)
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        var result = Result()
        do {
            let store = try Store.create(path: fresh.path)
            var replay = Replay(store: store, sources: sources, settings: settings,
                                report: DailyReport(workspace: scratch, store: store, settings: settings, logger: logger))
            for entry in entries { try replay.apply(entry) }
            result = replay.result
            try store.close()
        } catch {
            try? Self.remove(store: fresh.path)
            throw error
        }
        chmod(fresh.path, 0o640)  // the store holds personal data: owner and group only
        result.keptAside = try keepAside(now: now)
        guard rename(fresh.path, workspace.storePath) == 0 else {
            throw AtomicFileError(operation: "rename", path: workspace.storePath, code: errno)
        }
        // A claim killed before it was recorded left only a staging folder: not part of the journal.
        _ = try session.openStore(registry: registry)
        logger.info("store rebuilt", metadata: ["files": "\(result.files)", "days": "\(result.days)",
                                                "acknowledgements": "\(result.acknowledgements)", "claimRuns": "\(result.claimRuns)"])
        return result
    }

    /// Moves the current store (with its WAL and shared-memory files) to
    /// `state/zhubao.sqlite.before-rebuild-YYYYMMDDTHHMMSS`; nil when there was none.
    func keepAside(now: Date) throws -> URL? {
        let fm = FileManager.default
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        // Unique even for two rebuilds in one second: a second one takes the next number.
        var aside = workspace.storePath + ".before-rebuild-" + formatter.string(from: now)
        var number = 1
        while ["", "-wal", "-shm"].contains(where: { fm.fileExists(atPath: aside + $0) }) {
            number += 1
            aside = workspace.storePath + ".before-rebuild-" + formatter.string(from: now) + "-\(number)"
        }
        var moved: URL?
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: workspace.storePath + suffix) {
            try fm.moveItem(atPath: workspace.storePath + suffix, toPath: aside + suffix)
            if suffix.isEmpty { moved = URL(fileURLWithPath: aside) }
        }
        return moved
    }

    static func remove(store path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

package enum RebuildError: Error, CustomStringConvertible {
    case healthyStore(String)
    case brokenJournal([String])
    case noJournal(String)
    case missingFile(name: String, sha256: String)
    case differentImport(name: String, detail: String)

    package var description: String {
        switch self {
        case .healthyStore(let path):
            return "存储 \(path) 完好，未重建：确需重建请加 --force（原存储会另存为 zhubao.sqlite.before-rebuild-…）"
        case .brokenJournal(let problems):
            return "日志 state/journal.jsonl 的哈希链断裂，不能据以重建：" + problems.joined(separator: "；")
        case .noJournal(let path):
            return "日志 \(path) 不存在或为空，而 archive/、quarantine/ 中有文件：据此重建会丢失全部处理记录，未重建。请从备份恢复日志或存储"
        case .missingFile(let name, let sha256):
            return "重建失败：archive/、quarantine/ 中找不到文件 \(name)（SHA-256 \(sha256.prefix(12))…）；原存储未改动。请从备份恢复该文件后再运行 zhubao rebuild"
        case .differentImport(let name, let detail):
            return "重建失败：文件 \(name) 重新导入的结果与原记录不同（\(detail)）；原存储未改动"
        }
    }
}
