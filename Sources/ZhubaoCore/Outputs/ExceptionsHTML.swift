/// `exceptions.html` (outputs.md "Human-readable outputs"): a summary (counts by severity and
/// owner, new and resolved since the previous run, amounts involved), then one section per owner,
/// ERROR first, acknowledged exceptions last with their notes. Masked; every value escaped.
package enum ExceptionsHTML {
    package static func render(_ report: ExceptionReport) -> String {
        let title = "助保贷款对账异常报告 \(report.asOf.iso)"
        var body = "<header>\n<h1>\(HTMLText.escape(title))</h1>\n"
        body += "<p class=\"meta\">\(HTMLText.escape(report.city)) · \(HTMLText.escape(report.scheme))"
        body += " · 对账日期 \(report.asOf.iso) · 上次运行 \(report.previousRun?.iso ?? "无（首次运行）")</p>\n</header>\n"
        body += summary(report)
        body += "<nav>" + ExceptionReport.owners.map { owner in
            "<a href=\"#owner-\(owner)\">\(ExceptionReport.ownerName(owner))（\(report.tallies[owner]?.total ?? 0)）</a>"
        }.joined() + "<a href=\"#resolved\">本次已解决（\(report.resolved.count)）</a><a href=\"#legend\">代码说明</a></nav>\n"
        for section in report.sections {
            body += section.owner == .bank ? bankSection(section, banks: report.banks) : self.section(section)
        }
        body += resolved(report)
        body += ReportLegend.codesHTML(report.codes)
        body += "<footer>\(HTMLText.escape(footer))</footer>"
        return HTMLText.page(title: title, body: body)
    }

    /// Where a clerk goes from here: what the short id is for, and whom to ask (README "Decisions").
    package static let footer = "身份证号仅显示前 6 位和后 4 位，金额单位：元；代码的含义见上方“代码说明”。"
        + "每项异常代码下方的 10 位短编号用于确认：处理完毕后，在运行 zhubao 的服务器上执行 zhubao exceptions ack <短编号> --note 说明 --by 姓名"
        + "（无权限的请系统管理员代为执行）"
        + "（确认人、日期和说明会显示在以后的报告中）。对报告内容有疑问，请联系本中心负责助保贷款对账的系统管理员。"

    // MARK: summary

    static func summary(_ report: ExceptionReport) -> String {
        let t = report.total
        var out = "<section id=\"summary\">\n<h2>汇总</h2>\n"
        out += "<p class=\"lead\">未解决异常 <b>\(t.total)</b> 项，其中本次新增 <b>\(t.new)</b> 项、已确认 \(t.acknowledged) 项；"
        out += "本次已解决 <b>\(t.resolved)</b> 项。各项金额含义不同，按含义分列于下表，不相加。</p>\n"
        let f = report.files
        out += "<p class=\"meta\">本日接收文件：导入 \(f.imported) 个，拒收 \(f.rejected) 个，同名不同内容 \(f.conflicts) 个；"
        out += "业务日期晚于对账日期、暂不计入的文件 \(f.notYetEffective) 个。</p>\n"
        for warning in report.warnings { out += "<p class=\"warn\">\(HTMLText.escape(warning))</p>\n" }
        let severities = ExceptionReport.severities
        var columns: [(title: String, width: Int)] = [("负责方", 14)]
        columns += severities.map { ("\(ExceptionReport.severityName($0))", 6) }
        columns += [("合计", 6), ("新增", 6), ("已确认", 6), ("本次已解决", 8)]
        func cells(_ name: String, _ t: ExceptionReport.Tally) -> [String] {
            [name] + severities.map { "\(t.count[$0] ?? 0)" } + ["\(t.total)", "\(t.new)", "\(t.acknowledged)", "\(t.resolved)"]
        }
        var rows = ExceptionReport.owners.map { owner in
            cells("<a href=\"#owner-\(owner)\">\(ExceptionReport.ownerName(owner))</a>", report.tallies[owner] ?? .init())
        }
        rows.append(cells("合计", t))
        let table = HTMLText.table(columns, numeric: Set(1..<columns.count), rows: rows, className: "summary",
                                   lastRowClass: "total")
        return out + table + amounts(t) + "</section>\n"
    }

    /// The open exceptions' amounts, one row per meaning (rules.md §7's amount column).
    static func amounts(_ t: ExceptionReport.Tally) -> String {
        var out = "<h3>涉及金额（按金额含义分列）</h3>\n"
        let rows = t.amountRows
        guard !rows.isEmpty else { return out + "<p class=\"muted\">未解决的异常均不涉及金额。</p>\n" }
        let columns: [(title: String, width: Int)] = [("金额含义", 30), ("代码", 20), ("项数", 8), ("金额（元）", 14)]
        out += HTMLText.table(columns, numeric: [2, 3], rows: rows.map { row in
            [HTMLText.escape(row.meaning), HTMLText.escape(row.amount.codes.sorted().joined(separator: " ")),
             "\(row.amount.count)", HTMLText.money(row.amount.sum)]
        }, className: "summary")
        return out
    }

    // MARK: owner sections

    static let openColumns: [(title: String, width: Int)] = [
        ("级别", 4), ("代码", 5), ("状态", 7), ("对象", 15), ("身份证号", 11), ("金额（元）", 7),
        ("来源（文件:行）", 11), ("问题", 27), ("处理", 13),
    ]

    static let acknowledgedColumns: [(title: String, width: Int)] = [
        ("级别", 4), ("代码", 5), ("首次发现", 7), ("对象", 15), ("身份证号", 11), ("金额（元）", 7),
        ("来源（文件:行）", 11), ("问题", 23), ("确认（人、日期、说明）", 17),
    ]

    static func section(_ section: ExceptionReport.Section) -> String {
        let name = ExceptionReport.ownerName(section.owner)
        var out = "<section id=\"owner-\(section.owner)\">\n"
        out += "<h2>\(name) · 未解决 \(section.rows.count) 项</h2>\n"
        if section.open.isEmpty {
            out += "<p class=\"muted\">无待处理的异常。</p>\n"
        } else {
            out += HTMLText.table(openColumns, numeric: [5], rows: section.open.map(openRow))
        }
        if !section.acknowledged.isEmpty {
            out += "<h3>已确认（\(section.acknowledged.count)）</h3>\n"
            out += HTMLText.table(acknowledgedColumns, numeric: [5], rows: section.acknowledged.map(acknowledgedRow))
        }
        return out + "</section>\n"
    }

    /// The BANK section: a bank column and a sub-section per bank the exceptions are routed to
    /// (outbound.md), so that a clerk sees what each bank was sent.
    static func bankSection(_ section: ExceptionReport.Section, banks: [ExceptionReport.Section]) -> String {
        var out = "<section id=\"owner-BANK\">\n"
        out += "<h2>\(ExceptionReport.ownerName(.bank)) · 未解决 \(section.rows.count) 项</h2>\n"
        if banks.isEmpty { out += "<p class=\"muted\">无待处理的异常。</p>\n" }
        for group in banks {
            let name = group.bank.isEmpty ? "未能确定放款银行" : group.bank
            out += "<h3 id=\"bank-\(HTMLText.escape(String(group.bank.prefix { $0 != " " })))\">\(HTMLText.escape(name))"
                + "（未解决 \(group.rows.count) 项）</h3>\n"
            func withBank(_ cells: [String], _ row: ExceptionReport.Row) -> [String] {
                var cells = cells
                cells.insert(HTMLText.escape(row.bank ?? ""), at: 2)
                return cells
            }
            if !group.open.isEmpty {
                out += HTMLText.table(bankOpenColumns, numeric: [6], rows: group.open.map { withBank(openRow($0), $0) })
            }
            if !group.acknowledged.isEmpty {
                out += "<p class=\"muted\"><b>已确认（\(group.acknowledged.count)）</b></p>\n"
                out += HTMLText.table(bankAcknowledgedColumns, numeric: [6],
                                      rows: group.acknowledged.map { withBank(acknowledgedRow($0), $0) })
            }
        }
        return out + "</section>\n"
    }

    static let bankOpenColumns: [(title: String, width: Int)] = [
        ("级别", 4), ("代码", 5), ("银行", 8), ("状态", 7), ("对象", 14), ("身份证号", 10), ("金额（元）", 7),
        ("来源（文件:行）", 10), ("问题", 24), ("处理", 11),
    ]

    static let bankAcknowledgedColumns: [(title: String, width: Int)] = [
        ("级别", 4), ("代码", 5), ("银行", 8), ("首次发现", 7), ("对象", 14), ("身份证号", 10), ("金额（元）", 7),
        ("来源（文件:行）", 10), ("问题", 20), ("确认（人、日期、说明）", 15),
    ]

    static func severity(_ row: ExceptionReport.Row) -> String {
        "<span class=\"sev-\(row.severity.rawValue)\">\(ExceptionReport.severityName(row.severity))</span>"
    }

    static func subject(_ row: ExceptionReport.Row) -> String {
        row.subject.map { "<span class=\"muted\">\($0.label)</span> \(HTMLText.escape($0.value))" }.joined(separator: "<br>")
    }

    /// `FILE:LINE`; a finding about a whole file says so rather than repeat the name.
    static func source(_ row: ExceptionReport.Row) -> String {
        row.source == row.file ? "<span class=\"muted\">整个文件</span>" : "<span class=\"src\">\(HTMLText.escape(row.source))</span>"
    }

    static func maskedID(_ row: ExceptionReport.Row) -> String {
        row.maskedID.map { "<span class=\"nowrap\">\(HTMLText.escape($0))</span>" } ?? ""
    }

    static func problem(_ row: ExceptionReport.Row) -> String {
        var out = "<div class=\"what\"><b>\(HTMLText.escape(row.title))</b>"
        if !row.detail.isEmpty { out += "<br>" + HTMLText.lines(row.detail) }
        return out + "</div>"
    }

    static func openRow(_ row: ExceptionReport.Row) -> [String] {
        let status = "<span class=\"tag \(row.status.rawValue)\">\(ExceptionReport.statusName(row.status))</span>"
            + (row.status == .open ? "<br><span class=\"muted nowrap\">自 \(row.firstSeen.iso)</span>" : "")
        return [severity(row), code(row), status, subject(row), maskedID(row),
                HTMLText.money(row.amount), source(row), problem(row),
                HTMLText.escape(row.action)]
    }

    /// The code, with the short id beneath it (what `zhubao exceptions ack` takes).
    static func code(_ row: ExceptionReport.Row) -> String {
        "\(HTMLText.escape(row.code.rawValue))<br><span class=\"muted nowrap\">\(HTMLText.escape(row.shortID))</span>"
    }

    /// Who acknowledged it, when, and their note: every acknowledgement, oldest first.
    static func acknowledgement(_ row: ExceptionReport.Row) -> String {
        row.acks.map { ack in
            var text = "\(HTMLText.escape(ack.by)) · \(HTMLText.escape(ack.on))"
            if !ack.note.isEmpty { text += "<br>" + HTMLText.lines(ack.note) }
            return text
        }.joined(separator: "<br>")
    }

    static func acknowledgedRow(_ row: ExceptionReport.Row) -> [String] {
        let ack = acknowledgement(row)
        return [severity(row), code(row), row.firstSeen.iso, subject(row), maskedID(row),
                HTMLText.money(row.amount), source(row), problem(row), ack]
    }

    // MARK: resolved

    static func resolved(_ report: ExceptionReport) -> String {
        var out = "<section id=\"resolved\">\n<h2>本次已解决（\(report.resolved.count)）</h2>\n"
        guard !report.resolved.isEmpty else {
            return out + "<p class=\"muted\">本次运行没有解决的异常。</p>\n</section>\n"
        }
        out += "<p class=\"muted\">上次运行（\(report.previousRun?.iso ?? "—")）仍存在、本次不再发现的异常。</p>\n"
        let columns: [(title: String, width: Int)] = [
            ("负责方", 9), ("级别", 5), ("代码", 5), ("首次发现", 8), ("对象", 18), ("身份证号", 11),
            ("金额（元）", 9), ("问题", 35),
        ]
        let rows = report.resolved.map { row in
            [ExceptionReport.ownerName(row.owner), severity(row), code(row), row.firstSeen.iso, subject(row),
             maskedID(row), HTMLText.money(row.amount),
             problem(row) + (row.ackBy == nil ? "" : "<span class=\"muted\">已确认：\(acknowledgement(row))</span>")]
        }
        return out + HTMLText.table(columns, numeric: [6], rows: rows) + "</section>\n"
    }
}
