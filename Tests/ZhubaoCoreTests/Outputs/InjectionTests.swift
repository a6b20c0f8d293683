import Foundation
import Testing
@testable import ZhubaoCore

/// Markup and formula injection: a name or note such as `<img src=x onerror=alert(1)>` or
/// `=HYPERLINK("http://x","y")` shows as text in HTML (escaped), CSV (prefixed with `'`) and
/// XLSX (an inline string, which a spreadsheet never evaluates).
@Suite struct InjectionTests {
    static let allowedTags: Set<String> = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "b", "a", "nav",
        "section", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "span", "div", "br", "footer",
        // claims.html's accounts of each line (issue 16): closed sections, no script.
        "details", "summary", "h4",
    ]

    /// Every tag name opened in the document.
    static func tags(_ html: String) -> Set<String> {
        var tags: Set<String> = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "!" }
            if !name.isEmpty { tags.insert(String(name)) }
        }
        return tags
    }

    @Test func htmlShowsMarkupAndFormulasAsText() throws {
        let html = ExceptionsHTML.render(try ReportFixtures.report())
        #expect(Self.tags(html).isSubset(of: Self.allowedTags), "\(Self.tags(html).subtracting(Self.allowedTags))")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("default-src 'none'"))

        let claims = ClaimsHTML.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!,
                                       banks: [try ReportFixtures.claimBank()])
        #expect(Self.tags(claims).isSubset(of: Self.allowedTags))
        #expect(claims.contains(HTMLText.escape(Masking.name(ReportFixtures.markupName))))  // "&lt;***…&gt;"
    }

    @Test func csvPrefixesEveryFormulaLikeText() throws {
        let report = try ReportFixtures.report()
        let records = try CSVTests.parse(ExceptionsCSV.render(report))
        let amount = ExceptionTable.columns.firstIndex { $0.title == "金额（元）" }!
        var seen: Set<String> = []
        for record in records.dropFirst() {
            for (i, field) in record.enumerated() {
                guard let first = field.first, "=+-@\t\r".contains(first) else { continue }
                // Only amounts (numbers such as -150.00) may start with a sign.
                #expect(i == amount && Fen(yuan: field) != nil, "unguarded field \(field)")
            }
            seen.formUnion(record)
        }
        #expect(seen.contains("'" + ReportFixtures.formulaName))
        #expect(seen.contains("'-2+3+cmd|' /C calc'!A0_DISB.txt"))
        #expect(seen.contains("'=1+1 已电话通知银行核对余额"))
        #expect(seen.contains("-150.00"))
        #expect(seen.contains(ReportFixtures.markupName))
        let text = String(decoding: ExceptionsCSV.render(report), as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
        #expect(CSVText.guarded("\tx") == "'\tx" && CSVText.guarded("\rx") == "'\rx" && CSVText.guarded("@x") == "'@x")
        #expect(CSVText.guarded("+x") == "'+x" && CSVText.guarded("刘*国") == "刘*国")
    }

    @Test func xlsxWritesEveryTextAsAnInlineString() throws {
        let exceptions = try ExceptionsXLSX.render(try ReportFixtures.report())
        let claim = try ClaimXLSX.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!,
                                         bank: try ReportFixtures.claimBank())
        var parts = try (1...9).map { try ReportFixtures.part(exceptions, "xl/worksheets/sheet\($0).xml") }
        parts += try (1...3).map { try ReportFixtures.part(claim, "xl/worksheets/sheet\($0).xml") }
        for part in parts {
            #expect(!part.contains("<f>") && !part.contains("<f "), "a formula element")
            #expect(!part.contains("t=\"s\"") && !part.contains("t=\"str\""), "a shared or formula string")
            // Every cell is either a number (<v>) or an inline string.
            let cells = part.components(separatedBy: "<c r=").dropFirst()
            for cell in cells where cell.contains("<is>") { #expect(cell.contains("t=\"inlineStr\"")) }
        }
        let all = parts.joined()
        #expect(all.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>"))
        #expect(all.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">&lt;img src=x onerror=alert(1)&gt;</t>"))
        #expect(all.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">-2+3+cmd|' /C calc'!A0_DISB.txt</t>"))
        #expect(all.contains("<v>-150.00</v>"))
    }
}
