import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// Intake of files still being written (issue 16, `[settings] intake_mode`): a `NAME.done`
/// marker, or a size and modification time unchanged for `stable_seconds`; an empty file is
/// rejected (E001) whatever the mode, never left to wait.
@Suite(.serialized) struct IntakeModeTests {
    func intake(_ ws: TemporaryWorkspace, mode: IntakeMode, stableSeconds: Int = 60, now: Date = Date()) throws -> IntakeReport {
        var settings = ws.settings
        settings.intakeMode = mode
        settings.stableSeconds = stableSeconds
        let store = try Store.open(path: ws.workspace.storePath)
        return try Intake(workspace: ws.workspace, store: store,
                          context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()),
                          logger: Logger(label: "test")).run(asOf: Day(iso: "2026-04-30")!, now: now)
    }

    @Test func aFileWaitsForItsMarkerAndTheMarkerLeavesWithIt() throws {
        let ws = try TemporaryWorkspace()
        let a = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        let b = SampleFiles.disbursement(date: "20260115", seq: 2, loan: "L00002")
        try ws.deliver(a.name, text: a.text)
        try ws.deliver(b.name, text: b.text)
        try ws.deliver(b.name + ".done", [])
        try ws.deliver("B105_DISB_360700_20260115_009.txt.done", [])   // a marker whose file is not there

        let first = try intake(ws, mode: .marker)
        #expect(first.deliveries.map(\.record.name) == [b.name])
        #expect(first.count(.imported) == 1)
        #expect(first.waiting == [WaitingFile(name: a.name, reason: "等待标记文件 \(a.name).done")])
        #expect(first.ignored == ["B105_DISB_360700_20260115_009.txt.done"])
        #expect(ws.files(in: ws.workspace.inbox) == [a.name, "B105_DISB_360700_20260115_009.txt.done"])
        #expect(ws.files(in: ws.workspace.quarantine).isEmpty)

        try ws.deliver(a.name + ".done", [])
        let second = try intake(ws, mode: .marker)
        #expect(second.count(.imported) == 1 && second.waiting.isEmpty)
        #expect(ws.files(in: ws.workspace.inbox) == ["B105_DISB_360700_20260115_009.txt.done"])
        #expect(ws.files(in: ws.workspace.archive.appendingPathComponent("2026/01")) == [a.name, b.name])
    }

    @Test func underRenameAMarkerIsAnOrdinaryBadName() throws {
        let ws = try TemporaryWorkspace()
        try ws.deliver("B105_DISB_360700_20260115_001.txt.done", [])
        let report = try intake(ws, mode: .rename)
        #expect(report.count(.rejected) == 1 && report.waiting.isEmpty)
    }

    @Test func aFileChangedWithinTheIntervalWaitsThenIsTaken() throws {
        let ws = try TemporaryWorkspace()
        let file = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        let url = try ws.deliver(file.name, Array(file.text.utf8))
        let written = Date(timeIntervalSince1970: 1_790_000_000)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: url.path)

        // 59 s after the last change, with stable_seconds = 60: left for the next run.
        let early = try intake(ws, mode: .stable, now: written.addingTimeInterval(59))
        #expect(early.deliveries.isEmpty)
        #expect(early.waiting == [WaitingFile(name: file.name, reason: "最近 60 秒内仍有改动（stable_seconds）")])
        #expect(ws.files(in: ws.workspace.inbox) == [file.name])
        // 60 s after: taken.
        let later = try intake(ws, mode: .stable, now: written.addingTimeInterval(60))
        #expect(later.count(.imported) == 1 && later.waiting.isEmpty)
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
    }

    @Test func aFileThatGrowsWhileItIsReadIsLeftForTheNextRun() throws {
        let ws = try TemporaryWorkspace()
        let file = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        let url = try ws.deliver(file.name, Array(file.text.prefix(40).utf8))
        let written = Date(timeIntervalSince1970: 1_790_000_000)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: url.path)
        // The writer appends the rest between the listing and the read (its mtime stays old).
        let key = ws.workspace.inbox.path + "/" + file.name
        InboxFaults.at(.beforeOpen, of: key) {
            let handle = try! FileHandle(forWritingTo: url)
            handle.seekToEndOfFile()
            handle.write(Data(file.text.dropFirst(40).utf8))
            try! handle.close()
            try! FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: url.path)
        }
        defer { InboxFaults.clear(key) }
        let report = try intake(ws, mode: .stable, now: written.addingTimeInterval(3600))
        #expect(report.deliveries.isEmpty)
        #expect(report.waiting.map(\.name) == [file.name])
        #expect(ws.files(in: ws.workspace.inbox) == [file.name])
        #expect(ws.files(in: ws.workspace.state.appendingPathComponent("intake")).isEmpty)
        InboxFaults.clear(key)
        let next = try intake(ws, mode: .stable, now: written.addingTimeInterval(3600))
        #expect(next.count(.imported) == 1)
    }

    @Test func anEmptyFileIsRejectedWithItsReasonInEveryMode() throws {
        let name = "B105_DISB_360700_20260115_001.txt"
        for mode in IntakeMode.allCases {
            let ws = try TemporaryWorkspace()
            let url = try ws.deliver(name, [])
            let written = Date(timeIntervalSince1970: 1_790_000_000)
            try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: url.path)
            if mode == .marker { try ws.deliver(name + ".done", []) }
            if mode == .stable {
                // Still within the interval: it may yet be written.
                #expect(try intake(ws, mode: mode, now: written.addingTimeInterval(10)).waiting.map(\.name) == [name])
            }
            let report = try intake(ws, mode: mode, now: written.addingTimeInterval(600))
            #expect(report.count(.rejected) == 1, "\(mode)")
            #expect(report.deliveries.first?.record.reason == Intake.emptyFile, "\(mode)")
            #expect(ws.files(in: ws.workspace.inbox).isEmpty, "\(mode)")
            let reason = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent(name + ".reason.txt"), encoding: .utf8)
            #expect(reason.contains("E001") && reason.contains("文件为空（0 字节）"), "\(mode)")
        }
    }

    @Test func theSettingsAreReadAndChecked() throws {
        let settings = try Settings.defaults(profile: .ganzhou2021)
        let template = ConfigTemplate.text(profile: .ganzhou2021, region: settings.region, reference: settings.reference)
        #expect(template.contains("\nintake_mode = \"rename\"\n") && template.contains("\nstable_seconds = 60\n"))
        let parsed = try Settings.parse(template.replacingOccurrences(of: "intake_mode = \"rename\"", with: "intake_mode = \"marker\"")
            .replacingOccurrences(of: "stable_seconds = 60", with: "stable_seconds = 300"))
        #expect(parsed.intakeMode == .marker && parsed.stableSeconds == 300)
        for (bad, words) in [("intake_mode = \"done\"", "settings.intake_mode = \"done\" 应为 \"rename\"、\"marker\" 或 \"stable\""),
                             ("stable_seconds = 0", "settings.stable_seconds = 0 超出范围")] {
            let key = bad.split(separator: " ")[0]
            let text = template.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("\(key) = ") ? bad : String($0) }.joined(separator: "\n")
            #expect { try Settings.parse(text) } throws: { ($0 as? ConfigError)?.description.contains(words) == true }
        }
    }
}
