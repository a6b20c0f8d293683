import Foundation

/// `exceptions.xlsx` (outputs.md): the content of exceptions.html as a summary sheet (汇总) and a
/// sheet per owner; amounts as numbers with two decimals, IDs (masked) and every other text as
/// inline strings, header row frozen and filterable.
package enum ExceptionsXLSX {
    package static func render(_ report: ExceptionReport) throws -> Data {
        var sheets = [summarySheet(report)]
        for section in report.sections {
            sheets.append(sheet(ExceptionReport.ownerName(section.owner), section.rows))
            // outbound.md: a sheet per bank the BANK exceptions are routed to, after the BANK sheet.
            guard section.owner == .bank else { continue }
            for bank in report.banks {
                sheets.append(sheet(bankSheetName(bank.bank), bank.rows))
            }
        }
        return try XLSXWorkbook(sheets: sheets).data()
    }

    /// `银行 105 建设银行`: at most 31 characters, none of `[]:*?/\` (a name may come from zhubao.toml).
    static func bankSheetName(_ bank: String) -> String {
        let name = "银行 " + (bank.isEmpty ? "未定" : bank)
        return String(String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }).prefix(31))
    }

    static func sheet(_ name: String, _ rows: [ExceptionReport.Row]) -> XLSXWorkbook.Sheet {
        let table = [ExceptionTable.columns.dropFirst().map { XLSXWorkbook.Cell.header($0.title) }]
            + rows.map { Array(ExceptionTable.cells($0).dropFirst()) }
        return XLSXWorkbook.Sheet(name: name, widths: ExceptionTable.columns.dropFirst().map(\.width),
                                  rows: table, frozenRows: 1, filterRow: 1)
    }

    static let tallyColumns: [(title: String, width: Double)] = {
        var columns: [(title: String, width: Double)] = [("负责方", 14)]
        columns += ExceptionReport.severities.map { (ExceptionReport.severityName($0), 9) }
        return columns + [("合计", 9), ("新增", 9), ("已确认", 9), ("本次已解决", 11)]
    }()

    static func summarySheet(_ report: ExceptionReport) -> XLSXWorkbook.Sheet {
        typealias Cell = XLSXWorkbook.Cell
        let t = report.total, f = report.files
        var rows: [[Cell]] = [[.title("助保贷款对账异常报告 \(report.asOf.iso)")]]
        rows.append([.text("\(report.city) · \(report.scheme)")])
        rows.append([.text("对账日期"), .date(report.asOf), .text("上次运行"), report.previousRun.map { .date($0) } ?? .text("无（首次运行）")])
        rows.append([.text("未解决异常 \(t.total) 项，其中本次新增 \(t.new) 项、已确认 \(t.acknowledged) 项；"
            + "本次已解决 \(t.resolved) 项。身份证号仅显示前 6 位和后 4 位；金额单位：元；各项金额含义不同，按含义分列，不相加。")])
        rows.append([.text("本日接收文件：导入 \(f.imported) 个，拒收 \(f.rejected) 个，同名不同内容 \(f.conflicts) 个；"
            + "业务日期晚于对账日期、暂不计入的文件 \(f.notYetEffective) 个。")])
        for warning in report.warnings { rows.append([.text("注意：" + warning)]) }
        rows.append([])
        rows.append(tallyColumns.map { .header($0.title) })
        func tally(_ name: String, _ t: ExceptionReport.Tally, bold: Bool) -> [Cell] {
            [bold ? .header(name) : .text(name)] + ExceptionReport.severities.map { .integer(t.count[$0] ?? 0) }
                + [.integer(t.total), .integer(t.new), .integer(t.acknowledged), .integer(t.resolved)]
        }
        for owner in ExceptionReport.owners {
            rows.append(tally(ExceptionReport.ownerName(owner), report.tallies[owner] ?? .init(), bold: false))
        }
        rows.append(tally("合计", t, bold: true))
        rows.append([])
        rows.append([.header("金额含义"), .header("代码"), .header("项数"), .header("金额（元）")])
        for row in t.amountRows {
            rows.append([.text(row.meaning), .text(row.amount.codes.sorted().joined(separator: " ")), .integer(row.amount.count),
                         .amount(row.amount.sum)])
        }
        rows.append([])
        rows.append([.title("代码说明")])
        rows.append([.header("代码"), .header("级别"), .header("负责方"), .header("含义"), .header("金额栏含义")])
        for row in ReportLegend.codeRows(report.codes) {
            rows.append([.text(row.code), .text(row.severity), .text(row.owner), .text(row.title), .text(row.amount)])
        }
        rows.append([])
        rows.append([.title("本次已解决（\(report.resolved.count)）")])
        if report.resolved.isEmpty {
            rows.append([.text("本次运行没有解决的异常。")])
        } else {
            rows.append(ExceptionTable.columns.map { .header($0.title) })
            rows += report.resolved.map(ExceptionTable.cells)
        }
        let widths = (0..<max(tallyColumns.count, ExceptionTable.columns.count)).map { i in
            max(i < tallyColumns.count ? tallyColumns[i].width : 0, i < ExceptionTable.columns.count ? ExceptionTable.columns[i].width : 0)
        }
        rows.append([])
        rows.append([.wrapped(ExceptionsHTML.footer)])
        return XLSXWorkbook.Sheet(name: "汇总", widths: widths, rows: rows, frozenRows: 1)
    }
}

/// The exception table shared by the XLSX sheets and the CSV: one row per exception, the
/// subject's identifiers in their own columns so that a spreadsheet can filter on them.
package enum ExceptionTable {
    package enum Value: Sendable, Equatable {
        case text(String)
        case amount(Fen?)
        /// A day: a date cell in the workbook, `YYYY-MM-DD` in the CSV.
        case date(Day?)
    }

    package static let columns: [(title: String, width: Double)] = [
        ("负责方", 14), ("级别", 7), ("代码", 7), ("银行", 18), ("状态", 8), ("首次发现", 11), ("合同号", 20), ("借据号", 22),
        ("税票号", 20), ("流水号", 20), ("文件", 26), ("期间", 9), ("身份证号", 20), ("金额（元）", 14),
        ("来源（文件:行）", 28), ("问题", 30), ("说明", 50), ("处理", 30), ("确认人", 10), ("确认日期", 11), ("确认说明", 30),
        ("短编号", 12),
    ]

    package static func values(_ row: ExceptionReport.Row) -> [Value] {
        let head: [String?] = [
            ExceptionReport.ownerName(row.owner), ExceptionReport.severityName(row.severity), row.code.rawValue, row.bank,
            ExceptionReport.statusName(row.status),
        ]
        let texts: [String?] = [row.contractNo, row.loanNo, row.ticketNo, row.txnNo, row.file, row.period, row.maskedID]
        let after: [String?] = [row.source, row.title, row.detail, row.action, row.ackBy]
        func text(_ values: [String?]) -> [Value] { values.map { .text($0 ?? "") } }
        return text(head) + [.date(row.firstSeen)] + text(texts) + [.amount(row.amount)] + text(after)
            + [.date(row.ackOn.flatMap(Day.init(iso:)))] + text([row.ackNote, row.shortID])
    }

    static let wrappedColumns: Set<Int> = [15, 16, 17, 20]

    static func cells(_ row: ExceptionReport.Row) -> [XLSXWorkbook.Cell] {
        values(row).enumerated().map { i, value in
            switch value {
            case .text(let s) where s.isEmpty: return .empty
            case .text(let s): return wrappedColumns.contains(i) ? .wrapped(s) : .text(s)
            case .amount(let fen): return fen.map { .amount($0) } ?? .empty
            case .date(let day): return day.map { .date($0) } ?? .empty
            }
        }
    }
}
