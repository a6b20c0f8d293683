import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// `zhubao run --dry-run` (issue 16): says what a run would import, reject and raise, and
/// leaves every byte of the workspace as it was.
/// Serialized: the first test looks for this process's scratch copies in the temporary folder, which
/// another dry run of this suite, running beside it, would have there at that moment.
@Suite(.serialized) struct DryRunTests {
    /// Every entry under `root`: relative path → kind, mode and SHA-256 of the bytes.
    static func tree(_ root: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let type = attributes[.type] as? FileAttributeType
            let mode = String((attributes[.posixPermissions] as? Int) ?? -1, radix: 8)
            let relative = String(url.path.dropFirst(root.path.count))
            entries[relative] = type == .typeRegular ? "file \(mode) \(try FileDigest.of(url).sha256)" : "\(type?.rawValue ?? "?") \(mode)"
        }
        return entries
    }

    @Test func aDryRunChangesNothingAndForetellsTheRun() throws {
        let ws = try TemporaryWorkspace()
        let job = DailyJob(workspace: ws.workspace, logger: Logger(label: "test"))
        let first = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        try ws.deliver(first.name, text: first.text)
        let started = Date()
        let firstRun = try job.run(asOf: Day(iso: "2026-01-15")!)
        // As `zhubao run` does after the job: the metrics, which the dry run must leave alone too.
        RunMetrics.record(workspace: ws.workspace, asOf: firstRun.asOf, exitCode: firstRun.exitCode, started: started,
                          result: firstRun, logger: Logger(label: "test"))
        // The next day's inbox: a new file, a bad name, an empty file, a redelivery.
        let second = SampleFiles.disbursement(date: "20260116", seq: 1, loan: "L00002")
        try ws.deliver(second.name, text: second.text)
        try ws.deliver("not-a-valid-name.txt", text: "x")
        try ws.deliver("B105_DISB_360700_20260116_002.txt", [])
        try ws.deliver(first.name, text: first.text)
        let before = try Self.tree(ws.root)
        #expect(before.keys.contains("/state/run.lock") && before.keys.contains("/metrics/zhubao.prom"))

        let dry = try DryRunJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Day(iso: "2026-01-16")!)
        #expect(try Self.tree(ws.root) == before)
        let outcomes = dry.intake.deliveries.map { "\($0.record.name) \($0.outcome.rawValue)" }.sorted()
        #expect(outcomes == ["B105_DISB_360700_20260115_001.txt alreadyRecorded", "B105_DISB_360700_20260116_001.txt imported",
                             "B105_DISB_360700_20260116_002.txt rejected", "not-a-valid-name.txt rejected"])
        #expect(dry.wouldExit == 65)
        let text = dry.text
        #expect(text.contains("将导入 1 个文件\n  B105_DISB_360700_20260116_001.txt（1 条记录）"))
        #expect(text.contains("将拒收 2 个文件") && text.contains("B105_DISB_360700_20260116_002.txt  E001  文件为空（0 字节）"))
        #expect(text.contains("已收过、不会再导入 1 个文件") && text.contains("正式运行的退出码将为 65"))
        // No copy is left behind.
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!temporary.contains { $0.hasPrefix("\(ScratchCopy.prefix)\(getpid()).") })

        // The run itself does what the dry run said, and raises what it said.
        let real = try job.run(asOf: Day(iso: "2026-01-16")!)
        #expect(real.intake.deliveries.map { "\($0.record.name) \($0.outcome.rawValue)" }.sorted() == outcomes)
        func codes(_ daily: DailyReport.Result?) -> [String] {
            (daily?.outcome.exceptions ?? []).filter { $0.status != .resolved }.map { "\($0.finding.code) \($0.status.rawValue)" }.sorted()
        }
        #expect(codes(real.daily) == codes(dry.daily))
        #expect(!codes(dry.daily).isEmpty)
        #expect(text.contains("E001  2（新增 2）"), "\(text)")
    }

    @Test func aDryRunLeavesMarkersAndWaitingFilesInPlace() throws {
        let ws = try TemporaryWorkspace()
        let config = try String(contentsOf: ws.workspace.configFile, encoding: .utf8)
        try config.replacingOccurrences(of: "intake_mode = \"rename\"", with: "intake_mode = \"marker\"")
            .write(to: ws.workspace.configFile, atomically: true, encoding: .utf8)
        _ = try FileLock(path: ws.workspace.lockPath)   // as the first run leaves it
        let ready = SampleFiles.disbursement(date: "20260116", seq: 1, loan: "L00001")
        let pending = SampleFiles.disbursement(date: "20260116", seq: 2, loan: "L00002")
        try ws.deliver(ready.name, text: ready.text)
        try ws.deliver(ready.name + ".done", [])
        try ws.deliver(pending.name, text: pending.text)
        let before = try Self.tree(ws.root)
        let dry = try DryRunJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Day(iso: "2026-01-16")!)
        #expect(try Self.tree(ws.root) == before)
        #expect(dry.intake.deliveries.map(\.record.name) == [ready.name])
        #expect(dry.text.contains("可能仍在写入、留待下次运行 1 个文件\n  \(pending.name)（等待标记文件 \(pending.name).done）"))
    }

    @Test func aDryRunTakesTheRunLock() throws {
        let ws = try TemporaryWorkspace()
        let held = try FileLock(path: ws.workspace.lockPath)
        defer { held.unlock() }
        #expect(throws: FileLock.LockError.held(path: ws.workspace.lockPath)) {
            try DryRunJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Day(iso: "2026-01-16")!)
        }
    }

    @Test func aDamagedStoreStopsADryRunAsItStopsARun() throws {
        let ws = try TemporaryWorkspace()
        try Data("not a database at all, not even close".utf8).write(to: URL(fileURLWithPath: ws.workspace.storePath))
        #expect(throws: StoreFault.damaged(path: ws.workspace.storePath, detail: "文件头不是 SQLite 格式")) {
            try DryRunJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Day(iso: "2026-01-16")!)
        }
    }
}
