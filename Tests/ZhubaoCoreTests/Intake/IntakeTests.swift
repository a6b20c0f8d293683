import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

@Suite struct IntakeTests {
    @Test func importsAndArchivesByBusinessDate() throws {
        let ws = try TemporaryWorkspace()
        let file = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        try ws.deliver(file.name, text: file.text)
        let (report, store) = try ws.intake()
        #expect(report.count(.imported) == 1)
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
        #expect(ws.files(in: ws.workspace.archive.appendingPathComponent("2026/01")) == [file.name])
        let rows = try ws.allDeliveries(store)
        #expect(rows.count == 1)
        #expect(rows[0].status == .imported)
        #expect(rows[0].sender == .bank(code: "105"))
        #expect(rows[0].kind == .disbursements)
        #expect(rows[0].region == "360700")
        #expect(rows[0].businessDate == "2026-01-15")
        #expect(rows[0].seq == 1)
        #expect(rows[0].size == Int64(file.text.utf8.count))
        #expect(rows[0].sha256.count == 64)
    }

    @Test func recognisesTheSameBytesDeliveredAgain() throws {
        let ws = try TemporaryWorkspace()
        let file = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        try ws.deliver(file.name, text: file.text)
        _ = try ws.intake()
        try ws.deliver(file.name, text: file.text)
        let (report, store) = try ws.intake()
        #expect(report.count(.alreadyRecorded) == 1)
        #expect(report.count(.imported) == 0)
        #expect(!report.rejectedAny)
        #expect(try ws.allDeliveries(store).count == 1)
        #expect(ws.files(in: ws.workspace.inbox).isEmpty)
        #expect(ws.files(in: ws.workspace.quarantine).isEmpty)
    }

    @Test func rejectsTheSameNameWithOtherBytesAsAConflict() throws {
        let ws = try TemporaryWorkspace()
        let first = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        let second = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00002")
        try ws.deliver(first.name, text: first.text)
        _ = try ws.intake()
        try ws.deliver(second.name, text: second.text)
        let (report, store) = try ws.intake()
        #expect(report.count(.conflict) == 1)
        #expect(report.rejectedAny)
        let rows = try ws.allDeliveries(store)
        #expect(rows.map(\.status) == [.imported, .conflict])
        // The first delivery stands in the archive; the second waits in quarantine with its reason.
        let archived = try String(contentsOf: ws.workspace.archive.appendingPathComponent("2026/01/\(first.name)"), encoding: .utf8)
        #expect(archived == first.text)
        #expect(ws.files(in: ws.workspace.quarantine) == [first.name, first.name + ".reason.txt"])
        let reason = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent(first.name + ".reason.txt"), encoding: .utf8)
        #expect(reason.contains("E002"))
        #expect(!reason.contains("E001"))
    }

    @Test func aConflictWithARejectedFileKeepsBothInQuarantine() throws {
        let ws = try TemporaryWorkspace()
        let name = "B105_DISB_440300_20260115_001.txt"   // another city: rejected
        try ws.deliver(name, text: "first")
        _ = try ws.intake()
        try ws.deliver(name, text: "second")
        let (report, store) = try ws.intake()
        #expect(report.count(.conflict) == 1)
        let rows = try ws.allDeliveries(store)
        #expect(rows.map(\.status) == [.rejected, .conflict])
        let files = ws.files(in: ws.workspace.quarantine)
        #expect(files.count == 4)
        #expect(files.contains(name) && files.contains(name + ".reason.txt"))
        let suffixed = name + "." + rows[1].sha256.prefix(12)
        #expect(files.contains(suffixed) && files.contains(suffixed + ".reason.txt"))
        let text = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent(suffixed), encoding: .utf8)
        #expect(text == "second")
    }

    @Test func quarantinesABadNameWithAReasonFile() throws {
        let ws = try TemporaryWorkspace()
        try ws.deliver("TAX_RCPT_360700_20260230_001.xml", text: "<x/>")
        let (report, store) = try ws.intake(asOf: "2026-03-02")
        #expect(report.count(.rejected) == 1)
        let row = try #require(try ws.allDeliveries(store).first)
        #expect(row.status == .rejected)
        #expect(row.businessDate == nil)
        #expect(row.receivedOn == "2026-03-02")
        let reason = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent("TAX_RCPT_360700_20260230_001.xml.reason.txt"), encoding: .utf8)
        #expect(reason.contains("E001"))
        #expect(reason.contains("业务日期“20260230”不是有效的 YYYYMMDD 日期"))
        #expect(reason.contains(row.sha256))
    }

    @Test func rejectsAnotherCitysFile() throws {
        let ws = try TemporaryWorkspace()
        try ws.deliver("B105_DISB_340700_20260115_001.txt", text: "x")
        let (report, _) = try ws.intake()
        #expect(report.count(.rejected) == 1)
        let reason = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent("B105_DISB_340700_20260115_001.txt.reason.txt"), encoding: .utf8)
        #expect(reason.contains("地区代码 340700 不是本市 360700"))
    }

    @Test func ignoresFilesStillBeingWrittenHiddenFilesAndNonFiles() throws {
        let ws = try TemporaryWorkspace()
        let ignored = ["TAX_RCPT_360700_20260115_001.xml.part", "B105_DISB_360700_20260115_001.txt.tmp", ".DS_Store"]
        for name in ignored { try ws.deliver(name, text: "partial") }
        try FileManager.default.createDirectory(at: ws.workspace.inbox.appendingPathComponent("MZ_HARD_360700_20260131_001.csv"),
                                                withIntermediateDirectories: false)
        let outside = ws.root.appendingPathComponent("outside.txt")
        try "x".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: ws.workspace.inbox.appendingPathComponent("B105_DISB_360700_20260116_001.txt"),
                                                   withDestinationURL: outside)
        let (report, store) = try ws.intake()
        #expect(report.deliveries.isEmpty)
        #expect(report.ignored.count == 5)
        #expect(try ws.allDeliveries(store).isEmpty)
        #expect(ws.files(in: ws.workspace.quarantine).isEmpty)
        #expect(ws.files(in: ws.workspace.inbox).count == 5)
    }

    @Test func rejectsClaimFilesWhereThereIsNoSubsidy() throws {
        let ws = try TemporaryWorkspace(profile: .tongling2022)
        try ws.deliver("B105_CLAIM_340700_20270112_001.txt", text: "H|105|340700|CLAIM|20270112|X|1.0\nT|0|0.00\n")
        let (report, store) = try ws.intake()
        #expect(report.count(.rejected) == 1)
        let row = try #require(try ws.allDeliveries(store).first)
        #expect(row.reason?.contains("不贴息") == true)
        #expect(row.recordCount == 0)
    }
}
