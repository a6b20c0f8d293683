import Foundation
import GRDB
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// The daily job over each delivery of `fixtures/hostile/intake/`, beside the good files: the
/// good files are imported, the run ends with the documented exit code, nothing is lost.
@Suite struct HostileIntakeTests {
    static let asOf = Day(iso: "2026-01-31")!

    func run(_ ws: TemporaryWorkspace) throws -> DailyRunResult {
        try DailyJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Self.asOf)
    }

    /// The good files are all in the archive and recorded as imported.
    func expectGoodImported(_ ws: TemporaryWorkspace, _ good: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try Store.open(path: ws.workspace.storePath)
        let rows = try ws.allDeliveries(store)
        for name in good {
            #expect(rows.first { $0.name == name }?.status == .imported, "\(name)", sourceLocation: sourceLocation)
        }
    }

    /// A name rejected for itself: quarantined as `unsafe-name.<16 hex>` beside its reason file,
    /// the registry holding the escaped name.
    func expectQuarantinedUnderSafeName(_ ws: TemporaryWorkspace, escaped: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try Store.open(path: ws.workspace.storePath)
        let row = try #require(try ws.allDeliveries(store).first { $0.name == escaped }, sourceLocation: sourceLocation)
        #expect(row.status == .rejected, sourceLocation: sourceLocation)
        let safe = "unsafe-name.\(row.sha256.prefix(16))"
        #expect(ws.files(in: ws.workspace.quarantine) == [safe, safe + ".reason.txt"], sourceLocation: sourceLocation)
        let reason = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent(safe + ".reason.txt"), encoding: .utf8)
        #expect(reason.contains("文件: \(escaped)\n"), sourceLocation: sourceLocation)
        #expect(reason.contains("E001"), sourceLocation: sourceLocation)
        #expect(try FileDigest.of(ws.workspace.quarantine.appendingPathComponent(safe)).sha256 == row.sha256, sourceLocation: sourceLocation)
    }

    @Test func theGoodFilesAloneImportCleanly() throws {
        let ws = try TemporaryWorkspace()
        let good = try HostileCorpus.deliverGood(to: ws)
        #expect(try run(ws).exitCode == 0)
        try expectGoodImported(ws, good)
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
    }

    @Test func aNameOf234BytesIsQuarantinedUnderASafeName() throws {
        let ws = try TemporaryWorkspace()
        let good = try HostileCorpus.deliverGood(to: ws)
        let long = try #require(HostileCorpus.files(in: "long-name").first)
        #expect(long.utf8.count == 234)
        try ws.deliver(long, Array(try Data(contentsOf: HostileCorpus.folder.appendingPathComponent("long-name/\(long)"))))
        #expect(try run(ws).exitCode == 65)
        try expectGoodImported(ws, good)
        try expectQuarantinedUnderSafeName(ws, escaped: long)
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
        // The next run has nothing left to stumble on.
        #expect(try run(ws).exitCode == 0)
    }

    @Test(arguments: [
        ("non-utf8-name", "MZ_HARD_360700_20260131_\\xB2\\xE2\\xCA\\xD4.csv"),
        ("newline-name", "B105_DISB_360700_20260115_009.txt\\x0A2026-12-06T06:30:00+0000 info zhubao : [file: B105_DISB_360700_20260115_010.txt] file imported"),
        ("control-name", "B105_DISB_360700_20260115_\\x1B[2K\\x1B[1A\\x7F\\xE2\\x80\\xAE008.txt"),
    ])
    func aNameThatIsNotPlainTextIsQuarantinedEscaped(_ sub: String, _ escaped: String) throws {
        let ws = try TemporaryWorkspace()
        let good = try HostileCorpus.deliverGood(to: ws)
        let raw = try HostileCorpus.deliverRaw(sub, to: ws)
        #expect(SafeName.display(raw) == escaped)
        #expect(try run(ws).exitCode == 65)
        try expectGoodImported(ws, good)
        try expectQuarantinedUnderSafeName(ws, escaped: escaped)
        #expect(ws.files(in: ws.workspace.inbox).isEmpty, "the hostile name left the inbox too")
        #expect(!escaped.contains("\n") && !escaped.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func anUnreadableFileStaysInTheInboxAndTheRunExits74() throws {
        let ws = try TemporaryWorkspace()
        let good = try HostileCorpus.deliverGood(to: ws)
        let name = try #require(HostileCorpus.files(in: "unreadable").first)
        let bytes = Array(try Data(contentsOf: HostileCorpus.folder.appendingPathComponent("unreadable/\(name)")))
        let url = try ws.deliver(name, bytes)
        // As root every file can be read: make this one's reads fail as a bad disk would.
        InboxFaults.failReads(of: url.path, errno: EIO)
        defer { InboxFaults.clear(url.path) }
        let result = try run(ws)
        #expect(result.exitCode == 74)
        #expect(result.intake.unread.map(\.name) == [name])
        try expectGoodImported(ws, good)
        #expect(ws.files(in: ws.workspace.inbox) == [name])
        #expect(Array(try Data(contentsOf: url)) == bytes, "untouched")
        #expect(try ws.allDeliveries(try Store.open(path: ws.workspace.storePath)).allSatisfy { $0.name != name })
        let folder = ws.workspace.daily(Self.asOf)
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains(name) && summary.contains("I/O"))
        #expect(try String(contentsOf: folder.appendingPathComponent("exceptions.html"), encoding: .utf8).contains(name))
        #expect(ws.files(in: ws.workspace.state.appendingPathComponent("intake")).isEmpty, "no staged copy left")
        // Readable again: the next run takes it, and the report no longer names it.
        InboxFaults.clear(url.path)
        let next = try run(ws)
        #expect(next.exitCode == 0)
        #expect(next.intake.count(.imported) == 1)
        #expect(!(try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)).contains(name))
    }

    /// The window between listing a name and opening it: the file is swapped for a link to a
    /// secret. O_NOFOLLOW refuses the link; nothing of the secret is read anywhere.
    @Test func aLinkSwappedInBeforeTheOpenIsNeverRead() throws {
        let ws = try TemporaryWorkspace()
        let good = try HostileCorpus.deliverGood(to: ws)
        let (name, url, secret) = try deliverSwapCase(ws)
        InboxFaults.at(.beforeOpen, of: url.path) { swapForLink(url, to: secret) }
        defer { InboxFaults.clear(url.path) }
        let result = try run(ws)
        #expect(result.exitCode == 0)
        #expect(result.intake.ignored.contains(name))
        try expectGoodImported(ws, good)
        #expect(try ws.allDeliveries(try Store.open(path: ws.workspace.storePath)).allSatisfy { $0.name != name })
        try expectSecretNowhere(ws)
    }

    /// The swap after the open: what was read through the descriptor is what is recorded,
    /// imported and archived; the link is left in the inbox.
    @Test func aLinkSwappedInAfterTheOpenChangesNothingThatWasRead() throws {
        let ws = try TemporaryWorkspace()
        let good = try HostileCorpus.deliverGood(to: ws)
        let (name, url, secret) = try deliverSwapCase(ws)
        let original = try FileDigest.of(url)
        InboxFaults.at(.afterOpen, of: url.path) { swapForLink(url, to: secret) }
        defer { InboxFaults.clear(url.path) }
        #expect(try run(ws).exitCode == 0)
        try expectGoodImported(ws, good + [name])
        let row = try #require(try ws.allDeliveries(try Store.open(path: ws.workspace.storePath)).first { $0.name == name })
        #expect(row.sha256 == original.sha256)
        #expect(try FileDigest.of(ws.workspace.archive.appendingPathComponent("2026/01/\(name)")).sha256 == original.sha256)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: url.path) == secret.path, "the link is left alone")
        try expectSecretNowhere(ws)
    }

    private func deliverSwapCase(_ ws: TemporaryWorkspace) throws -> (String, URL, URL) {
        let name = "B105_DISB_360700_20260116_001.txt"
        let url = try ws.deliver(name, Array(try Data(contentsOf: HostileCorpus.folder.appendingPathComponent("symlink-swap/\(name)"))))
        let secret = ws.root.appendingPathComponent("secret.txt")
        try FileManager.default.copyItem(at: HostileCorpus.folder.appendingPathComponent("symlink-swap/secret.txt"), to: secret)
        return (name, url, secret)
    }

    private func expectSecretNowhere(_ ws: TemporaryWorkspace, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let marker = Data("SECRET-MARKER".utf8)
        for folder in [ws.workspace.archive, ws.workspace.quarantine, ws.workspace.out, ws.workspace.state] {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard let data = try? Data(contentsOf: url) else { continue }
                #expect(data.range(of: marker) == nil, "\(url.path)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Replaces the file at `url` by a symbolic link to `target` (rename over it: atomic, as an
/// attacker would do it).
private func swapForLink(_ url: URL, to target: URL) {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".swap")
    try? FileManager.default.createSymbolicLink(at: temporary, withDestinationURL: target)
    rename(temporary.path, url.path)
}
