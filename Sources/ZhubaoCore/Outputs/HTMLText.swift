import Foundation

/// Building blocks of the self-contained HTML reports (outputs.md "Human-readable outputs"): one
/// file, inline CSS, no script, no network; prints on A4 landscape with the table header repeated
/// on every page; light enough for tables of a few thousand rows (fixed table layout, no images).
package enum HTMLText {
    /// Text for element content and attribute values: every character that could start markup is
    /// escaped, control characters other than tab and line feed are dropped.
    package static func escape(_ text: String) -> String {
        XMLText.escapeMarkup(text) { scalar in
            switch scalar {
            case "'": return "&#39;"
            case "\r": return ""
            case _ where (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value):
                return ""
            default: return nil
            }
        }
    }

    /// Escaped text whose line breaks show as `<br>`.
    package static func lines(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: "<br>")
    }

    /// An amount for reading, or an empty cell.
    package static func money(_ fen: Fen?) -> String {
        fen.map(ReportText.money) ?? ""
    }

    /// The whole page: doctype, UTF-8, the stylesheet, the body.
    package static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A table: fixed column widths (percent), a header repeated on every printed page, rows.
    /// `cells` are already HTML; `numeric` columns are right-aligned.
    package static func table(_ columns: [(title: String, width: Int)], numeric: Set<Int> = [], rows: [[String]],
                             className: String = "list", lastRowClass: String? = nil) -> String {
        var out = "<table class=\"\(className)\">\n<colgroup>"
        for column in columns { out += "<col style=\"width:\(column.width)%\">" }
        out += "</colgroup>\n<thead><tr>"
        for (i, column) in columns.enumerated() {
            out += numeric.contains(i) ? "<th class=\"num\">" : "<th>"
            out += escape(column.title) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            out += r == rows.count - 1 && lastRowClass != nil ? "<tr class=\"\(lastRowClass!)\">" : "<tr>"
            for (i, cell) in row.enumerated() {
                out += numeric.contains(i) ? "<td class=\"num\">" : "<td>"
                out += cell + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The fonts of every page, in order. The browser takes each character from the first font that
    /// has it, so the list ends with fonts of CJK Extension B (rare characters of names, `𠮷`):
    /// HanaMinB (Debian `fonts-hanazono`, installed by `scripts/setup.sh --tests`) and SimSun-ExtB
    /// (Windows). `scripts/check_fonts.py` checks that the installed ones cover a page.
    package static let fonts = [
        "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimSun",
        "HanaMinA", "HanaMinB", "SimSun-ExtB",
    ]

    static let fontStack = fonts.map { "\"\($0)\"" }.joined(separator: ", ") + ", sans-serif"

    /// The shared stylesheet.
    static let style = """
    @page { size: A4 landscape; margin: 10mm 8mm 12mm 8mm; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 16px 20px; color: #1c1f23; background: #fff; font-size: 13px; line-height: 1.45;
      font-family: \(fontStack); }
    h1 { font-size: 21px; margin: 0 0 2px; }
    h2 { font-size: 16px; margin: 22px 0 6px; padding: 5px 10px; background: #e9eef4; border-left: 5px solid #33587d;
      break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 14px; margin: 14px 0 4px; break-after: avoid; page-break-after: avoid; }
    p { margin: 4px 0; }
    .meta { color: #4d5661; margin-bottom: 8px; }
    .lead { font-size: 14px; }
    .warn { border: 1px solid #e0b252; background: #fff7e3; padding: 6px 10px; margin: 8px 0; }
    nav { margin: 8px 0 4px; }
    nav a { color: #33587d; margin-right: 14px; text-decoration: none; }
    table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4px 0 10px; }
    th, td { border: 1px solid #c9d0d8; padding: 3px 6px; vertical-align: top; text-align: left;
      overflow-wrap: anywhere; word-break: normal; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead th { background: #dde5ee; font-weight: 600; }
    tbody tr:nth-child(even) { background: #f5f7f9; }
    table.summary { width: auto; min-width: 70%; }
    table.summary tbody tr.total { font-weight: 600; background: #eef1f4; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .sev-ERROR { color: #b3261e; font-weight: 600; }
    .sev-WARN { color: #9a5b00; font-weight: 600; }
    .sev-INFO { color: #2f5d8a; }
    .tag { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11px; color: #fff; background: #6b7580; }
    .tag.NEW { background: #b3261e; }
    .tag.ACKNOWLEDGED { background: #3d7a4a; }
    .tag.RESOLVED { background: #3d7a4a; }
    .muted { color: #69727d; }
    .nowrap { white-space: nowrap; }
    .abbr { text-decoration: underline dotted #8a96a3; cursor: help; }
    .what b { font-weight: 600; }
    .src { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11px; color: #4d5661; }
    footer { margin-top: 18px; color: #69727d; font-size: 11px; }
    @media screen {
      thead th { position: sticky; top: 0; z-index: 1; box-shadow: 0 1px 0 #c9d0d8; }
    }
    @media print {
      body { margin: 0; font-size: 9.5px; }
      h2 { font-size: 13px; }
      nav { display: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
