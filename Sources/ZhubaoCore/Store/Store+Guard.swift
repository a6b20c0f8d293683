import Foundation
import GRDB
import ZhubaoSystem

/// The store is missing, empty or damaged (outputs.md exit 74): nothing is done, the inbox is
/// not touched, and the message says how to restore it.
package enum StoreFault: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case empty(path: String)
    case damaged(path: String, detail: String)

    package var description: String {
        switch self {
        case .missing(let path): return Self.restoreAdvice("数据库 \(path) 不存在") + "（新工作目录请先运行 zhubao init）"
        case .empty(let path): return Self.restoreAdvice("数据库 \(path) 为空文件")
        case .damaged(let path, let detail): return Self.restoreAdvice("数据库 \(path) 已损坏") + "（\(detail)）"
        }
    }

    static func restoreAdvice(_ what: String) -> String {
        "\(what)：zhubao 不会自动新建数据库（那会丢失全部历史，并把再次送达的文件当作新文件导入），本次未做任何处理，收件箱保持原样。"
            + "请从备份恢复 state/zhubao.sqlite，或运行 zhubao rebuild 由 archive/、quarantine/ 与 state/journal.jsonl 重建"
    }
}

extension Store {
    /// Stores up to this size (database and WAL together) get `PRAGMA quick_check` before a
    /// run; bigger ones the header check only. `quick_check` reads every page: measured here at
    /// about 0.35 s for 100 MiB (2-core machine, page cache warm; docs/benchmarks.md), so
    /// 256 MiB keeps it under a second.
    package static let quickCheckLimit: Int64 = 256 << 20

    /// Creates the store at `path` (mode 0640, whatever the umask), or opens the one there.
    /// For `zhubao init` and tests only: no other command creates a store.
    package static func create(path: String) throws -> Store {
        if !FileManager.default.fileExists(atPath: path) {
            try AtomicFile.write(Data(), to: URL(fileURLWithPath: path), mode: Int(FileModes.file))
        }
        return try open(path: path, allowEmpty: true)
    }

    /// Opens the existing store at `path` after a cheap check: the file exists, is not empty,
    /// starts with SQLite's header and, when small enough, passes `PRAGMA quick_check`. Throws
    /// `StoreFault` otherwise, before anything is read or written. Narrows the modes of the
    /// store and its `-wal`/`-shm` to 0640.
    package static func open(path: String, quickCheckLimit: Int64 = Store.quickCheckLimit) throws -> Store {
        try open(path: path, allowEmpty: false, quickCheckLimit: quickCheckLimit)
    }

    /// The size of the file at `path`, 0 when there is none.
    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The cheap part of the check, reading nothing but the header: the file exists, is not
    /// empty (unless `allowEmpty`) and starts with SQLite's header. Returns its size.
    static func checkHeader(path: String, allowEmpty: Bool = false) throws -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { throw StoreFault.missing(path: path) }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if size == 0 && !allowEmpty { throw StoreFault.empty(path: path) }
        if size > 0 {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let header = try handle.read(upToCount: 16).map(Array.init) ?? []
            guard header == Array("SQLite format 3\0".utf8) else {
                throw StoreFault.damaged(path: path, detail: "文件头不是 SQLite 格式")
            }
        }
        return size
    }

    private static func open(path: String, allowEmpty: Bool, quickCheckLimit: Int64 = Store.quickCheckLimit) throws -> Store {
        let size = try checkHeader(path: path, allowEmpty: allowEmpty)
        for suffix in ["", "-wal", "-shm"] { try FileModes.narrow(path + suffix, to: FileModes.file) }
        let wal = fileSize(path + "-wal")
        do {
            return try Store(path: path) { db in
                guard size > 0, size + wal <= quickCheckLimit else { return }
                let result = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                if result != ["ok"] { throw StoreFault.damaged(path: path, detail: "quick_check: " + result.joined(separator: "; ")) }
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode.primaryResultCode) {
            throw StoreFault.damaged(path: path, detail: "SQLite: \(error.message ?? "\(error.resultCode)")")
        }
    }
}
