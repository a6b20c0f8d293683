/// The blocks of `SubsidyAccountReport` as plain text (a terminal, a file an auditor keeps) and
/// as an HTML fragment (a `<details>` section of claims.html; no script).
extension SubsidyAccountReport {
    /// Plain text, tables in aligned columns (a CJK character counts two columns).
    package static func text(_ account: SubsidyAccount) -> String {
        var out = title(account) + "\n"
        for block in blocks(account) {
            switch block {
            case .heading(let text): out += "\n" + text + "\n"
            case .text(let text): out += "  " + text + "\n"
            case .table(let columns, let rows, let numeric, _):
                let all = [columns] + rows
                let widths = columns.indices.map { i in all.map { width(i < $0.count ? $0[i] : "") }.max() ?? 0 }
                for row in all {
                    let cells = columns.indices.map { i -> String in
                        let cell = i < row.count ? row[i] : ""
                        let pad = String(repeating: " ", count: widths[i] - width(cell))
                        return numeric.contains(i) ? pad + cell : cell + pad
                    }
                    out += "  " + cells.joined(separator: "  ").trailingSpacesRemoved + "\n"
                }
            }
        }
        return out
    }

    /// An HTML `<details>` element with the anchor `id`, closed; the summary line names the
    /// loanNo and the result.
    package static func html(_ account: SubsidyAccount, id: String) -> String {
        let result = account.line.map { "核定 \(ReportText.money($0.computed)) 元" } ?? "无应贴息金额"
        var out = "<details class=\"account\" id=\"\(HTMLText.escape(id))\"><summary>\(HTMLText.escape(account.loanNo)) · "
        out += "\(HTMLText.escape(result))</summary>\n"
        for block in blocks(account) {
            switch block {
            case .heading(let text): out += "<h4>\(HTMLText.escape(text))</h4>\n"
            case .text(let text): out += "<p>\(HTMLText.escape(text))</p>\n"
            case .table(let columns, let rows, let numeric, let total):
                let width = 100 / max(1, columns.count)
                out += HTMLText.table(columns.map { ($0, width) }, numeric: numeric, rows: rows.map { $0.map(HTMLText.escape) },
                                      className: "summary", lastRowClass: total ? "total" : nil)
            }
        }
        return out + "</details>\n"
    }

    /// Terminal columns of a text: East Asian wide characters count two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}

private extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
