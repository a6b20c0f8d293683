import Foundation
import Testing
@testable import ZhubaoCore

/// Issue 16 "Reports for the people who act on them": legends, the city's and the scheme's names,
/// a font for CJK Extension B, amounts labelled by meaning, dates as dates, a footer that sends no
/// clerk to the specification or the unmasked files.
@Suite struct ReadableReportTests {
    static let extB = "\u{20BB7}"  // 𠮷, CJK Extension B

    /// The fixtures' report with the city's name from the shipped reference data (no routes:
    /// the BANK exceptions go to the sheet 银行 未定).
    static func report() throws -> ExceptionReport {
        let settings = try Settings.defaults(profile: .ganzhou2021)
        return ExceptionReport(summary: try ReportFixtures.summary(), bankNames: settings.reference.bankNames,
                               cityName: settings.reference.cities["360700"]?.name)
    }

    /// The claim bank of the fixtures with a borrower named 赖小𠮷 (masked 赖*𠮷).
    static func claimBank() throws -> ClaimsHTML.Bank {
        var bank = try ReportFixtures.claimBank()
        bank.lines[bank.lines.count - 1].name = "赖小" + extB
        return bank
    }

    static func claimsHTML() throws -> String {
        ClaimsHTML.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!, banks: [try claimBank()], cityName: "赣州市")
    }

    @Test func theShippedReferenceDataNamesBothCities() throws {
        #expect(try Settings.defaults(profile: .ganzhou2021).reference.cities["360700"]?.name == "赣州市")
        #expect(try Settings.defaults(profile: .tongling2022).reference.cities["340700"]?.name == "铜陵市")
        #expect(ReportLegend.schemeName(profile: "tongling-2022", city: "铜陵市") == "铜陵市城乡居民基本养老保险助保贷款")
        #expect(ReportLegend.cityName("110000", nil) == "行政区划 110000")
    }

    @Test func headingsAreInPlainChinese() throws {
        let html = ExceptionsHTML.render(try Self.report())
        #expect(html.contains("<p class=\"meta\">赣州市 · 赣州市城镇职工基本养老保险助保贷款 · 对账日期 2026-04-30"))
        #expect(html.contains("<h2>报送方 · 未解决 1 项</h2>"))
        #expect(html.contains("<h2>合作银行 · 未解决"))
        for english in ["区划 360700", "方案 ganzhou-2021", "（sender）", "（BANK）", "（SI）"] {
            #expect(!html.contains(english), "\(english)")
        }
        let claims = try Self.claimsHTML()
        #expect(claims.contains("<h1>2026 年度助保贷款贴息申请核定 赣州市</h1>"))
        #expect(!claims.contains("区划 360700"))
    }

    @Test func legendsExplainCodesAndCategories() throws {
        let html = ExceptionsHTML.render(try Self.report())
        let legend = try #require(html.components(separatedBy: "<section id=\"legend\">").last)
        #expect(legend.contains("<td>E301</td><td>错误</td><td>合作银行</td><td>放款后窗口期内无对应缴费到账：资金未用于缴费</td><td>放款金额</td>"))
        #expect(legend.contains("<td>E407</td>") && legend.contains("余额差（银行 − 应有，带符号）"))
        #expect(legend.contains("<td>E001</td>") && !legend.contains("<td>E201</td>"))  // the codes shown, no other
        let claims = try Self.claimsHTML()
        #expect(claims.contains("DB 最低生活保障对象（民政）"))
        #expect(claims.contains("TP 脱贫户（乡村振兴）"))
        #expect(claims.contains("XG 下岗失业人员（就业）"))
        #expect(claims.contains("E501 "))
        #expect(ClaimsHTML.categories(["DB", "TP", "QQ"]) == "<span class=\"abbr\" title=\"最低生活保障对象\">DB</span> <span class=\"abbr\" title=\"脱贫户\">TP</span> QQ")
        // Before the tables that use the codes.
        let legendAt = try #require(claims.range(of: "<section id=\"legend\">")).lowerBound
        #expect(legendAt < (try #require(claims.range(of: "<section id=\"bank-105\">")).lowerBound))
    }

    @Test func amountsAreSummedOnlyWithLikeAmounts() throws {
        let report = try Self.report()
        let rows = Dictionary(uniqueKeysWithValues: report.total.amountRows.map { ($0.meaning, $0.amount) })
        // Open exceptions of the fixtures: E301 8904.00, E303 3710.00, E406 12.37, E407 −150.00,
        // E401 118.50, E503 3.10, E505 96.20 — each its own meaning; E402 is resolved.
        #expect(rows["放款金额"]?.sum == Fen(yuan: "8904.00"))
        #expect(rows["缴费金额"]?.sum == Fen(yuan: "3710.00"))
        #expect(rows["余额差（银行 − 应有，带符号）"]?.sum == Fen(yuan: "-150.00"))
        #expect(rows["扣款后低于低保标准的差额"]?.codes == [.e401])
        #expect(rows["扣款失败的应扣金额"] == nil)  // E402 is resolved
        #expect(rows.count == 7)
        let html = ExceptionsHTML.render(report)
        #expect(!html.contains("涉及金额合计") && !html.contains("金额合计"))
        #expect(html.contains("<tr><td>放款金额</td><td>E301</td><td class=\"num\">1</td><td class=\"num\">8,904.00</td></tr>"))
    }

    @Test func theFooterSendsClerksToTheShortIDNotTheSpecification() throws {
        let html = ExceptionsHTML.render(try Self.report())
        let footer = try #require(html.components(separatedBy: "<footer>").last)
        #expect(footer.contains("zhubao exceptions ack &lt;短编号&gt;"))
        for place in ["rules.md", "exceptions.jsonl", "§7"] { #expect(!html.contains(place), "\(place)") }
        let claims = try Self.claimsHTML()
        #expect(!claims.contains("完整数据见") && !claims.contains("rules.md"))
        let summary = try ReportFixtures.part(try ExceptionsXLSX.render(try Self.report()), "xl/worksheets/sheet1.xml")
        #expect(summary.contains("zhubao exceptions ack &lt;短编号&gt;") && !summary.contains("jsonl"))
    }

    @Test func workbookDatesAreDateCells() throws {
        let data = try ExceptionsXLSX.render(try Self.report())
        let styles = try ReportFixtures.part(data, "xl/styles.xml")
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"))
        // 2026-04-30 is serial 46142 (Excel: =DATE(2026,4,30) → 46142); 首次发现 is the 5th column of an owner sheet.
        #expect(XLSXWorkbook.serial(Day(iso: "2026-04-30")!) == 46142)
        #expect(XLSXWorkbook.serial(Day(iso: "1900-03-01")!) == 61)
        let bank = try ReportFixtures.part(data, "xl/worksheets/sheet4.xml")
        #expect(bank.contains("<c r=\"E2\" s=\"8\"><v>4614"))
        #expect(!bank.contains("<t xml:space=\"preserve\">2026-04-2"))  // no date as text
        let csv = String(decoding: ExceptionsCSV.render(try Self.report()), as: UTF8.self)
        #expect(csv.contains(",2026-04-29,"))  // the CSV keeps ISO dates
    }

    @Test(.enabled(if: ExternalCheckTests.hasOpenpyxl, "python3 with openpyxl is missing: run bash scripts/setup.sh --tests"))
    func openpyxlReadsTheDatesAsDates() throws {
        let exceptions = try ExceptionsXLSX.render(try Self.report())
        _ = try ExternalCheckTests.checkXLSX(exceptions, spec: [
            "sheets": ["汇总", "报送方", "社保经办机构", "合作银行", "银行 未定", "税务", "财政"],
            "checks": [
                ["sheet": "合作银行", "header": ExceptionTable.columns.dropFirst().map(\.title), "date_headers": ["首次发现", "确认日期"]],
                ["sheet": "汇总", "date_cells": ["B3": "2026-04-30", "D3": "2026-04-29"]],
            ],
        ])
        let claim = try ClaimXLSX.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!, bank: try Self.claimBank(),
                                         cityName: "赣州市")
        _ = try ExternalCheckTests.checkXLSX(claim, spec: [
            "sheets": ["汇总", "明细", "调整"],
            "checks": [
                ["sheet": "明细", "date_headers": ["贴息起日", "贴息止日"]],
                ["sheet": "汇总", "date_cells": ["B8": "2027-01-20"], "texts": ["赣州市", "DB", "最低生活保障对象（民政）"]],
            ],
        ])
    }

    /// The fonts the pages name cover every character on them, 𠮷 included: fontconfig's own
    /// coverage, font by font in the order of the stack (`scripts/check_fonts.py`). Fails, never
    /// skips, when no font of the stack has a character (`scripts/setup.sh --tests` installs
    /// fonts-hanazono).
    @Test func theFontStackCoversEveryCharacterOfThePages() throws {
        let python = try #require(ExternalCheckTests.python, "python3 is needed")
        #expect(ExternalCheckTests.which("fc-list") != nil, "fontconfig (fc-list) is missing: run bash scripts/setup.sh --tests")
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var summary = try ReportFixtures.summary()
        // A reader's reason quotes the masked line of a hardship file (as the readers do) with
        // a name in Extension B.
        let rejected = try #require(summary.exceptions.firstIndex { $0.finding.code == .e001 })
        summary.exceptions[rejected].finding.detail = "第 3 行的人员类别无效：360702********0031,赖*\(Self.extB),低保,360702"
        let pages = [("exceptions.html", ExceptionsHTML.render(ExceptionReport(summary: summary, cityName: "赣州市"))),
                     ("claims.html", try Self.claimsHTML())]
        for (name, html) in pages {
            #expect(html.contains("赖*" + Self.extB))
            #expect(html.contains("\"HanaMinB\""))
            let file = folder.appendingPathComponent(name)
            try html.write(to: file, atomically: true, encoding: .utf8)
            let script = ReportFixtures.root.appendingPathComponent("scripts/check_fonts.py").path
            let result = try ExternalCheckTests.run(python, [script, file.path, Self.extB], timeout: 60)
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.contains("\"missing\": []"), "\(name): \(result.output)")
        }
    }

    /// Headless Chromium draws the masked name `赖*𠮷` with the reports' stylesheet, and the same
    /// page with a code point no font has (U+10FFFD, drawn as the missing-glyph box): the two
    /// screenshots must differ, while two such boxes (U+10FFFD, U+10FFFC) draw alike — so a
    /// difference means 𠮷 was drawn from a font, not as a box.
    @Test(.enabled(if: ExternalCheckTests.chromium != nil && ExternalCheckTests.python != nil,
                   "chromium is not installed: run bash scripts/setup.sh --tests"))
    func chromiumDrawsTheExtensionBNameWithAGlyph() throws {
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func screenshot(_ last: String, _ name: String) throws -> String {
            let masked = Masking.name("赖小" + last)
            let html = HTMLText.page(title: "字形", body: "<h1 style=\"font-size:64px\">\(HTMLText.escape(masked))</h1>")
            let page = folder.appendingPathComponent("\(name).html"), png = folder.appendingPathComponent("\(name).png")
            try html.write(to: page, atomically: true, encoding: .utf8)
            let result = try ExternalCheckTests.run(ExternalCheckTests.chromium!, [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--screenshot=\(png.path)",
                "--window-size=500,200", page.absoluteString,
            ])
            #expect(FileManager.default.fileExists(atPath: png.path), "chromium said: \(result.output.suffix(600))")
            return png.path
        }
        func differing(_ a: String, _ b: String) throws -> String {
            let script = ReportFixtures.root.appendingPathComponent("scripts/check_png.py").path
            return try ExternalCheckTests.run(ExternalCheckTests.python!, [script, "--compare", a, b]).output
        }
        let name = try screenshot(Self.extB, "name"), box = try screenshot("\u{10FFFD}", "box"),
            otherBox = try screenshot("\u{10FFFC}", "other-box")
        #expect(try differing(box, otherBox).contains("\"differing_pixels\": 0}"))
        let result = try differing(name, box)
        #expect(!result.contains("\"differing_pixels\": 0}") && !result.contains("-1"), "𠮷 is drawn as a box: \(result)")
    }
}

@Suite struct ReasonWordingTests {
    @Test func aFieldNameGoesAfterTheChineseSentence() {
        #expect(ReportText.fieldAfter("B104_DISB_360700_20260619_001.txt:2: amount: 金额“22886.400”应为恰好两位小数的元")
            == "B104_DISB_360700_20260619_001.txt:2: 金额“22886.400”应为恰好两位小数的元（字段 amount）")
        #expect(ReportText.fieldAfter("a.txt:2: loan_no: 借据号为空\nb.txt:3: 行太长") == "a.txt:2: 借据号为空（字段 loan_no）\nb.txt:3: 行太长")
        // Left alone: no field, an XPath location, a message that starts in English.
        for text in ["TAX_RCPT_360700_20260126_001.xml.gz:/ContributionReceipts/Receipts/Receipt[1]/Amount: 不符合 XML 架构",
                     "a.txt:2: amount: value too long", "放款 8904.00 元: 无缴费"] {
            #expect(ReportText.fieldAfter(text) == text)
        }
    }
}
