import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// The same input gives byte-identical output (outputs.md): one generated city (fixed seed,
/// every fault) taken by the daily job in two workspaces at different paths, at different
/// clock times, then the year's claim — every file written under `out/` and `outbox/` (html,
/// xlsx, csv, jsonl, summary.json, the claim XML, XLSX and HTML, FDBK and ELIG) is the same in
/// both, byte for byte, and both hold every kind.
@Suite struct DailyJobDeterminismTests {
    static let mid = Day(iso: "2026-06-30")!, end = Day(iso: "2027-01-31")!

    /// A workspace as `zhubao init` makes it, under `parent`.
    func workspace(under parent: URL, settings: Settings) throws -> Workspace {
        let workspace = Workspace(root: parent.appendingPathComponent("root", isDirectory: true))
        try workspace.createFolders()
        _ = try Store.create(path: workspace.storePath)
        try ConfigTemplate.text(profile: settings.profile, region: settings.region, reference: settings.reference)
            .write(to: workspace.configFile, atomically: true, encoding: .utf8)
        return workspace
    }

    /// Delivers the files dated up to the mid-year date and runs as of it, then the rest and
    /// runs as of the end; then the claim of 2026. `now` is the clock the jobs are given.
    func runAll(_ workspace: Workspace, files: URL, names: [String], now: Date) throws {
        let logger = Logger(label: "test")
        let job = DailyJob(workspace: workspace, logger: logger)
        for (asOf, clock) in [(Self.mid, now), (Self.end, now.addingTimeInterval(86_400 * 3 + 17))] {
            for name in names {
                let day = (try? FileName.parse(name).get())?.businessDate ?? Self.end
                guard day <= asOf, day > (asOf == Self.end ? Self.mid : Day(iso: "2000-01-01")!) else { continue }
                try FileManager.default.copyItem(at: files.appendingPathComponent(name),
                                                 to: workspace.inbox.appendingPathComponent(name))
            }
            _ = try job.run(asOf: asOf, now: clock)
        }
        _ = try ClaimJob(workspace: workspace, logger: logger).run(year: 2026, bank: nil, asOf: Self.end, now: now.addingTimeInterval(999))
    }

    /// Every regular file under `folder`, by path relative to the workspace root.
    func tree(_ root: URL, _ folders: [String]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker {
                let url = base.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files["\(folder)/\(path)"] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func aGeneratedCityGivesTheSameBytesInTwoWorkspaces() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = scratch.appendingPathComponent("generated")
        let options = GeneratorOptions(profile: .ganzhou2021, borrowers: 40, from: Day(iso: "2026-01-01")!, to: Self.end,
                                       faults: .all, edgeCases: true)
        let names = try CityGenerator(options: options).write(to: files).files.map(\.name)
        let settings = try Settings.defaults(profile: .ganzhou2021)
        let a = try workspace(under: scratch.appendingPathComponent("a"), settings: settings)
        let b = try workspace(under: scratch.appendingPathComponent("second/workspace/at/another/depth"), settings: settings)
        try runAll(a, files: files, names: names, now: Date(timeIntervalSince1970: 1_790_000_000))
        try runAll(b, files: files, names: names, now: Date())

        let first = try tree(a.root, ["out", "outbox"]), second = try tree(b.root, ["out", "outbox"])
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first.sorted(by: { $0.key < $1.key }) {
            #expect(second[path] == data, "\(path) differs between the two workspaces")
        }
        // Every kind of output is among what was compared.
        let names2 = Set(first.keys.map { URL(fileURLWithPath: $0).lastPathComponent })
        for name in ["exceptions.html", "exceptions.xlsx", "exceptions.csv", "exceptions.jsonl", "summary.json", "claims.html"] {
            #expect(names2.contains(name), "\(name) was not written")
        }
        for suffix in [".xml", ".xlsx"] {
            #expect(first.keys.contains { $0.hasPrefix("out/claims/2026/") && $0.hasSuffix(suffix) }, "no claim \(suffix)")
        }
        for kind in ["_FDBK_", "_ELIG_"] {
            #expect(first.keys.contains { $0.hasPrefix("outbox/") && $0.contains(kind) }, "no \(kind) file in the outbox")
        }
        #expect(first.keys.filter { $0.hasPrefix("out/daily/") }.count == 2 * 5)
    }
}
