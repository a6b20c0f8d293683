import Foundation
import GRDB
import Testing
import ZhubaoCore

/// outbound.md: a file is written as `.part`, flushed, then given its name; zhubao never rewrites
/// one. A run killed (SIGKILL) while writing the outbox, several times over, then a run to the end:
/// no half file is ever visible under a final name, and each file is sent exactly once.
@Suite struct OutboxKillTests {
    /// 300 drawdowns from 300 banks that are not the city's partners (B700–B999): each raises
    /// E203 for its own bank, so the run writes 300 FDBK files, one per recipient.
    static let banks = (700..<1000).map { String($0) }

    static func file(bank: String) -> (name: String, text: String) {
        let name = "B\(bank)_DISB_360700_20260115_001.txt"
        let lines = [
            "H|\(bank)|360700|DISB|20260115|B\(bank)36070020260115001|1.0",
            "D|L\(bank)|C\(bank)|360702196703150030|Liu|A|8904.00|3.0000|20260115|20270114|202601|202612|36070001199000000001|N",
            "T|1|8904.00",
        ]
        return (name, lines.joined(separator: "\r\n") + "\r\n")
    }

    @Test func aRunKilledWhileWritingTheOutboxSendsEachFileOnce() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        for bank in Self.banks {
            let file = Self.file(bank: bank)
            try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: false, encoding: .utf8)
        }
        let outbox = root.appendingPathComponent("outbox")
        var killedInOutbox = 0
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2] {
            let (process, _, _) = try ZhubaoProcess.start(["run", "--root", root.path, "--as-of", "2026-01-31"])
            // Wait for the outbox step to begin, then kill it a moment later.
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline, Self.names(in: outbox).isEmpty { usleep(1000) }
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning && process.terminationReason == .uncaughtSignal { killedInOutbox += 1 }
            try checkInvariants(root: root, complete: false)
        }
        #expect(killedInOutbox > 0, "no run was killed while writing the outbox")
        let final = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(final.status == 0, "\(final.stderr)")
        try checkInvariants(root: root, complete: true)
        // A second run of the date sends nothing more.
        _ = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        try checkInvariants(root: root, complete: true)
    }

    /// Every `recipient/name` under outbox/, `.part` ones included.
    static func names(in outbox: URL) -> [String] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: outbox.path)) ?? []).flatMap { recipient in
            ((try? fm.contentsOfDirectory(atPath: outbox.appendingPathComponent(recipient).path)) ?? []).map { "\(recipient)/\($0)" }
        }
    }

    /// Each file under a final name is complete (a valid file whose bytes the store recorded, or,
    /// killed between publishing and committing, one whose trailer checks); each name recorded
    /// at most once; when complete, exactly one file per bank, recorded, and no `.part` left.
    private func checkInvariants(root: URL, complete: Bool) throws {
        let store = try Store.open(path: root.appendingPathComponent("state/zhubao.sqlite").path)
        let records = try store.outboxFiles()
        var byPath: [String: [OutboxFileRecord]] = [:]
        for record in records { byPath["\(record.recipient)/\(record.name)", default: []].append(record) }
        #expect(byPath.values.allSatisfy { $0.count == 1 }, "a file recorded twice")
        let outbox = root.appendingPathComponent("outbox")
        let names = Self.names(in: outbox)
        let validator = Validator(context: ImportContext(settings: try Settings.load(root: root), schemaDirectory: nil))
        for name in names where !name.hasSuffix(".part") {
            let url = outbox.appendingPathComponent(name)
            let report = try validator.validate(url)
            #expect(!report.rejected, "\(name) visible but not complete: \(report.diagnostics)")
            if let record = byPath[name]?.first { #expect(try FileDigest.of(url).sha256 == record.sha256) }
        }
        for path in byPath.keys { #expect(names.contains(path), "\(path) recorded but not in the outbox") }
        guard complete else { return }
        #expect(!names.contains { $0.hasSuffix(".part") })
        #expect(records.count == Self.banks.count)
        #expect(Set(records.map(\.recipient)) == Set(Self.banks.map { "B\($0)" }))
        #expect(records.allSatisfy { $0.name == "SI_FDBK_360700_20260131_001.txt" && $0.lineCount >= 1 })
    }
}
