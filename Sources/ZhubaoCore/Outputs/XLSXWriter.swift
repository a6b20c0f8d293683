import Foundation
import ZIPFoundation

/// A minimal SpreadsheetML (.xlsx) writer: hand-written parts zipped with ZIPFoundation.
///
/// - Every text cell is an inline string (`t="inlineStr"`): a spreadsheet never evaluates it, so
///   text starting with `=`, `+`, `-`, `@`, tab or CR stays text (outputs.md), and 18-digit IDs
///   keep all their digits.
/// - Amounts are numeric cells written from `Fen.yuan` (exact decimal text, never a Double) with
///   the two-decimal format `#,##0.00`.
/// - Deterministic: parts in a fixed order, every zip entry dated 1980-01-01 00:00 (the DOS epoch;
///   set again after ZIPFoundation, whose date conversion races with logging:
///   `pinningEntryDates`) with mode 0644, deflated by the same zlib: the same workbook gives the
///   same bytes.
package struct XLSXWorkbook {
    package enum Cell: Sendable {
        case text(String)
        /// Text that wraps within its column.
        case wrapped(String)
        case header(String)
        case title(String)
        case amount(Fen)
        /// A total: bold, two decimals.
        case total(Fen)
        case integer(Int)
        /// A real date cell: the serial day number (1900 date system) shown `yyyy-mm-dd`.
        case date(Day)
        case empty
    }

    package struct Sheet: Sendable {
        package var name: String
        /// Column widths in characters.
        package var widths: [Double]
        package var rows: [[Cell]]
        /// Rows frozen at the top (the header row; 0 for none).
        package var frozenRows: Int
        /// The header row of an autofilter over the table below it (1-based), or nil.
        package var filterRow: Int?

        package init(name: String, widths: [Double], rows: [[Cell]], frozenRows: Int = 1, filterRow: Int? = nil) {
            self.name = name
            self.widths = widths
            self.rows = rows
            self.frozenRows = frozenRows
            self.filterRow = filterRow
        }
    }

    package var sheets: [Sheet]

    package init(sheets: [Sheet]) { self.sheets = sheets }

    static let entryDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The .xlsx bytes.
    package func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Self.entryDate, permissions: 0o644, compressionMethod: .deflate,
                                 provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return try Self.pinningEntryDates(data)
    }

    /// The parts, in the order they are zipped.
    func parts() -> [(String, String)] {
        var parts: [(String, String)] = []
        var types = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        parts.append(("[Content_Types].xml", types + "</Types>"))
        parts.append(("_rels/.rels", Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"))
        var workbook = Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        var names: [(name: String, sheet: String, xml: String)] = [], rels = ""
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            let quoted = "'" + Self.escape(sheet.name.replacingOccurrences(of: "'", with: "''")) + "'"
            if let filter = sheet.filterRow {
                names.append(("_filterdatabase", sheet.name, "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + "\(quoted)!$A$\(filter):$\(Self.column(max(sheet.widths.count, 1)))$\(max(sheet.rows.count, filter))</definedName>"))
                names.append(("print_titles", sheet.name,
                              "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(quoted)!$\(filter):$\(filter)</definedName>"))
            }
        }
        // Excel wants defined names sorted (by name without the _xlnm. prefix, then sheet), as XlsxWriter writes them.
        let defined = names.sorted { ($0.name, $0.sheet) < ($1.name, $1.sheet) }.map(\.xml).joined()
        workbook += "</sheets>" + (defined.isEmpty ? "" : "<definedNames>\(defined)</definedNames>") + "</workbook>"
        parts.append(("xl/workbook.xml", workbook))
        rels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/>"
        parts.append(("xl/_rels/workbook.xml.rels", Self.header
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"))
        parts.append(("xl/styles.xml", Self.styles))
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet, selected: i == 0)))
        }
        return parts
    }

    func worksheet(_ sheet: Sheet, selected: Bool) -> String {
        let width = max(sheet.widths.count, sheet.rows.map(\.count).max() ?? 1, 1)
        let last = "\(Self.column(width))\(max(sheet.rows.count, 1))"
        var out = Self.header + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:\(last)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            out += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"16\"/><cols>"
        for (i, w) in sheet.widths.enumerated() {
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() { out += Self.cell(cell, ref: "\(Self.column(c + 1))\(r + 1)") }
            out += "</row>"
        }
        out += "</sheetData>"
        if let filter = sheet.filterRow {
            out += "<autoFilter ref=\"A\(filter):\(Self.column(width))\(max(sheet.rows.count, filter))\"/>"
        }
        out += "<pageMargins left=\"0.3\" right=\"0.3\" top=\"0.4\" bottom=\"0.4\" header=\"0.2\" footer=\"0.2\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
        return out
    }

    /// Style indexes of `styles.xml`'s cellXfs.
    static func cell(_ cell: Cell, ref: String) -> String {
        func text(_ value: String, style: Int) -> String {
            // A cell holds at most 32,767 characters.
            let value = value.utf16.count > 32_000 ? String(value.prefix(10_000)) + "…" : value
            return "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
        }
        switch cell {
        case .text(let value): return text(value, style: 6)
        case .wrapped(let value): return text(value, style: 4)
        case .header(let value): return text(value, style: 1)
        case .title(let value): return text(value, style: 5)
        case .amount(let fen): return "<c r=\"\(ref)\" s=\"2\"><v>\(fen.yuan)</v></c>"
        case .total(let fen): return "<c r=\"\(ref)\" s=\"3\"><v>\(fen.yuan)</v></c>"
        case .integer(let n): return "<c r=\"\(ref)\" s=\"7\"><v>\(n)</v></c>"
        case .date(let day): return "<c r=\"\(ref)\" s=\"8\"><v>\(serial(day))</v></c>"
        case .empty: return ""
        }
    }

    static let styles = header + """
    <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="3">\
    <font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
    <font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
    <font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFDDE5EE"/><bgColor indexed="64"/></patternFill></fill></fills>\
    <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
    <border><left/><right/><top/><bottom style="thin"><color rgb="FF8A96A3"/></bottom><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>\
    <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>\
    </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """

    /// The day's serial number in the 1900 date system: days since 1899-12-30 (Excel's own count,
    /// which takes 1900 for a leap year, so that the serials from 1900-03-01 on agree).
    static func serial(_ day: Day) -> Int { day.ordinal + 25_569 }

    /// `A`, `B`, …, `Z`, `AA`, … for a 1-based column number.
    static func column(_ n: Int) -> String {
        var n = n, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// XML character data (see `XMLText.escape`).
    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
