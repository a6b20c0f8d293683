import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ZhubaoCore

/// The corpus of hostile deliveries, `fixtures/hostile/intake/` (read by path from the package root).
enum HostileCorpus {
    static let folder = SampleFiles.projectRoot.appendingPathComponent("fixtures/hostile/intake", isDirectory: true)

    static func files(in sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? []).sorted()
    }

    /// Copies `good/` into the inbox; returns the names.
    @discardableResult
    static func deliverGood(to ws: TemporaryWorkspace) throws -> [String] {
        let names = files(in: "good")
        for name in names { try ws.deliver(name, Array(try Data(contentsOf: folder.appendingPathComponent("good/\(name)")))) }
        return names
    }

    /// Writes a case stored as `name.hex` + `content` into the inbox under its raw name.
    @discardableResult
    static func deliverRaw(_ sub: String, to ws: TemporaryWorkspace) throws -> [UInt8] {
        let hex = try String(contentsOf: folder.appendingPathComponent("\(sub)/name.hex"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var raw: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            raw.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        let content = Array(try Data(contentsOf: folder.appendingPathComponent("\(sub)/content")))
        let path = Array(ws.workspace.inbox.path.utf8) + [UInt8(ascii: "/")] + raw + [0]
        let fd = path.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        }
        precondition(fd >= 0, "cannot create the hostile name")
        _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return raw
    }
}
