import Foundation
import GRDB
import Testing
import ZhubaoCore

/// A workspace of the spec's samples (赣州), run on three dates: the files arrive on the first.
struct SampleWorkspace {
    static let runDates = ["2026-01-14", "2026-01-20", "2027-01-20"]
    let root: URL

    init() throws {
        root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        for name in try FileManager.default.contentsOfDirectory(atPath: RerunTests.samples.path) where name.contains("_360700_") {
            try FileManager.default.copyItem(at: RerunTests.samples.appendingPathComponent(name),
                                             to: root.appendingPathComponent("inbox/\(name)"))
        }
        for day in Self.runDates {
            let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", day])
            #expect(result.status == 0, "\(day): \(result.stderr)")
        }
    }

    func zhubao(_ arguments: [String], environment: [String: String] = [:]) throws -> ZhubaoProcess.Result {
        try ZhubaoProcess.run(arguments + ["--root", root.path], environment: environment)
    }

    var claims: URL { root.appendingPathComponent("out/claims/2026") }
    var claimXML: URL { claims.appendingPathComponent("SUBSIDY_CLAIM_360700_105_2026.xml") }
    var storePath: String { root.appendingPathComponent("state/zhubao.sqlite").path }

    /// Every daily output of the run dates, by `date/name`.
    func dailyOutputs() throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for day in Self.runDates + ["2027-01-21"] where FileManager.default.fileExists(atPath: root.appendingPathComponent("out/daily/\(day)").path) {
            let folder = root.appendingPathComponent("out/daily/\(day)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                bytes["\(day)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
        }
        return bytes
    }

    /// Rows of a query on the store, as text, for comparing stores.
    func rows(_ sql: String) throws -> [String] {
        let store = try Store.open(path: storePath)
        return try store.database.read { db in try Row.fetchAll(db, sql: sql).map(\.description) }
    }

    /// The short id of the first exception of a code in the latest run's listing.
    func shortID(of code: String) throws -> String? {
        let listing = try zhubao(["exceptions", "list"]).stdout
        let line = listing.split(separator: "\n").first { $0.contains(" \(code)|") }
        return line.map { String($0.prefix(10)) }
    }

    func removeStore() throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: storePath + suffix) {
            try FileManager.default.removeItem(atPath: storePath + suffix)
        }
    }
}
