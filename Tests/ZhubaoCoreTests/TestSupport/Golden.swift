import Foundation
import Testing

/// Golden files under `fixtures/golden/` (swift-argument-parser's `assertSnapshot`): an output
/// is compared byte for byte with its recorded copy; `ZHUBAO_RECORD_GOLDEN=1` re-records it.
/// A golden file that changes is a reviewed change: the commit says why.
enum Golden {
    static let folder = SampleFiles.projectRoot.appendingPathComponent("fixtures/golden", isDirectory: true)

    static var recording: Bool { ProcessInfo.processInfo.environment["ZHUBAO_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with `fixtures/golden/<name>`; on a difference, the failure names the
    /// first differing line with both versions and a little context.
    static func assertMatches(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing: run the tests with ZHUBAO_RECORD_GOLDEN=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(name) differs from its golden file:\n\(difference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, numbered, with two lines of context either side.
    static func difference(_ expected: Data, _ actual: Data) -> String {
        let old = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        let common = min(old.count, new.count)
        guard let first = (0..<common).first(where: { old[$0] != new[$0] }) ?? (old.count == new.count ? nil : common) else {
            return "(the bytes differ but no line does: line endings or encoding)"
        }
        var out: [String] = ["golden has \(old.count) lines, output \(new.count); first difference at line \(first + 1):"]
        for index in max(0, first - 2)..<min(max(old.count, new.count), first + 3) {
            let a = index < old.count ? old[index] : "(none)"
            let b = index < new.count ? new[index] : "(none)"
            if a == b {
                out.append("    \(index + 1)  \(a.prefix(300))")
            } else {
                // Long lines (a JSON document on one line): show where they part, with context.
                let x = Array(a), y = Array(b)
                let column = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
                let from = max(0, column - 60)
                out.append("  - \(index + 1):\(column + 1)  …\(String(x[from..<min(x.count, column + 160)]))")
                out.append("  + \(index + 1):\(column + 1)  …\(String(y[from..<min(y.count, column + 160)]))")
            }
        }
        return out.joined(separator: "\n")
    }
}
