import Foundation
import ZhubaoSystem

/// Puts a file where its store record says it belongs: `archive/YYYY/MM/` when imported,
/// `quarantine/` beside `NAME.reason.txt` when rejected. What is placed is the staged copy
/// (`Staging`), renamed. Runs only after the record is committed, and is safe to repeat: a
/// run killed half-way finishes the move next time. The rename is durable once the folder it
/// returns is synced, which the caller does once for all the files of a batch; only then is the
/// inbox name removed (`Intake.place`).
struct Disposition {
    let workspace: Workspace

    /// Renames `staged`, the copy of the file's bytes, to its place; returns the folder it is in.
    func place(staged: URL, record: InputFileRecord) throws -> URL {
        switch record.status {
        case .imported:
            let folder = record.businessDate.flatMap { Day(iso: $0) }.map(workspace.archive(for:)) ?? workspace.archive
            try FileModes.makeFolder(folder)
            try place(staged, at: folder.appendingPathComponent(record.name), sha256: record.sha256)
            return folder
        case .rejected, .conflict:
            try FileModes.makeFolder(workspace.quarantine)
            var target = workspace.quarantine.appendingPathComponent(Self.quarantineName(record))
            if let existing = try? FileDigest.of(target), existing.sha256 != record.sha256 {
                // Another delivery of this name sits there already (the first, rejected one).
                target = workspace.quarantine.appendingPathComponent("\(target.lastPathComponent).\(record.sha256.prefix(12))")
            }
            try AtomicFile.write(reasonText(record, placedAs: target.lastPathComponent),
                                 to: URL(fileURLWithPath: target.path + ".reason.txt"))
            try place(staged, at: target, sha256: record.sha256)
            return workspace.quarantine
        }
    }

    /// The name a rejected file takes in `quarantine/`: its own when that is safe to use
    /// (`SafeName.isKept`), else `unsafe-name.` and the first 16 hex digits of its SHA-256.
    static func quarantineName(_ record: InputFileRecord) -> String {
        SafeName.isKept(Array(record.name.utf8)) ? record.name : "unsafe-name.\(record.sha256.prefix(16))"
    }

    /// Renames the staged copy to `target` (not yet durable: the caller syncs the folder); when
    /// `target` already holds these very bytes (a redelivery), the copy is dropped instead:
    /// nothing is lost, nothing kept twice.
    private func place(_ staged: URL, at target: URL, sha256: String) throws {
        let fm = FileManager.default
        if (try? fm.attributesOfItem(atPath: target.path)) != nil {
            let existing = try FileDigest.of(target)
            guard existing.sha256 == sha256 else {
                throw DispositionError("\(target.path) 已存在且内容不同，未移动 \(target.lastPathComponent)")
            }
            try fm.removeItem(at: staged)
            return
        }
        guard rename(staged.path, target.path) == 0 else {
            throw AtomicFileError(operation: "rename", path: target.path, code: errno)
        }
    }

    private func reasonText(_ record: InputFileRecord, placedAs placed: String) -> String {
        let code = record.status.exceptionCode ?? .e001
        let renamed = placed == record.name ? "" : "隔离区中的文件名: \(placed)（原文件名不宜直接使用，控制字符与非 UTF-8 字节已转义为 \\xNN）\n"
        return """
        文件: \(record.name)
        \(renamed)异常代码: \(code)（\(record.status == .conflict ? "同名文件内容不同" : "文件被拒收")）
        收到日期: \(record.receivedOn)
        SHA-256: \(record.sha256)
        大小: \(record.size) 字节
        原因:
        \(record.reason ?? "")

        """
    }
}

struct DispositionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
