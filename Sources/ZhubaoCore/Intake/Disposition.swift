import Foundation

/// Moves an inbox file to where its store record says it belongs: `archive/YYYY/MM/` when
/// imported, `quarantine/` beside `NAME.reason.txt` when rejected. Runs only after the record
/// is committed, and is safe to repeat: a run killed half-way finishes the move next time.
struct Disposition {
    let workspace: Workspace

    func apply(to file: URL, record: InputFileRecord) throws {
        let fm = FileManager.default
        switch record.status {
        case .imported:
            let folder = record.businessDate.flatMap { Day(iso: $0) }.map(workspace.archive(for:)) ?? workspace.archive
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try move(file, to: folder.appendingPathComponent(record.name), sha256: record.sha256)
        case .rejected, .conflict:
            try fm.createDirectory(at: workspace.quarantine, withIntermediateDirectories: true)
            var target = workspace.quarantine.appendingPathComponent(record.name)
            if let existing = try? FileDigest.of(target), existing.sha256 != record.sha256 {
                // Another delivery of this name sits there already (the first, rejected one).
                target = workspace.quarantine.appendingPathComponent("\(record.name).\(record.sha256.prefix(12))")
            }
            try AtomicFile.write(reasonText(record), to: URL(fileURLWithPath: target.path + ".reason.txt"))
            try move(file, to: target, sha256: record.sha256)
        }
    }

    /// Renames within the workspace; when the target already holds these very bytes (a
    /// redelivery), the inbox copy is removed instead: nothing is lost, nothing kept twice.
    private func move(_ file: URL, to target: URL, sha256: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) {
            let existing = try FileDigest.of(target)
            guard existing.sha256 == sha256 else {
                throw DispositionError("\(target.path) 已存在且内容不同，未移动 \(file.lastPathComponent)")
            }
            try fm.removeItem(at: file)
            return
        }
        try fm.moveItem(at: file, to: target)
    }

    private func reasonText(_ record: InputFileRecord) -> String {
        let code = record.status == .conflict ? "E002" : "E001"
        return """
        文件: \(record.name)
        异常代码: \(code)（\(record.status == .conflict ? "同名文件内容不同" : "文件被拒收")）
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
