import Foundation

/// `claims.html` (outputs.md "Human-readable outputs"): per bank, the claim's totals, its lines
/// and every adjustment with its reason, for the finance bureau. IDs and names masked.
package enum ClaimsHTML {
    /// One bank's claim as the renderers see it.
    package struct Bank: Sendable {
        package var code: String
        package var name: String?
        package var lines: [ClaimStatement.Line]

        package init(code: String, name: String? = nil, lines: [ClaimStatement.Line]) {
            self.code = code
            self.name = name
            self.lines = lines
        }

        package var computed: Fen { lines.reduce(.zero) { $0 + $1.computed } }
        package var claimed: Fen { lines.reduce(.zero) { $0 + ($1.claimed ?? .zero) } }
        package var approved: Fen { lines.reduce(.zero) { $0 + $1.approved } }
        /// The lines whose approved amount is not what the bank claimed, each with its reason.
        package var adjustments: [ClaimStatement.Line] { lines.filter { !$0.adjustment.isEmpty || !$0.codes.isEmpty } }
        package var title: String { "银行 \(code)" + (name.map { " \($0)" } ?? "") }
    }

    /// `cityName`: the region's name from the reference data (`赣州市`).
    package static func render(region: String, year: Int, asOf: Day, banks: [Bank], cityName: String? = nil) -> String {
        let city = ReportLegend.cityName(region, cityName)
        let title = "\(year) 年度助保贷款贴息申请核定 \(city)"
        let scheme = ReportLegend.schemeName(profile: Profile.Name.ganzhou2021.rawValue, city: cityName)
        var body = """
            <header>
            <h1>\(HTMLText.escape(title))</h1>
            <p class="meta">\(HTMLText.escape(scheme)) · 年度 \(year) · 按 \(asOf.iso) 的数据核定 · 银行 \(banks.count) 家</p>
            </header>
            <section id="summary">
            <h2>汇总</h2>

            """
        let columns: [(title: String, width: Int)] = [
            ("银行", 24), ("明细行数", 9), ("核定合计（元）", 14), ("申请合计（元）", 14), ("拨付合计（元）", 14),
            ("核减（申请−拨付）", 14), ("有调整的行", 11),
        ]
        func totals(_ name: String, _ lines: [ClaimStatement.Line], adjusted: Int) -> [String] {
            let bank = Bank(code: "", lines: lines)
            return [name, "\(lines.count)", HTMLText.money(bank.computed), HTMLText.money(bank.claimed),
                    HTMLText.money(bank.approved), HTMLText.money(bank.claimed - bank.approved), "\(adjusted)"]
        }
        var rows = banks.map { bank in
            totals("<a href=\"#bank-\(HTMLText.escape(bank.code))\">\(HTMLText.escape(bank.title))</a>", bank.lines,
                   adjusted: bank.adjustments.count)
        }
        rows.append(totals("合计", banks.flatMap(\.lines), adjusted: banks.reduce(0) { $0 + $1.adjustments.count }))
        body += HTMLText.table(columns, numeric: Set(1..<columns.count), rows: rows, className: "summary", lastRowClass: "total")
        if banks.isEmpty { body += "<p class=\"muted\">该年度没有应贴息的借据，也没有银行的贴息申请。</p>\n" }
        body += "</section>\n"
        // The legend before the tables that use the codes.
        body += legend(banks)
        let anchors = anchors(banks)
        for bank in banks { body += section(bank, region: region, year: year, anchors: anchors) }
        body += "<footer>\(HTMLText.escape(footer))</footer>"
        return HTMLText.page(title: title, body: body)
    }

    /// Where a reader goes from here (README "Decisions"): no file holding full personal data.
    package static let footer = "拨付金额为申请金额与核定金额中较低者（银行未申请的不予拨付）。身份证号仅显示前 6 位和后 4 位，"
        + "姓名仅显示姓和最后一个字；类别与代码的含义见上方“类别与代码说明”。对核定结果有疑问，请联系本中心负责助保贷款对账的系统管理员。"

    /// The hardship categories (formats.md §3) and the codes that show in the lines.
    static func legend(_ banks: [Bank]) -> String {
        let lines = banks.flatMap(\.lines)
        var out = "<section id=\"legend\">\n<h2>类别与代码说明</h2>\n<p><b>类别</b>（困难人员类别，认定部门）："
        out += HTMLText.escape(ReportLegend.categoryLine()) + "。</p>\n"
        let codes = Set(lines.flatMap(\.codes))
        guard !codes.isEmpty else { return out + "</section>\n" }
        out += "<p><b>代码</b>："
        out += ReportLegend.codeRows(codes).map { HTMLText.escape("\($0.code) \($0.title)") }.joined(separator: "；") + "。</p>\n"
        return out + "</section>\n"
    }

    static let lineColumns: [(title: String, width: Int)] = [
        ("借据号", 11), ("合同号", 10), ("身份证号", 11), ("姓名", 5), ("类别", 5), ("贴息期间", 14), ("天数", 4),
        ("积数（元）", 10), ("利率%", 5), ("核定（元）", 7), ("申请（元）", 6), ("拨付（元）", 6), ("代码", 6),
    ]

    static func section(_ bank: Bank, region: String, year: Int, anchors: [String: String]) -> String {
        let file = "SUBSIDY_CLAIM_\(region)_\(bank.code)_\(year)"
        let money = (computed: ReportText.money(bank.computed), claimed: ReportText.money(bank.claimed),
                     approved: ReportText.money(bank.approved), cut: ReportText.money(bank.claimed - bank.approved))
        var out = """
            <section id="bank-\(HTMLText.escape(bank.code))">
            <h2>\(HTMLText.escape(bank.title)) · \(bank.lines.count) 行</h2>
            <p class="meta">核定 <b>\(money.computed)</b> 元，申请 <b>\(money.claimed)</b> 元，\
            拨付 <b>\(money.approved)</b> 元，核减 \(money.cut) 元。报财政文件：\(HTMLText.escape(file)).xml / .xlsx</p>

            """
        if bank.lines.isEmpty {
            out += "<p class=\"muted\">无明细。</p>\n"
        } else {
            out += "<h3>明细</h3>\n"
            out += HTMLText.table(lineColumns, numeric: [6, 7, 8, 9, 10, 11], rows: bank.lines.map {
                lineRow($0, anchor: anchors[anchorKey(bank.code, $0.loanNo)])
            })
        }
        out += "<h3>调整明细（\(bank.adjustments.count)）</h3>\n"
        if bank.adjustments.isEmpty {
            out += "<p class=\"muted\">拨付金额均等于申请金额，无调整。</p>\n"
        } else {
            let columns: [(title: String, width: Int)] = [
                ("借据号", 12), ("代码", 6), ("申请（元）", 8), ("核定（元）", 8), ("拨付（元）", 8), ("原因", 58),
            ]
            let rows = bank.adjustments.map { line in
                [HTMLText.escape(line.loanNo), HTMLText.escape(line.codes.joined(separator: " ")),
                 HTMLText.money(line.claimed), HTMLText.money(line.computed), HTMLText.money(line.approved),
                 HTMLText.lines(reason(line))]
            }
            out += HTMLText.table(columns, numeric: [2, 3, 4], rows: rows)
        }
        return out + accounts(bank, anchors: anchors) + "</section>\n"
    }

    static func lineRow(_ line: ClaimStatement.Line, anchor: String? = nil) -> [String] {
        let s = line.subsidy
        let period = s.map { "\($0.from.iso) 至 \($0.to.iso)" } ?? ""
        let loan = anchor.map { "<a href=\"#\(HTMLText.escape($0))\">\(HTMLText.escape(line.loanNo))</a>" } ?? HTMLText.escape(line.loanNo)
        return [loan, HTMLText.escape(line.contractNo),
                "<span class=\"nowrap\">\(HTMLText.escape(Masking.idNumber(line.idNumber)))</span>",
                HTMLText.escape(Masking.name(line.name)), categories(s?.categories ?? []), period,
                "\(s?.days ?? 0)", HTMLText.money(s?.accumulated), s.map { $0.rate.percent } ?? "",
                HTMLText.money(line.computed), HTMLText.money(line.claimed), HTMLText.money(line.approved),
                HTMLText.escape(line.codes.joined(separator: " "))]
    }

    /// The category codes, each with its name on hover (`<span class="abbr" title="最低生活保障对象">DB</span>`; a span: the pages use no other inline tag).
    static func categories(_ codes: [String]) -> String {
        codes.map { code in
            ReportLegend.categories.first { $0.code == code }
                .map { "<span class=\"abbr\" title=\"\(HTMLText.escape($0.name))\">\(HTMLText.escape(code))</span>" } ?? HTMLText.escape(code)
        }.joined(separator: " ")
    }

    /// Why approved differs from claimed, masked (the reason is a finding's message).
    static func reason(_ line: ClaimStatement.Line) -> String {
        SubsidyAccountReport.masked(line.adjustment.isEmpty ? "按申请金额拨付" : line.adjustment, id: line.idNumber, name: line.name)
    }

    /// The account of every line of a bank (`SubsidyAccountReport`), each a closed `<details>`
    /// reached from its loanNo in the table: static, no script.
    static func accounts(_ bank: Bank, anchors: [String: String]) -> String {
        let lines = bank.lines.filter { $0.account != nil }
        guard !lines.isEmpty else { return "" }
        var out = "<h3>逐行核定过程（\(lines.count)）</h3>\n<p class=\"muted\">每行一节：贴息资格、利率、各余额区间的天数与积数、"
        out += "积数 × 利率 ÷ 360 的精确值与四舍五入结果、银行申请与结论；可逐项手工复核（同 zhubao explain）。</p>\n"
        for line in lines {
            out += SubsidyAccountReport.html(line.account!, id: anchors[anchorKey(bank.code, line.loanNo)] ?? "explain-\(line.loanNo)")
        }
        return out
    }

    static func anchorKey(_ bank: String, _ loanNo: String) -> String { bank + "|" + loanNo }

    /// `explain-LOANNO` for each line; a loanNo under two banks gets the bank's code as well the second time.
    static func anchors(_ banks: [Bank]) -> [String: String] {
        var anchors: [String: String] = [:]
        var used: Set<String> = []
        for bank in banks {
            for line in bank.lines where line.account != nil {
                var id = "explain-\(line.loanNo)"
                if used.contains(id) { id += "-\(bank.code)" }
                used.insert(id)
                anchors[anchorKey(bank.code, line.loanNo)] = id
            }
        }
        return anchors
    }
}
