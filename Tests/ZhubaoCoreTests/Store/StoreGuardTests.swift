import Foundation
import Logging
import Testing
@testable import ZhubaoCore

/// `run` never creates a store: a missing, empty or damaged one stops it before the inbox is
/// touched (outputs.md, exit 74).
@Suite struct StoreGuardTests {
    enum Damage: String, CaseIterable, Sendable {
        case missing, empty, header, page
    }

    @Test(arguments: Damage.allCases)
    func aStoreThatIsNotWholeStopsTheRunBeforeTheInbox(_ damage: Damage) throws {
        let ws = try TemporaryWorkspace()
        try HostileCorpus.deliverGood(to: ws)
        let job = DailyJob(workspace: ws.workspace, logger: Logger(label: "test"))
        #expect(try job.run(asOf: Day(iso: "2026-01-31")!).exitCode == 0)
        let file = SampleFiles.disbursement(date: "20260120", seq: 1, loan: "L00042")
        try ws.deliver(file.name, text: file.text)
        let path = ws.workspace.storePath
        switch damage {
        case .missing: try FileManager.default.removeItem(atPath: path)
        case .empty: try Data().write(to: URL(fileURLWithPath: path))
        case .header: try overwrite(path, at: 0, with: Array("this is no store".utf8))
        case .page: try overwrite(path, at: 16384, with: [UInt8](repeating: 0xA5, count: 64))  // page 2's b-tree header
        }
        #expect(throws: StoreFault.self) { try job.run(asOf: Day(iso: "2026-02-01")!) }
        #expect(ws.files(in: ws.workspace.inbox) == [file.name], "the inbox is not touched")
        if damage == .missing { #expect(!FileManager.default.fileExists(atPath: path), "no store created") }
        let fault = try #require(SystemFault.message(for: StoreFault.missing(path: path)))
        #expect(fault.contains("zhubao rebuild") && fault.contains("备份"))
    }

    @Test func aWholeStorePassesTheCheck() throws {
        let ws = try TemporaryWorkspace()
        _ = try Store.open(path: ws.workspace.storePath, quickCheckLimit: .max)
    }

    private func overwrite(_ path: String, at offset: UInt64, with bytes: [UInt8]) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(bytes))
    }
}
