import Foundation

/// `exceptions.csv` (outputs.md): UTF-8 with a byte-order mark, so that spreadsheet programs on
/// Chinese systems read it as UTF-8; RFC 4180 (CRLF line ends, fields with a comma, quote, CR or
/// LF quoted, quotes doubled). The rows of exceptions.xlsx's owner sheets, owner by owner (open,
/// then acknowledged), then those resolved by this run; masked like every human-readable output.
package enum ExceptionsCSV {
    package static func render(_ report: ExceptionReport) -> Data {
        var text = CSVText.record(ExceptionTable.columns.map(\.title))
        for row in report.allRows {
            text += CSVText.record(ExceptionTable.values(row).map { value in
                switch value {
                case .text(let s): return CSVText.guarded(s)
                case .amount(let fen): return fen?.yuan ?? ""
                case .date(let day): return day?.iso ?? ""
                }
            })
        }
        return CSVText.bom + Data(text.utf8)
    }
}

/// RFC 4180 writing with formula-injection protection.
package enum CSVText {
    package static let bom = Data([0xEF, 0xBB, 0xBF])

    /// Characters that make a spreadsheet read a cell as a formula (outputs.md; OWASP "CSV
    /// injection"): such a text gets a leading `'`, so that it is shown, not evaluated.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// Text that a spreadsheet shows as text. Amounts are not passed through here: they are
    /// written as numbers (`-12.50` is a number, not a formula).
    package static func guarded(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// One field, quoted when it holds a comma, a quote, CR or LF.
    package static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// One record with its CRLF.
    package static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
