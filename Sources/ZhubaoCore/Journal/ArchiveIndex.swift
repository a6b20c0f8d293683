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

    var isEmpty: Bool { bySHA.isEmpty }
}

/// What state the store file is in, before anything opens it for writing (which would create it).
enum StoreState: Equatable {
    case missing, empty, damaged(String), healthy

    /// Throws unless the store is healthy: commands other than `init` and `rebuild` never create
    /// or repair it (outputs.md, exit 74).
    static func require(path: String) throws {
        let state = of(path: path)
        guard state == .healthy else { throw StoreStateError(path: path, state: state) }
    }

    static func of(path: String) -> StoreState {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return .missing }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { return .empty }
        do {
            let problems = try Store.integrityProblems(path: path, pragma: "quick_check")
            return problems.isEmpty ? .healthy : .damaged(problems.joined(separator: "; "))
        } catch {
            return .damaged(String(describing: error))
        }
    }
}

/// A store that is missing, empty or damaged: nothing was done (exit 74).
package struct StoreStateError: Error, CustomStringConvertible {
    let path: String
    let state: StoreState

    package var description: String {
        switch state {
        case .missing: return "存储 \(path) 不存在，未做任何处理：运行 zhubao rebuild 从 archive/、quarantine/ 和日志重建"
        case .empty: return "存储 \(path) 为空，未做任何处理：运行 zhubao rebuild 从 archive/、quarantine/ 和日志重建"
        case .damaged(let detail):
            return "存储 \(path) 已损坏，未做任何处理：运行 zhubao rebuild --force 重建（原文件会另存）。\(detail)"
        case .healthy: return "存储 \(path) 完好"
        }
    }
}
