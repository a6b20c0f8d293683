import Foundation

/// The bytes the workspace keeps, by SHA-256: every file under `archive/` and `quarantine/`
/// (reason files aside), and the inbox (a file recorded by a run killed before it was moved).
/// `verify` checks the registry against it; `rebuild` re-imports from it.
struct ArchiveIndex {
    private(set) var bySHA: [String: URL] = [:]

    init(workspace: Workspace) throws {
        for folder in [workspace.archive, workspace.quarantine, workspace.inbox] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                      !url.lastPathComponent.hasSuffix(".reason.txt") else { continue }
                guard let digest = try? FileDigest.of(url) else { continue }
                if bySHA[digest.sha256] == nil { bySHA[digest.sha256] = url }
            }
        }
    }

    func file(sha256: String) -> URL? { bySHA[sha256] }
}

/// What state the store file is in, before anything opens it for writing (which would create it).
enum StoreState: Equatable {
    case missing, empty, damaged(String), healthy

    static func of(path: String) -> StoreState {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return .missing }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { return .empty }
        do {
            let problems = try StoreIntegrity.check(path: path, pragma: "quick_check")
            return problems.isEmpty ? .healthy : .damaged(problems.joined(separator: "; "))
        } catch {
            return .damaged(String(describing: error))
        }
    }
}
