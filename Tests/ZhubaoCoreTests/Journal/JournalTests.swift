import Foundation
import Testing
@testable import ZhubaoCore

@Suite struct JournalTests {
    func journal() throws -> (Journal, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (Journal(url: folder.appendingPathComponent("journal.jsonl")), folder)
    }

    func ack(_ id: Int64, _ note: String) -> JournalEntry {
        var entry = JournalEntry(action: .ack, at: Date(timeIntervalSince1970: 1_800_000_000))
        entry.ack = AcknowledgementRecord(id: id, key: "E301|C1|L1", note: note, byName: "王会计",
                                          at: "2027-01-21T01:00:00Z", effectiveOn: "2027-01-21")
        return entry
    }

    @Test func eachLineCarriesTheHashOfTheOneBefore() throws {
        let (journal, _) = try journal()
        try journal.append(ack(1, "已联系银行"))
        try journal.append(ack(2, "银行已更正"))
        let entries = try journal.entries()
        #expect(entries.map(\.ack?.note) == ["已联系银行", "银行已更正"])
        #expect(entries[0].prev == Journal.genesis)
        let firstLine = try String(contentsOf: journal.url, encoding: .utf8).split(separator: "\n")[0]
        #expect(entries[1].prev == Journal.hash(Data(firstLine.utf8)))
        #expect(journal.verify().isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: journal.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    /// An append reads the journal from its end (`lastLine`): the line it chains to and the
    /// length it keeps must be those of reading the whole file, whatever the lines' lengths
    /// against the 64 KiB it reads at a time, with or without a line a kill cut short.
    @Test(arguments: [
        "", "\n", "a", "a\n", "a\nb\n", "a\nb", "\n\n", "a\n\ncut",
        String(repeating: "x", count: 70_000) + "\n", "a\n" + String(repeating: "y", count: 140_000) + "\ncut",
        String(repeating: "z", count: 65_535) + "\n" + String(repeating: "w", count: 65_536) + "\n",
        "a\n" + String(repeating: "v", count: 200_000),
    ])
    func theLastLineIsReadFromTheEnd(_ content: String) throws {
        let (journal, _) = try journal()
        if !content.isEmpty { try Data(content.utf8).write(to: journal.url) }
        let (lines, complete) = try journal.lines()
        let (last, lastComplete) = try journal.lastLine()
        #expect(last == lines.last)
        #expect(lastComplete == complete)
    }

    /// A line that does not decode breaks the chain (verify says so) but stops no later write.
    @Test func aDamagedLineStopsNoWrite() throws {
        let workspace = try TemporaryWorkspace()
        let store = try Store(path: workspace.workspace.storePath)
        let journal = Journal(workspace: workspace.workspace)
        try journal.append(ack(1, "一"))
        try Data("not json\n".utf8).append(to: journal.url)
        try journal.record(.run, store: store, asOf: d("2027-01-21"), days: [d("2027-01-21")])
        #expect(journal.verify() == ["日志第 2 行无法解析：日志被改动或损坏"])
        #expect(throws: JournalError.self) { try journal.entries() }
    }

    @Test func aModeNarrowedByAnOperatorStays() throws {
        let (journal, _) = try journal()
        try journal.append(ack(1, "一"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: journal.url.path)
        try journal.append(ack(2, "二"))
        #expect(try FileManager.default.attributesOfItem(atPath: journal.url.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func anEditBreaksTheChain() throws {
        let (journal, _) = try journal()
        for i in 1...3 { try journal.append(ack(Int64(i), "第 \(i) 次")) }
        let text = try String(contentsOf: journal.url, encoding: .utf8)
        try text.replacingOccurrences(of: "第 2 次", with: "第 9 次").write(to: journal.url, atomically: true, encoding: .utf8)
        let problems = journal.verify()
        #expect(problems.count == 1)
        #expect(problems.first?.contains("第 3 行") == true)
        // A line taken out breaks it too.
        let lines = text.split(separator: "\n")
        try (lines[0] + "\n" + lines[2] + "\n").write(to: journal.url, atomically: true, encoding: .utf8)
        #expect(journal.verify().count == 1)
    }

    @Test func aLineCutShortByAKillIsDroppedByTheNextAppend() throws {
        let (journal, _) = try journal()
        try journal.append(ack(1, "完整"))
        let handle = try FileHandle(forWritingTo: journal.url)
        handle.seekToEndOfFile()
        handle.write(Data("{\"action\":\"ack\",\"no".utf8))
        try handle.close()
        #expect(try journal.entries().count == 1, "the partial line is not an entry")
        #expect(journal.verify().isEmpty)
        try journal.append(ack(2, "之后"))
        #expect(try journal.entries().map(\.ack?.id) == [1, 2])
        #expect(journal.verify().isEmpty)
    }

    /// The store commits first; rows a kill kept out of the journal are journaled by the next write.
    @Test func rowsTheJournalLacksAreTakenUpByTheNextWrite() throws {
        let workspace = try TemporaryWorkspace()
        let store = try Store(path: workspace.workspace.storePath)
        let lifecycle = ExceptionLifecycle(store: store)
        try lifecycle.acknowledge(key: "E301|C1|L1", note: "一", by: "甲", on: d("2027-01-21"))  // "killed" before journaling
        let second = try lifecycle.acknowledge(key: "E301|C1|L1", note: "二", by: "乙", on: d("2027-01-22"))
        let journal = Journal(workspace: workspace.workspace)
        try journal.record(.ack, store: store, ack: second)
        #expect(try journal.entries().compactMap(\.ack?.note) == ["一", "二"])
        try journal.record(.run, store: store, asOf: d("2027-01-23"))
        #expect(try journal.entries().compactMap(\.ack?.note) == ["一", "二"], "nothing journaled twice")
        let lines = try journal.entries().count
        try journal.catchUp(store: store)
        #expect(try journal.entries().count == lines, "nothing pending: no line")
        try lifecycle.acknowledge(key: "E301|C1|L1", note: "三", by: "丙", on: d("2027-01-24"))
        try journal.catchUp(store: store)
        #expect(try journal.entries().count == lines + 1)
        #expect(try journal.entries().last?.ack?.note == "三")
    }
}

extension Data {
    func append(to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(self)
    }
}
