import Foundation
import Logging
import Testing
import ZIPFoundation
@testable import ZhubaoCore

/// The human-readable files: fixed ZIP entry dates, written again byte for byte, and the daily
/// and claim jobs write them beside the machine-readable ones. That the same input gives the
/// same bytes across workspaces and clocks is `DailyJobDeterminismTests`.
@Suite struct OutputsDeterminismTests {
    @Test func zipEntriesCarryAFixedDateAndMode() throws {
        let data = try ExceptionsXLSX.render(try ReportFixtures.report())
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                        "xl/styles.xml"] + (1...9).map { "xl/worksheets/sheet\($0).xml" })
        for entry in entries {
            let date = try #require(entry.fileAttributes[.modificationDate] as? Date)
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            #expect([c.year, c.month, c.day, c.hour, c.minute] == [1980, 1, 1, 0, 0], "\(entry.path)")
            #expect((entry.fileAttributes[.posixPermissions] as? Int16).map { $0 & 0o777 } == 0o644)
        }
    }

    @Test func theDailyReportWritesTheThreeFilesAgainByteForByte() throws {
        let temp = try TemporaryWorkspace()
        let store = try Store.create(path: temp.workspace.storePath)
        let daily = DailyReport(workspace: temp.workspace, store: store, settings: temp.settings, logger: Logger(label: "test"))
        let asOf = Day(iso: "2026-04-30")!
        let names = ["exceptions.html", "exceptions.xlsx", "exceptions.csv"]
        let folder = try daily.produce(asOf: asOf).folder
        let first = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.posixPermissions]
            #expect((mode as? Int) == 0o640, "\(name)")
        }
        _ = try daily.produce(asOf: asOf)
        #expect(try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) } == first)
        #expect(String(decoding: first[0], as: UTF8.self).contains("未解决异常 <b>0</b> 项"))
    }

    /// A workspace whose store holds the spec's samples (bank 105's CLAIM file among them).
    func claimWorkspace() throws -> TemporaryWorkspace {
        let temp = try TemporaryWorkspace()
        for name in SampleFiles.names where name.contains("_360700_") { try temp.deliver(name, try SampleFiles.bytes(name)) }
        _ = try temp.intake(asOf: "2026-01-14")
        return temp
    }

    @Test func theClaimJobWritesClaimsHTML() throws {
        let temp = try claimWorkspace()
        _ = try ClaimJob(workspace: temp.workspace, logger: Logger(label: "test")).run(year: 2026, bank: nil, asOf: Day(iso: "2027-01-20")!)
        let html = temp.workspace.claims(year: 2026).appendingPathComponent("claims.html")
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(text.contains("2026 年度助保贷款贴息申请核定"))
        let mode = try FileManager.default.attributesOfItem(atPath: html.path)[.posixPermissions]
        #expect((mode as? Int) == 0o640)
    }

    /// A claim run for one bank writes that bank's page and leaves the all-banks page alone.
    @Test func aClaimForOneBankKeepsTheAllBanksPage() throws {
        let temp = try claimWorkspace()
        let job = ClaimJob(workspace: temp.workspace, logger: Logger(label: "test"))
        let folder = temp.workspace.claims(year: 2026)
        _ = try job.run(year: 2026, bank: nil, asOf: Day(iso: "2027-01-20")!)
        let all = try Data(contentsOf: folder.appendingPathComponent("claims.html"))
        _ = try job.run(year: 2026, bank: "105", asOf: Day(iso: "2027-01-21")!)
        #expect(try Data(contentsOf: folder.appendingPathComponent("claims.html")) == all)
        let one = try String(contentsOf: folder.appendingPathComponent("claims_105.html"), encoding: .utf8)
        #expect(one.contains("2027-01-21") && one.contains("105"))
    }
}
