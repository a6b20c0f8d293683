import Foundation
import Logging
import Testing
import ZIPFoundation
@testable import ZhubaoCore

/// The hostile reading corpus through the whole daily job: every hostile file is rejected,
/// and no human-readable output (exceptions.html, .csv, .xlsx) nor any reason file shows an
/// ID number, a name or an account of the inputs in full (outputs.md, "masking of quoted input").
@Suite struct HostileReadingReportTests {
    @Test func reportsAndReasonFilesShowNoPersonalDataInFull() throws {
        let ws = try TemporaryWorkspace()
        let folder = HostileReadingTests.folder
        let good = try FileManager.default.contentsOfDirectory(atPath: HostileReadingTests.good.path)
        for name in good {
            try ws.deliver(name, Array(try Data(contentsOf: HostileReadingTests.good.appendingPathComponent(name))))
        }
        // All but the gigabyte of blank lines, which the default cap lets through (slowly in a debug build).
        let hostile = HostileReadingTests.cases.map(\.0).filter { !$0.hasPrefix("MZ_HARD_360700_20260131_902") }
        for name in hostile {
            try ws.deliver(name, Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        let asOf = Day(iso: "2027-01-31")!  // after every file's business date: each E001 is open
        let result = try DailyJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: asOf)
        let exceptions = try #require(result.daily).outcome.exceptions
        let rejected = Set(exceptions.filter { $0.finding.code == .e001 }.compactMap(\.finding.subject.file))
        #expect(rejected == Set(hostile))

        let daily = ws.workspace.daily(asOf)
        let html = try String(contentsOf: daily.appendingPathComponent("exceptions.html"), encoding: .utf8)
        let csv = try String(contentsOf: daily.appendingPathComponent("exceptions.csv"), encoding: .utf8)
        let xlsx = try Data(contentsOf: daily.appendingPathComponent("exceptions.xlsx"))
        let sheets = try Archive(data: xlsx, accessMode: .read).filter { $0.path.hasPrefix("xl/worksheets/") }
            .map { try ReportFixtures.part(xlsx, $0.path) }.joined()
        let reasons = try FileManager.default.contentsOfDirectory(atPath: ws.workspace.quarantine.path)
            .filter { $0.hasSuffix(".reason.txt") }
            .map { try String(contentsOf: ws.workspace.quarantine.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        // The reasons are there, masked: the header-less list's first line, the name as a category.
        for text in [html, csv, sheets, reasons] {
            #expect(text.contains("360702********0030,刘*国,最低生活保障对象"))
            #expect(text.contains("类别“赖*生”不是 MZ 的类别"))
        }
        for (label, text) in [("html", html), ("csv", csv), ("xlsx", sheets), ("reason files", reasons)] {
            #expect(!text.isEmpty)
            for value in HostileReadingTests.personal {
                #expect(!text.contains(value), "\(label) shows \(value) in full")
            }
        }
    }
}
