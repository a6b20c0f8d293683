import Foundation
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// Writes a fixture file under a temporary folder and runs the importer of its kind on it,
/// through the validator (no store), returning every diagnostic. The folder goes with the probe.
final class ImportProbe {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-import-\(UUID().uuidString)")
    let settings: Settings

    init(profile: Profile = .ganzhou2021) throws {
        settings = try Settings.defaults(profile: profile)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Text encoded as GB18030 by the system's iconv (an independent encoder).
    static func gb18030(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    func validate(_ name: String, bytes: [UInt8]) throws -> Validator.Report {
        let url = try write(name, bytes: bytes)
        return try Validator(context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory())).validate(url)
    }

    func validate(_ name: String, gb18030 text: String) throws -> Validator.Report {
        try validate(name, bytes: try Self.gb18030(text))
    }

    /// Imports into an in-memory store and returns what was stored.
    func importFile<R: FetchableRecordType>(_ name: String, bytes: [UInt8], as type: R.Type) throws -> (ImportOutcome, [R]) {
        let (outcome, store) = try importIntoStore(name, bytes: bytes)
        let records = try store.database.read { db in try R.fetchAll(db) }
        return (outcome, records)
    }

    /// A hardship list imported, and the lines stored (`hardshipChunk`).
    func importHardship(_ name: String, bytes: [UInt8]) throws -> (ImportOutcome, [HardshipRow]) {
        let (outcome, store) = try importIntoStore(name, bytes: bytes)
        return (outcome, try store.database.read { db in try HardshipChunkRecord.storedRows(db) })
    }

    /// Imports into a fresh in-memory store the way `run` does (the importer on its own thread,
    /// the rows inserted on this one), with the kind's importer or the one given.
    func importIntoStore(_ name: String, bytes: [UInt8], importer: (any FileImporter)? = nil,
                         receivedOn: String = "2026-01-31") throws -> (ImportOutcome, Store) {
        let url = try write(name, bytes: bytes)
        let store = try Store()
        let parsed = try FileName.parse(name).get()
        let row = InputFileRecord(id: nil, name: name, sha256: "x", size: Int64(bytes.count), status: .rejected,
                                  recordCount: 0, receivedAt: "t", receivedOn: receivedOn)
        let context = ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory())
        let chosen = importer ?? Importers.importer(for: parsed.kind)
        let (_, outcome) = try store.importFile(row, readingAhead: { sink in
            try chosen.read(url, name: parsed, context: context, into: &sink)
        })
        return (outcome, store)
    }
}

import GRDB
typealias FetchableRecordType = FetchableRecord & TableRecord

extension Validator.Report {
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// `LINE: message` of each error, for compact expectations.
    var errorLines: [String] { errors.map { "\($0.location.line ?? 0): \($0.message)" } }
}
