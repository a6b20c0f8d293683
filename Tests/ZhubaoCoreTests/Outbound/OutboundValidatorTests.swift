import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// `zhubao validate` reads the files zhubao sends, so that a partner can check what it received.
@Suite struct OutboundValidatorTests {
    static func write(_ name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-outval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(try GB18030Encoder.encode(text)).write(to: url)
        return url
    }

    static func validate(_ url: URL) throws -> Validator.Report {
        try Validator(context: ImportContext(settings: try Settings.defaults(profile: .ganzhou2021))).validate(url)
    }

    @Test func filesZhubaoWritesPass() throws {
        let finding = Finding(code: .e301, subject: .init(idNumber: LedgerBuilder.borrower, contractNo: "C1", loanNo: "L1"),
                              amount: fen("8904.00"), source: "B105_DISB_360700_20260115_001.txt:2", detail: "放款|未到账\n请核对")
        let item = ExceptionLifecycle.Reported(finding: finding, status: .new, firstSeen: d("2026-01-31"), acknowledgement: nil)
        let feedback = OutboundFile(recipient: "B105", kind: .feedback, region: "360700", date: d("2026-01-31"), seq: 1,
                                    lines: [OutboundPlan.feedbackLine(item)])
        let url = try Self.write(feedback.name, feedback.text)
        let report = try Self.validate(url)
        #expect(!report.rejected, "\(report.diagnostics)")
        #expect(report.recordCount == 1)
        let text = try IconvDecoder.decode(Array(try Data(contentsOf: url)))
        #expect(text.contains("|E301|ERROR|NEW|20260131|360702196703150030|C1|L1||||||8904.00|B105_DISB_360700_20260115_001.txt:2|"))
        #expect(text.contains("放款｜未到账 请核对"))
        let list = try EligibilityList(ledger: try EligibilityListTests.builder(asOf: "2027-02-01").ledger).lines(year: 2027)
        let elig = OutboundFile(recipient: "B105", kind: .eligibility, region: "360700", date: d("2027-02-01"), seq: 1,
                                lines: list["B105"]!.map(\.outboundLine))
        #expect(!(try Self.validate(try Self.write(elig.name, elig.text))).rejected)
        let empty = OutboundFile(recipient: "B313", kind: .eligibility, region: "360700", date: d("2027-02-01"), seq: 2, lines: [])
        #expect(empty.text == "H|B313|360700|ELIG|20270201|SI36070020270201ELIG002|1.0\r\nT|0|0.00\r\n")
        #expect(!(try Self.validate(try Self.write(empty.name, empty.text))).rejected)
    }

    @Test func everyProblemIsListedWithItsLine() throws {
        let text = "H|B105|360700|FDBK|20260131|SI36070020260131FDBK001|1.0\r\n"
            + "D|zz|E999|ERROR|OPEN|2026013|||||||||1,00||\r\n"
            + "D|0123456789|E301|WARN|NEW|20260131||C1|L1||||x|2026-01|5.00|s|m\r\n"
            + "D|too|few\r\n"
            + "T|2|9.00\r\n"
        let report = try Self.validate(try Self.write("SI_FDBK_360700_20260131_001.txt", text))
        #expect(report.rejected)
        let found = report.diagnostics.map { "\($0.location.line ?? 0) \($0.location.field ?? "-")" }
        #expect(found == ["2 id", "2 code", "2 status", "2 firstSeen", "2 amount", "2 source", "2 message",
                          "3 severity", "3 year", "3 month", "3 -", "4 -", "5 -", "5 -"])
    }
}
