/// Words the human-readable reports need beside the data: the scheme's Chinese name, the
/// hardship categories (formats.md §3), what each exception code's amount is (rules.md §7's
/// amount column), and the legends built from them.
package enum ReportLegend {
    /// The scheme in words: `赣州市城镇职工基本养老保险助保贷款` (spec README "Two real policies").
    /// `city` is the region's name from the reference data; the profile's own city when nil.
    package static func schemeName(profile: String, city: String?) -> String {
        switch profile {
        case Profile.Name.ganzhou2021.rawValue: return (city ?? "赣州市") + "城镇职工基本养老保险助保贷款"
        case Profile.Name.tongling2022.rawValue: return (city ?? "铜陵市") + "城乡居民基本养老保险助保贷款"
        default: return (city ?? "") + "养老保险助保贷款"
        }
    }

    /// The region's name (`赣州市`), or the code where the reference data has none.
    package static func cityName(_ region: String, _ name: String?) -> String {
        guard let name, !name.isEmpty, name != region else { return "行政区划 \(region)" }
        return name
    }

    /// The certifying departments of formats.md §3, in words.
    package static func department(_ code: String) -> String? {
        ["MZ": "民政", "XC": "乡村振兴", "JY": "就业"][code]
    }

    /// formats.md §3: the hardship categories (as the importer reads them), by department
    /// (民政, 乡村振兴, 就业), then code.
    package static let categories: [(code: String, name: String, department: String)] =
        ["MZ", "XC", "JY"].flatMap { dept in
            (HardshipImporter.categories[dept] ?? [:]).map { (code: $0.value, name: $0.key, department: department(dept) ?? dept) }
                .sorted { $0.code < $1.code }
        }

    /// rules.md §7 "amount": what the amount of an exception of this code is; nil for a code
    /// that carries none.
    package static func amountMeaning(_ code: ExceptionCode) -> String? {
        switch code {
        case .e201, .e202, .e203, .e301, .e601: return "放款金额"
        case .e207: return "第二笔放款金额"
        case .e205, .e206: return "超出上限部分"
        case .e302: return "放款未用于缴费的部分"
        case .e401: return "扣款后低于低保标准的差额"
        case .e410: return "余额超出个人账户的部分"
        case .e303, .e304: return "缴费金额"
        // The third failure in a row (E403) is also a failure (E402): never summed together.
        case .e402: return "扣款失败的应扣金额"
        case .e403: return "连续第三次失败的应扣金额"
        case .e404: return "从基础养老金中扣取部分"
        case .e405: return "扣取的本金与利息"
        case .e406: return "多收利息（最大一笔）"
        case .e407: return "余额差（银行 − 应有，带符号）"
        case .e409: return "对账日贷款余额"
        case .e501: return "多申请的贴息"
        case .e502, .e504: return "不应贴息的申请金额"
        case .e503: return "少申请的贴息"
        case .e505: return "已拨付 − 现核定（应追回）"
        default: return nil
        }
    }

    /// The meanings in a fixed order, for the summary's amount table.
    static let meaningOrder: [String] = ([
        .e201, .e207, .e205, .e302, .e303, .e402, .e403, .e401, .e404, .e405, .e406, .e407, .e409, .e410, .e501, .e502, .e503, .e505,
    ] as [ExceptionCode]).compactMap(amountMeaning)

    static func meaningRank(_ meaning: String) -> Int { meaningOrder.firstIndex(of: meaning) ?? meaningOrder.count }

    /// The categories' legend, as one line: `DB 最低生活保障对象（民政）；…`; only the codes given,
    /// all of them when `codes` is nil.
    package static func categoryLine(_ codes: Set<String>? = nil) -> String {
        categories.filter { codes?.contains($0.code) ?? true }
            .map { "\($0.code) \($0.name)（\($0.department)）" }.joined(separator: "；")
    }

    /// The codes of the exceptions shown, each with its meaning, severity, owner and what its
    /// amount is: the rows of the code legend.
    package static func codeRows(_ codes: Set<ExceptionCode>) -> [(code: String, severity: String, owner: String, title: String, amount: String)] {
        codes.sorted().map { code in
            let entry = Catalogue.entry(code)
            return (code.rawValue, ExceptionReport.severityName(entry.severity), ExceptionReport.ownerName(entry.owner), entry.title,
                    amountMeaning(code) ?? "—")
        }
    }

    /// The legend of codes as an HTML section.
    static func codesHTML(_ codes: Set<ExceptionCode>) -> String {
        let head = "<section id=\"legend\">\n<h2>代码说明</h2>\n"
        guard !codes.isEmpty else { return head + "<p class=\"muted\">本报告没有异常代码。</p>\n</section>\n" }
        let columns: [(title: String, width: Int)] = [("代码", 7), ("级别", 7), ("负责方", 11), ("含义", 50), ("金额栏含义", 25)]
        let rows = codeRows(codes).map { row in
            [row.code, row.severity, row.owner, row.title, row.amount].map(HTMLText.escape)
        }
        return head + HTMLText.table(columns, rows: rows) + "</section>\n"
    }
}
