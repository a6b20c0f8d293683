import Foundation
import Testing

@Suite struct RerunTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/samples")

    func outputs(_ root: URL, _ days: [String]) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for day in days {
            let folder = root.appendingPathComponent("out/daily/\(day)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                bytes["\(day)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
        }
        return bytes
    }

    /// `rerun` reproduces what the daily `run`s wrote, byte for byte, for the whole range and
    /// for a range in the middle.
    @Test func rerunWritesTheBytesRunWrote() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let days = (14...20).map { "2026-01-\($0)" }
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.samples.path) where name.contains("_360700_") {
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(name),
                                             to: root.appendingPathComponent("inbox/\(name)"))
        }
        for day in days {
            let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", day])
            #expect(result.status == 0, "\(day): \(result.stderr)")
        }
        let written = try outputs(root, days)
        #expect(written.count >= days.count * 2)
        #expect(written.keys.contains("2026-01-20/exceptions.jsonl"))
        let whole = try ZhubaoProcess.run(["rerun", "--root", root.path, "--from", days.first!, "--to", days.last!])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try outputs(root, days) == written)
        let middle = try ZhubaoProcess.run(["rerun", "--root", root.path, "--from", "2026-01-16", "--to", "2026-01-18"])
        #expect(middle.status == 0)
        #expect(try outputs(root, days) == written)
    }

    @Test func rerunNeedsAnOrderedRange() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        #expect(try ZhubaoProcess.run(["rerun", "--root", root.path, "--from", "2026-02-01", "--to", "2026-01-01"]).status == 64)
    }
}
