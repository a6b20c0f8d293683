import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// A run that left a file unread names it in its date's report; the journal carries that list,
/// so that a store rebuilt from the journal gives the report the run wrote (rerun of the date).
@Suite(.serialized) struct RebuildUnreadTests {
    @Test func aRebuiltStoreStillNamesTheFileARunCouldNotRead() throws {
        let ws = try TemporaryWorkspace()
        let logger = Logger(label: "test")
        let asOf = Day(iso: "2026-02-10")!
        try HostileCorpus.deliverGood(to: ws)
        let name = try #require(HostileCorpus.files(in: "unreadable").first)
        let url = try ws.deliver(name, Array(try Data(contentsOf: HostileCorpus.folder.appendingPathComponent("unreadable/\(name)"))))
        InboxFaults.failReads(of: url.path, errno: EIO)
        defer { InboxFaults.clear(url.path) }
        #expect(try DailyJob(workspace: ws.workspace, logger: logger).run(asOf: asOf).exitCode == 74)
        let summary = ws.workspace.daily(asOf).appendingPathComponent("summary.json")
        let written = try Data(contentsOf: summary)
        #expect(String(decoding: written, as: UTF8.self).contains(name))
        let journal = try String(contentsOf: ws.workspace.state.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"unread\""))

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ws.workspace.storePath + suffix) }
        _ = try RebuildJob(workspace: ws.workspace, logger: logger).run(force: false)
        try FileManager.default.removeItem(at: summary)
        _ = try RerunJob(workspace: ws.workspace, logger: logger).run(from: asOf, to: asOf)
        #expect(try Data(contentsOf: summary) == written)
    }
}
