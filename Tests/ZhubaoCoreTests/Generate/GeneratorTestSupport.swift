import Foundation
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// Generated data sets shared by the generator tests (each is generated once per test run),
/// and simple ways to read the files back: no importer, just enough to check them.
enum GenFixture {
    struct DataSet: Sendable {
        let directory: URL
        let report: GenerationReport
    }

    static let ganzhou = make(GeneratorOptions(profile: .ganzhou2021, borrowers: 45, from: Day(iso: "2025-01-01"),
                                               to: Day(iso: "2026-12-31"), seed: 7, faults: .all, edgeCases: true))
    static let tongling = make(GeneratorOptions(profile: .tongling2022, borrowers: 40, from: Day(iso: "2022-01-01"),
                                                to: Day(iso: "2022-12-31"), seed: 11, faults: .all))

    static func make(_ options: GeneratorOptions) -> DataSet {
        let directory = temporaryDirectory("set")
        let report = try! CityGenerator(options: options).write(to: directory)
        return DataSet(directory: directory, report: report)
    }

    /// Everything the generator tests write goes under one folder, removed when the process exits.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-gen-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: GenFixture.root) }
        return url
    }()

    static func temporaryDirectory(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }
}

enum GenTestFiles {
    /// Runs a tool and returns its standard output. Input goes through a temporary file, so a
    /// large output can never block the tool while we are still writing to it.
    static func run(_ tool: String, _ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        var inputFile: URL?
        if let input {
            let url = GenFixture.temporaryDirectory("stdin")
            try input.write(to: url)
            inputFile = url
            process.standardInput = try FileHandle(forReadingFrom: url)
        }
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return data
    }

    /// The file's bytes, gunzipped when the name ends in `.gz`.
    static func bytes(_ url: URL) throws -> Data {
        url.pathExtension == "gz" ? try run("/bin/gzip", ["-dc", url.path]) : try Data(contentsOf: url)
    }

    /// The text as `/usr/bin/iconv` decodes it (GB18030, or UTF-8 for XML and BOM files).
    static func text(_ url: URL) throws -> String {
        let data = try bytes(url)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: data.dropFirst(3), as: UTF8.self) }
        let name = url.lastPathComponent
        let gb = name.contains("_HARD_") || name.hasPrefix("B")
            || String(decoding: data.prefix(60), as: UTF8.self).contains("GB18030")
        if !gb { return String(decoding: data, as: UTF8.self) }
        return String(decoding: try run("/usr/bin/iconv", ["-f", "GB18030", "-t", "UTF-8"], input: data), as: UTF8.self)
    }

    /// Lines without their ends (in Swift "\r\n" is one Character, so split the scalars).
    static func lines(_ text: String) -> [String] {
        var lines: [String] = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            var line = ""
            line.unicodeScalars.append(contentsOf: scalars.last == "\r" ? scalars.dropLast() : scalars[...])
            return line
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func names(_ set: GenFixture.DataSet) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: set.directory.path)) ?? []).sorted()
    }

    /// The files that are not the faulty copy of a file fault, of one kind.
    static func goodFiles(_ set: GenFixture.DataSet, kind: String) -> [URL] {
        set.report.files.filter { $0.kind == kind && $0.fault == nil }.map { set.directory.appendingPathComponent($0.name) }
    }

    /// Every value of an XML element, in order (one pass over the text: files can be large).
    static func values(_ tag: String, in text: String) -> [String] {
        let close = "</\(tag)>"
        return text.components(separatedBy: "<\(tag)>").dropFirst().map { part in
            part.range(of: close).map { String(part[..<$0.lowerBound]) } ?? ""
        }
    }

    /// Bank detail lines split into fields.
    static func details(_ url: URL) throws -> [[String]] {
        try lines(text(url)).filter { $0.hasPrefix("D|") }.map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }
}
