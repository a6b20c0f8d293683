/// The account of a subsidy (`SubsidyAccount`) in the words and tables finance staff and
/// auditors read, masked (outputs.md "Human-readable outputs"). One list of blocks, written
/// once, rendered as text (`zhubao explain`) and as HTML (the sections of claims.html), so the
/// two never say different things.
package enum SubsidyAccountReport {
    package enum Block: Sendable, Equatable {
        case heading(String)
        case text(String)
        /// Columns, rows (plain text), the indices of numeric columns; the last row a total when `total`.
        case table(columns: [String], rows: [[String]], numeric: Set<Int>, total: Bool)
    }

    package static func title(_ account: SubsidyAccount) -> String {
        "借据 \(account.loanNo) · \(account.year) 年度贴息核定过程（按 \(account.asOf.iso) 的数据）"
    }

    package static func blocks(_ account: SubsidyAccount) -> [Block] {
        var blocks: [Block] = []
        if let drawdown = account.drawdown {
            blocks.append(.text("借款人 \(Masking.idNumber(drawdown.idNumber)) \(Masking.name(account.name ?? "")) · 合同 \(drawdown.contractNo)"
                + " · 银行 \(drawdown.bankCode) · 放款 \(drawdown.amount.yuan) 元，\(drawdown.disbursedOn.iso) 放款，"
                + "\(drawdown.maturesOn.iso) 到期，合同利率 \(drawdown.rate.percent)%"))
        }
        blocks += eligibility(account)
        if let cap = account.cap, let rate = account.rate, let drawdown = account.drawdown {
            blocks.append(.heading("二、利率"))
            blocks.append(.text("合同利率 \(drawdown.rate.percent)%；上限 \(cap.percent)%（\(account.capBasis ?? "")）；"
                + "适用利率 \(rate.percent)%（取两者较低者）"))
        }
        blocks += spans(account)
        blocks += arithmetic(account)
        blocks += verdict(account)
        return blocks
    }

    static func eligibility(_ account: SubsidyAccount) -> [Block] {
        guard let e = account.eligibility else { return [] }
        let which = e.basis == .firstDrawdown ? "首笔放款日" : "年度复核日"
        var blocks: [Block] = [.heading("一、贴息资格"),
                               .text("判定日 \(e.day.iso)（\(which)）：" + (e.isEligible ? "当日持有有效困难认定，\(account.year) 年符合贴息条件"
                                   : "当日无有效困难认定，\(account.year) 年不符合贴息条件"))]
        if e.known.isEmpty {
            blocks.append(.text("截至 \(account.asOf.iso) 无该借款人的困难认定。"))
        } else {
            let rows = e.known.map { interval in
                [departmentName(interval.department), categoryName(interval.category, department: interval.department),
                 interval.from.iso, interval.until.map { "\($0.iso)（不含）" } ?? "无终止",
                 e.held.contains(interval) ? "有效" : "无效"]
            }
            blocks.append(.table(columns: ["认定部门", "人员类别", "认定日期", "终止日期", "判定日"], rows: rows, numeric: [], total: false))
        }
        return blocks
    }

    static func spans(_ account: SubsidyAccount) -> [Block] {
        guard let window = account.window else { return [] }
        var blocks: [Block] = [.heading("三、计息期间与积数"),
                               .text("可贴息期间 \(window.lowerBound.iso) 至 \(window.upperBound.iso)：" + account.windowReasons.joined(separator: "；"))]
        var rows = account.spans.map { span in
            [span.from.iso, span.to.iso, "\(span.days)", ReportText.money(span.balance),
             span.counts ? ReportText.money(span.product) : "不计"]
        }
        let total = account.spanTotal
        rows.append(["合计（积数）", "", "\(total.days)", "", ReportText.money(total.accumulated)])
        blocks.append(.table(columns: ["起", "止", "天数", "余额（元）", "余额×天数（元）"], rows: rows, numeric: [2, 3, 4], total: true))
        return blocks
    }

    static func arithmetic(_ account: SubsidyAccount) -> [Block] {
        guard let line = account.line, let exact = account.exact else {
            return [.heading("四、计算"), .text("该年度无应贴息金额：\(account.noSubsidyReason ?? "")")]
        }
        return [.heading("四、计算"),
                .text("积数 \(ReportText.money(line.accumulated)) 元 × \(line.rate.percent)% = \(exact.productYuan) 元"),
                .text("÷ 360 = \(exact.decimalText)元（未舍入的精确值）"),
                .text("四舍五入到分（每笔借据每年只舍入一次）：\(ReportText.money(line.computed)) 元")]
    }

    static func verdict(_ account: SubsidyAccount) -> [Block] {
        var blocks: [Block] = [.heading("五、银行申请与结论")]
        let computed = account.line?.computed ?? .zero
        guard let v = account.verdict else {
            blocks.append(.text("银行未申请该借据 \(account.year) 年的贴息；核定 \(ReportText.money(computed)) 元。"))
            return blocks
        }
        let claimed = v.claimed.map { "银行申请 \(ReportText.money($0)) 元" } ?? "银行未申请"
        blocks.append(.text("\(claimed)；核定 \(ReportText.money(computed)) 元；拨付 \(ReportText.money(v.approved)) 元"))
        let name = account.name ?? account.drawdown?.name ?? ""
        let reason = masked(v.reason, id: account.drawdown?.idNumber, name: name)
        let conclusion: String
        if !v.codes.isEmpty {
            conclusion = "\(v.codes.joined(separator: " "))：\(reason)"
        } else if reason.isEmpty {
            conclusion = "核准：申请金额与核定金额一致，按申请金额拨付"
        } else {
            conclusion = reason
        }
        blocks.append(.text("结论：" + conclusion))
        return blocks
    }

    /// A free text with the person's ID number and name masked (the reasons are findings' messages).
    static func masked(_ text: String, id: String?, name: String) -> String {
        let scrubbed = ReportText.scrub(text, id: id)
        guard name.count >= 2, scrubbed.contains(name) else { return scrubbed }
        return scrubbed.replacingOccurrences(of: name, with: Masking.name(name))
    }

    static func departmentName(_ code: String) -> String {
        ReportLegend.department(code).map { "\($0)（\(code)）" } ?? code
    }

    /// The category's name (formats.md §3) and its code: `最低生活保障对象（DB）`.
    static func categoryName(_ code: String, department: String) -> String {
        let name = HardshipImporter.categories[department]?.first { $0.value == code }?.key
        return name.map { "\($0)（\(code)）" } ?? code
    }
}
