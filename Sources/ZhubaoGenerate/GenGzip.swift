import Foundation
import ZhubaoCore

/// gzip for generated files, by running `gzip -n` (no name, no time stamp: the output is
/// byte-identical from run to run) rather than through a second zlib wrapper.
package enum GenGzip {
    static var executable: URL {
        let candidates = ["/bin/gzip", "/usr/bin/gzip"]
        let path = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
        return URL(fileURLWithPath: path)
    }

    /// Compresses `sources` into `destination` in one `gzip -n -c` run: several sources give a
    /// multi-member stream (RFC 1952 allows it; formats.md says a reader must accept it).
    package static func compress(_ sources: [URL], into destination: URL) throws {
        _ = FileManager.default.createFile(atPath: destination.path, contents: nil)
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        try run(["-n", "-c", "--"] + sources.map(\.path), output: output)
    }

    /// Replaces each file by `file.gz` (one member each), in as few `gzip` runs as possible.
    package static func gzipInPlace(_ files: [URL]) throws {
        var start = 0
        while start < files.count {
            let batch = files[start..<min(files.count, start + 256)]
            try run(["-n", "-f", "--"] + batch.map(\.path), output: nil)
            start += batch.count
        }
    }

    /// Replaces `file` by `file.gz`, split at line ends into `members` members. Returns the new URL.
    @discardableResult
    package static func gzipInPlace(_ file: URL, members: Int = 1) throws -> URL {
        let destination = URL(fileURLWithPath: file.path + ".gz")
        guard members > 1 else { try gzipInPlace([file]); return destination }
        let bytes = try Data(contentsOf: file)
        var parts: [URL] = []
        var start = 0
        for member in 1...members {
            var end = member == members ? bytes.count : bytes.count * member / members
            while end < bytes.count, end > start, bytes[end - 1] != 0x0A { end += 1 }
            let part = URL(fileURLWithPath: file.path + ".member\(member)")
            try bytes.subdata(in: start..<end).write(to: part)
            parts.append(part)
            start = end
        }
        defer { for part in parts { try? FileManager.default.removeItem(at: part) } }
        try compress(parts, into: destination)
        try FileManager.default.removeItem(at: file)
        return destination
    }

    static func run(_ arguments: [String], output: FileHandle?) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let output { process.standardOutput = output }
        do { try process.run() } catch { throw GenWriteError.gzipFailed("\(error)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenWriteError.gzipFailed("gzip \(arguments.prefix(4).joined(separator: " ")) …: exit \(process.terminationStatus)")
        }
    }
}
