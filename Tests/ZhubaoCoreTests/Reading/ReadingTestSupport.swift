import Foundation
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// A fresh temporary folder for one test's input files, removed when released.
final class ReadingScratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhubao-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Runs a system tool with `input` on stdin and returns its stdout (through files, so large
    /// inputs cannot deadlock on pipes).
    func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let id = UUID().uuidString
        let inPath = try write("in-\(id)", input)
        let outPath = path("out-\(id)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: inPath)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(tool: tool, status: process.terminationStatus)
        }
        let out = try Data(contentsOf: URL(fileURLWithPath: outPath))
        try? FileManager.default.removeItem(atPath: inPath)
        try? FileManager.default.removeItem(atPath: outPath)
        return Array(out)
    }

    /// `text` encoded as GB18030 by the system's `iconv` tool (independent of the code tested).
    func gb18030(_ text: String) throws -> [UInt8] {
        try run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030"], input: Array(text.utf8))
    }

    /// One gzip member made by the system's `gzip` tool.
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try run("/usr/bin/gzip", ["-c", "-n"], input: bytes)
    }
}

struct ToolFailure: Error {
    let tool: String
    let status: Int32
}

/// Every line of `reader`, or the error that stopped it after the lines before.
func readLines(_ reader: LineReader) -> (lines: [LineReader.Line], error: Error?) {
    var lines: [LineReader.Line] = []
    do {
        while let line = try reader.next() { lines.append(line) }
        return (lines, nil)
    } catch {
        return (lines, error)
    }
}

/// All bytes of a source, read in `chunk`-byte reads.
func readAll(_ source: ByteSource, chunk: Int = 4096) throws -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
        let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        if n == 0 { return result }
        result.append(contentsOf: buffer[..<n])
    }
}

/// Some compressible but not trivial text: numbered lines with Chinese names.
func sampleText(lines: Int) -> String {
    let names = ["刘建国", "钟淑堃", "王𠮷", "陈秀英", "李明"]
    var text = ""
    for i in 0..<lines {
        text += "D|\(100_000 + i * 7919 % 100_000)|\(names[i % names.count])|\(i * 37 % 10_000).\(i % 100)\n"
    }
    return text
}
