import Testing
@testable import ZhubaoCore

/// The reports route like the outbox: the BANK part of exceptions.html has a bank column and a
/// sub-section per bank, named from the reference data.
@Suite struct ReportBankTests {
    @Test func theBankSectionIsSplitByBank() throws {
        let report = try ReportFixtures.report()
        #expect(report.banks.map(\.bank) == ["105 建设银行", "313 城市商业银行（赣州银行）", ""])
        #expect(report.banks[1].rows.map(\.code).sorted() == [.e406, .e503])
        #expect(report.banks[2].rows.map(\.code) == [.e401])
        let bankRows = report.sections.first { $0.owner == .bank }!.rows
        #expect(report.banks.map(\.rows.count).reduce(0, +) == bankRows.count)
        let html = ExceptionsHTML.render(report)
        let bank = try #require(html.range(of: "<section id=\"owner-BANK\">"))
        let end = try #require(html.range(of: "</section>", range: bank.upperBound..<html.endIndex))
        let part = String(html[bank.upperBound..<end.lowerBound])
        #expect(part.contains("<h3 id=\"bank-105\">105 建设银行（未解决 \(report.banks[0].rows.count) 项）</h3>"))
        #expect(part.contains("<h3 id=\"bank-313\">313 城市商业银行（赣州银行）（未解决 2 项）</h3>"))
        #expect(part.contains("<h3 id=\"bank-\">未能确定放款银行（未解决 1 项）</h3>"))
        #expect(part.contains("<th>银行</th>") || part.contains(">银行</th>"))
        // E406's row sits under 313's heading and carries the bank's name in its column.
        let at313 = try #require(part.range(of: "bank-313"))
        let atNone = try #require(part.range(of: "bank-\""))
        let e406 = try #require(part.range(of: "E406"))
        #expect(at313.upperBound < e406.lowerBound && e406.upperBound < atNone.lowerBound)
    }
}

@Suite struct BankSheetNameTests {
    @Test func sheetNamesAreValidForExcel() {
        #expect(ExceptionsXLSX.bankSheetName("105 建设银行") == "银行 105 建设银行")
        #expect(ExceptionsXLSX.bankSheetName("") == "银行 未定")
        #expect(ExceptionsXLSX.bankSheetName("999 A/B:C[1]*?\\") == "银行 999 A_B_C_1____")
        #expect(ExceptionsXLSX.bankSheetName("999 " + String(repeating: "银", count: 40)).count == 31)
    }
}
