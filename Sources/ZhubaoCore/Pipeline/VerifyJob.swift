import Foundation
import Logging
import ZhubaoSystem

/// `zhubao verify`: the journal's hash chain, SQLite's `PRAGMA integrity_check`, every registry
/// row against the bytes kept in `archive/` or `quarantine/`, and the claim files of every
/// finished claim run. Finishes a claim run a kill interrupted first (as every command does).
package final class VerifyJob: WorkspaceJob {
    /// What is wrong, in Chinese, one sentence each; empty when all is well.
    package func run() throws -> [String] {
        try workspace.requireInitialised()  // the settings are not read: verify checks a workspace whatever its zhubao.toml
        let lock = try FileLock(path: workspace.lockPath)
        defer { lock.unlock() }
        var problems = Journal(workspace: workspace).verify()
        let state = StoreState.of(path: workspace.storePath)
        guard state == .healthy else { return problems + [StoreStateError(path: workspace.storePath, state: state).description] }
        let integrity = try Store.integrityProblems(path: workspace.storePath)
        if !integrity.isEmpty {
            return problems + ["存储未通过 PRAGMA integrity_check：" + integrity.prefix(10).joined(separator: "；") + "。运行 zhubao rebuild --force 重建"]
        }
        let store = try Store.open(path: workspace.storePath, quickCheckLimit: 0)
        try ClaimStaging(workspace: workspace, store: store, logger: logger).recover()
        problems += try registry(store)
        problems += try claimFiles(store)
        return problems
    }

    /// Every registry row has its bytes in `archive/`, `quarantine/` (or still in the inbox).
    func registry(_ store: Store) throws -> [String] {
        let index = try ArchiveIndex(workspace: workspace)
        let rows = try store.files()
        return rows.filter { index.file(sha256: $0.sha256) == nil }.map { row in
            "登记的文件 \(Self.escaped(row.name))（SHA-256 \(row.sha256.prefix(12))…）在 archive/、quarantine/ 中找不到内容相同的文件：文件被改动或删除"
        }
    }

    /// The files of the last finished claim run that wrote each name are in place.
    func claimFiles(_ store: Store) throws -> [String] {
        let runs = try store.claimRuns(state: ClaimRunRecord.done)
        var latest: [String: (year: Int, asOf: String)] = [:]
        for run in runs {
            for file in try ClaimStaging.files(of: run) { latest["\(run.year)/\(file.name)"] = (run.year, run.asOf) }
        }
        return latest.keys.sorted().compactMap { path in
            let url = workspace.out.appendingPathComponent("claims", isDirectory: true).appendingPathComponent(path)
            return FileManager.default.fileExists(atPath: url.path) ? nil
                : "贴息申请文件 out/claims/\(path)（\(latest[path]!.asOf) 出具）不存在，与存储中的核定记录不符"
        }
    }
}

extension VerifyJob {
    /// A file name for a message: control characters escaped, so that a name cannot forge a line.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
