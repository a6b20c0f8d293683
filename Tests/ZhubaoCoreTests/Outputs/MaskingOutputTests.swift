import Foundation
import Testing
@testable import ZhubaoCore

/// outputs.md "Human-readable outputs": ID numbers show the first 6 and last 4 characters,
/// account numbers the last 4, names the family name and the last character — in every
/// human-readable file; the machine-readable ones keep the full values.
@Suite struct MaskingOutputTests {
    @Test func idNumbersKeepTheFirstSixAndLastFour() {
        #expect(Masking.idNumber("360702196703150031") == "360702********0031")
        #expect(Masking.idNumber("36070219670315003X") == "360702********003X")
        #expect(Masking.idNumber("") == "")
    }

    @Test func accountsKeepTheLastFour() {
        #expect(Masking.account("6217002030001234567") == "***************4567")
        #expect(Masking.account("36070001199000000001") == "****************0001")
        #expect(Masking.account("1234") == "****")
    }

    @Test(arguments: [("刘", "*"), ("刘建", "刘*"), ("刘建国", "刘*国"), ("欧阳建国", "欧**国")])
    func namesKeepTheFamilyNameAndTheLastCharacter(name: String, masked: String) {
        #expect(Masking.name(name) == masked)
    }

    @Test func freeTextLosesValidIDNumbersOnly() {
        let id = ReportFixtures.person
        let text = "身份证号 \(id)；税票 336076260100000123；合同 GZ105-2026-000017；金额 3125304.00"
        let scrubbed = ReportText.scrub(text, id: nil)
        #expect(scrubbed == "身份证号 \(Masking.idNumber(id))；税票 336076260100000123；合同 GZ105-2026-000017；金额 3125304.00")
        #expect(ReportText.scrub("E003 \(id)x", id: id + "x") == "E003 \(Masking.idNumber(id + "x"))")
    }

    @Test func exceptionReportsShowMaskedIDsOnly() throws {
        let report = try ReportFixtures.report()
        let html = ExceptionsHTML.render(report)
        let csv = String(decoding: ExceptionsCSV.render(report), as: UTF8.self)
        let xlsx = try ExceptionsXLSX.render(report)
        let sheets = try (1...9).map { try ReportFixtures.part(xlsx, "xl/worksheets/sheet\($0).xml") }.joined()
        for (name, text) in [("html", html), ("csv", csv), ("xlsx", sheets)] {
            for id in [ReportFixtures.person, ReportFixtures.other] {
                #expect(!text.contains(id), "\(name) carries a full ID number")
                #expect(text.contains(Masking.idNumber(id)), "\(name) lacks the masked ID")
            }
        }
        // The machine-readable file keeps the full value.
        #expect(ExceptionsJSONL.render(.init(asOf: report.asOf, previousRun: nil, exceptions: try ReportFixtures.summary().exceptions))
            .contains(ReportFixtures.person))
    }

    @Test func claimReportsShowMaskedIDsAndNames() throws {
        let bank = try ReportFixtures.claimBank()
        #expect(bank.lines.map(\.loanNo) == ["L1", "L2", "L3"])
        let html = ClaimsHTML.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!, banks: [bank])
        let xlsx = try ClaimXLSX.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!, bank: bank)
        let sheets = try (1...3).map { try ReportFixtures.part(xlsx, "xl/worksheets/sheet\($0).xml") }.joined()
        for (name, text) in [("html", html), ("xlsx", sheets)] {
            #expect(!text.contains(LedgerBuilder.borrower), "\(name) carries a full ID number")
            #expect(text.contains("360702********0030"), "\(name) lacks the masked ID")
            #expect(!text.contains("欧阳建国") && text.contains("欧**国"), "\(name): name not masked")
            #expect(!text.contains("http://x"), "\(name): a name shown unmasked")
        }
    }
}
