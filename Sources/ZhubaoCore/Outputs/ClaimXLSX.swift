import Foundation

/// `SUBSIDY_CLAIM_{region}_{bank}_{year}.xlsx` (outputs.md "claims.html / .xlsx"): one bank's
/// claim for finance staff — a summary sheet (汇总) with the totals, the lines (明细) and every
/// adjustment with its reason (调整). Amounts numeric with two decimals; IDs and names masked,
/// as inline strings.
package enum ClaimXLSX {
    package static func fileName(region: String, bank: String, year: Int) -> String {
        "SUBSIDY_CLAIM_\(region)_\(bank)_\(year).xlsx"
    }

    /// `cityName`: the region's name from the reference data (`赣州市`).
    package static func render(region: String, year: Int, asOf: Day, bank: ClaimsHTML.Bank, cityName: String? = nil) throws -> Data {
        try XLSXWorkbook(sheets: [summary(region: region, year: year, asOf: asOf, bank: bank, cityName: cityName), lines(bank),
                                  adjustments(bank)]).data()
    }

    static func summary(region: String, year: Int, asOf: Day, bank: ClaimsHTML.Bank, cityName: String?) -> XLSXWorkbook.Sheet {
        typealias Cell = XLSXWorkbook.Cell
        var rows: [[Cell]] = [[.title("\(year) 年度助保贷款贴息申请核定 · \(bank.title)")]]
        rows.append([.header("项目"), .header("内容")])
        rows.append([.text("城市"), .text(ReportLegend.cityName(region, cityName))])
        rows.append([.text("行政区划代码"), .text(region)])
        rows.append([.text("银行代码"), .text(bank.code)])
        if let name = bank.name { rows.append([.text("银行名称"), .text(name)]) }
        rows.append([.text("年度"), .integer(year)])
        rows.append([.text("核定所用数据截至"), .date(asOf)])
        rows.append([.text("明细行数"), .integer(bank.lines.count)])
        rows.append([.text("核定合计（元）"), .total(bank.computed)])
        rows.append([.text("申请合计（元）"), .total(bank.claimed)])
        rows.append([.text("拨付合计（元）"), .total(bank.approved)])
        rows.append([.text("核减（申请−拨付，元）"), .total(bank.claimed - bank.approved)])
        rows.append([.text("有调整的行"), .integer(bank.adjustments.count)])
        rows.append([])
        rows.append([.header("类别"), .header("含义（认定部门）")])
        for category in ReportLegend.categories {
            rows.append([.text(category.code), .text("\(category.name)（\(category.department)）")])
        }
        let codes = Set(bank.lines.flatMap(\.codes))
        if !codes.isEmpty { rows.append([.header("代码"), .header("含义")]) }
        for row in ReportLegend.codeRows(codes) { rows.append([.text(row.code), .text(row.title)]) }
        rows.append([])
        rows.append([.wrapped(ClaimsHTML.footer.replacingOccurrences(of: "上方“类别与代码说明”", with: "本表上方"))])
        return XLSXWorkbook.Sheet(name: "汇总", widths: [26, 70], rows: rows, frozenRows: 1)
    }

    static let lineHeader: [(title: String, width: Double)] = [
        ("借据号", 24), ("合同号", 20), ("身份证号", 20), ("姓名", 8), ("类别", 8), ("贴息起日", 11), ("贴息止日", 11),
        ("天数", 7), ("积数（元）", 16), ("利率%", 9), ("核定（元）", 12), ("申请（元）", 12), ("拨付（元）", 12), ("代码", 10),
        ("调整原因", 60),
    ]

    static func lines(_ bank: ClaimsHTML.Bank) -> XLSXWorkbook.Sheet {
        typealias Cell = XLSXWorkbook.Cell
        var rows: [[Cell]] = [lineHeader.map { .header($0.title) }]
        for line in bank.lines {
            let s = line.subsidy
            rows.append([
                .text(line.loanNo), .text(line.contractNo), .text(Masking.idNumber(line.idNumber)), .text(Masking.name(line.name)),
                text(s?.categories.joined(separator: " ")), s.map { .date($0.from) } ?? .empty, s.map { .date($0.to) } ?? .empty,
                .integer(s?.days ?? 0),
                .amount(s?.accumulated ?? .zero), text(s?.rate.percent), .amount(line.computed), line.claimed.map { .amount($0) } ?? .empty,
                .amount(line.approved), text(line.codes.joined(separator: " ")),
                line.adjustment.isEmpty ? .empty : .wrapped(ClaimsHTML.reason(line)),
            ])
        }
        if !bank.lines.isEmpty {
            rows.append([.header("合计")] + Array(repeating: Cell.empty, count: 9)
                + [.total(bank.computed), .total(bank.claimed), .total(bank.approved)])
        }
        return XLSXWorkbook.Sheet(name: "明细", widths: lineHeader.map(\.width), rows: rows, frozenRows: 1, filterRow: 1)
    }

    static func adjustments(_ bank: ClaimsHTML.Bank) -> XLSXWorkbook.Sheet {
        typealias Cell = XLSXWorkbook.Cell
        let header = ["借据号", "合同号", "代码", "申请（元）", "核定（元）", "拨付（元）", "核减（元）", "原因"]
        var rows: [[Cell]] = [header.map { .header($0) }]
        for line in bank.adjustments {
            let claimed = line.claimed ?? .zero
            rows.append([.text(line.loanNo), .text(line.contractNo), text(line.codes.joined(separator: " ")), .amount(claimed),
                         .amount(line.computed), .amount(line.approved), .amount(claimed - line.approved),
                         .wrapped(ClaimsHTML.reason(line))])
        }
        return XLSXWorkbook.Sheet(name: "调整", widths: [24, 20, 10, 12, 12, 12, 12, 90], rows: rows, frozenRows: 1, filterRow: 1)
    }

    static func text(_ value: String?) -> XLSXWorkbook.Cell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }
}
