import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ZhubaoSystem

/// `state/journal.jsonl`: an append-only hash chain of what decides the outputs beyond the input
/// files (acknowledgements, claim runs, the daily runs). Each line is fsynced before the call
/// returns; the file is mode 0640. A line cut short by a kill is not part of the chain: it is
/// dropped by the next append (its action is then journaled again from the store, see
/// `Journal+Store.swift`).
package struct Journal: Sendable {
    package let url: URL
    package static let fileName = "journal.jsonl"
    package static let genesis = String(repeating: "0", count: 64)

    package init(workspace: Workspace) {
        url = workspace.state.appendingPathComponent(Self.fileName)
    }

    package init(url: URL) { self.url = url }

    /// The complete lines and the length of the part they cover (a trailing partial line excluded).
    func lines() throws -> (lines: [Data], complete: Int) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], 0) }
        let data = try Data(contentsOf: url)
        guard let lastNewline = data.lastIndex(of: 0x0A) else { return ([], 0) }
        let body = data[data.startIndex..<lastNewline]
        return (body.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }, lastNewline + 1)
    }

    /// The last complete line and the length of the part the complete lines cover, as `lines()`
    /// gives them, read from the end of the file: an append reads the line it chains to, not the
    /// whole journal (which grows by a line a run).
    func lastLine() throws -> (line: Data?, complete: Int) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (nil, 0) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        func read(_ range: Range<Int>) throws -> Data {
            try handle.seek(toOffset: UInt64(range.lowerBound))
            return try handle.read(upToCount: range.count) ?? Data()
        }
        // The offsets of the last two newlines, found block by block from the end (a run's line
        // can be megabytes long: each block is looked at once), then the line between them read.
        var end = Int(try handle.seekToEnd())
        var lastNewline: Int?
        while end > 0 {
            let start = max(0, end - (1 << 16))
            let block = try read(start..<end)
            var found: Int?
            block.withUnsafeBytes { bytes in
                var index = bytes.count
                while index > 0 {
                    index -= 1
                    guard bytes[index] == 0x0A else { continue }
                    if lastNewline == nil { lastNewline = start + index } else { found = start + index; return }
                }
            }
            if let found, let lastNewline { return (try read((found + 1)..<lastNewline), lastNewline + 1) }
            end = start
        }
        guard let lastNewline else { return (nil, 0) }
        return (try read(0..<lastNewline), lastNewline + 1)
    }

    /// Every entry, in order. Throws on a line that does not decode; the chain is checked by `verify`.
    package func entries() throws -> [JournalEntry] {
        try lines().lines.enumerated().map { index, line in
            do { return try JournalEntry.decode(line) } catch {
                throw JournalError("日志 \(url.path) 第 \(index + 1) 行无法解析（\(error)）")
            }
        }
    }

    /// Appends `entry` with the hash of the last complete line.
    package func append(_ entry: JournalEntry) throws {
        var entry = entry
        let (last, complete) = try lastLine()
        entry.prev = last.map(Self.hash) ?? Self.genesis
        var line = try entry.encoded()
        line.append(0x0A)
        let existed = FileManager.default.fileExists(atPath: url.path)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: url.path, code: errno) }
        defer { close(fd) }
        // 0640 whatever the umask when it is created; a mode an operator narrowed since stays.
        if !existed { fchmod(fd, 0o640) }
        // Drop a line a kill cut short, then write after the last complete one.
        guard ftruncate(fd, off_t(complete)) == 0, lseek(fd, off_t(complete), SEEK_SET) >= 0 else {
            throw AtomicFileError(operation: "truncate", path: url.path, code: errno)
        }
        try line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFileError(operation: "write", path: url.path, code: errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw AtomicFileError(operation: "fsync", path: url.path, code: errno) }
    }

    /// What is wrong with the chain, in Chinese; empty when every line holds its predecessor's hash.
    package func verify() -> [String] {
        let lines: [Data]
        do { lines = try self.lines().lines } catch { return ["无法读取日志 \(url.path)（\(error)）"] }
        var problems: [String] = []
        var expected = Self.genesis
        for (index, line) in lines.enumerated() {
            guard let entry = try? JournalEntry.decode(line) else {
                problems.append("日志第 \(index + 1) 行无法解析：日志被改动或损坏")
                expected = Self.hash(line)
                continue
            }
            if entry.prev != expected {
                problems.append("日志第 \(index + 1) 行的前一行哈希不符：第 \(index) 行被改动、删除或插入了行")
            }
            expected = Self.hash(line)
        }
        return problems
    }

    static func hash(_ line: Data) -> String {
        SHA256.hash(data: line).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}

package struct JournalError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package init(_ description: String) { self.description = description }
}
