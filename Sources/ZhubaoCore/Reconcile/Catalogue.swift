import ZhubaoSystem

/// The exception catalogue of rules.md §7: severity, owner, what the key is built from, and
/// what the finance staff reading the report should do. Messages are Simplified Chinese.
package enum Catalogue {
    package struct Entry: Sendable {
        package let code: ExceptionCode
        package let severity: Diagnostic.Severity
        package let owner: Owner
        package let keyFields: [Finding.Subject.Field]
        /// What is wrong, in one phrase.
        package let title: String
        /// What to do.
        package let action: String
    }

    /// The entry of `code`: a total switch, so every code has one.
    package static func entry(_ code: ExceptionCode) -> Entry {
        switch code {
        case .e001: return Entry(code: .e001, severity: .error, owner: .sender, keyFields: [.file],
                               title: "文件被拒收", action: "按拒收原因更正后以下一个序号重新报送")
        case .e002: return Entry(code: .e002, severity: .error, owner: .sender, keyFields: [.file],
                               title: "同名文件内容不同", action: "更正文件须使用下一个序号；核实两次报送的差异")
        case .e003: return Entry(code: .e003, severity: .warning, owner: .sender, keyFields: [.file, .idNumber],
                               title: "身份证号无效", action: "核对身份证号后重新报送该记录")
        case .e004: return Entry(code: .e004, severity: .warning, owner: .sender, keyFields: [.file, .ticketNo, .loanNo, .txnNo, .idNumber],
                               title: "唯一键重复，记录被忽略", action: "核实是否重复报送；以首次报送的记录为准")
        case .e201: return Entry(code: .e201, severity: .error, owner: .socialInsurance, keyFields: drawdownKey,
                               title: "放款无对应的核准贷款", action: "核实参保登记中的贷款核准信息，或请银行说明放款依据")
        case .e202: return Entry(code: .e202, severity: .error, owner: .socialInsurance, keyFields: drawdownKey,
                               title: "首笔放款不符合年龄或缴费年限条件（第二条）", action: "复核借款人资格")
        case .e203: return Entry(code: .e203, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "放款银行不是本市合作银行", action: "请银行说明；非合作银行放款不纳入助保贷款")
        case .e204: return Entry(code: .e204, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "合同利率高于上限", action: "请银行按上限利率调整并退还多收利息")
        case .e205: return Entry(code: .e205, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "按年放款金额超过当年灵活就业最低缴费额（第五条(四)）", action: "请银行说明并调整放款金额")
        case .e206: return Entry(code: .e206, severity: .error, owner: .bank, keyFields: [.contractNo],
                               title: "一次放款合计超过上限（第五条(四)）", action: "请银行说明并调整放款金额")
        case .e207: return Entry(code: .e207, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "同一合同两笔按年放款覆盖同一年度", action: "请银行核实是否重复放款")
        case .e208: return Entry(code: .e208, severity: .warning, owner: .bank, keyFields: drawdownKey,
                               title: "放款银行与核准贷款的银行不同", action: "核实借款合同的经办银行")
        case .e301: return Entry(code: .e301, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "放款后窗口期内无对应缴费到账：资金未用于缴费", action: "请银行核查资金去向（专款专用）")
        case .e302: return Entry(code: .e302, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "放款仅部分用于缴费", action: "请银行核查差额资金去向")
        case .e303: return Entry(code: .e303, severity: .warning, owner: .tax, keyFields: [.ticketNo],
                               title: "贷款渠道缴费未对应任何放款", action: "请税务核实缴费渠道与合同号")
        case .e304: return Entry(code: .e304, severity: .error, owner: .tax, keyFields: [.ticketNo],
                               title: "缴费所列合同属于他人", action: "请税务核实缴费人与合同号")
        case .e305: return Entry(code: .e305, severity: .warning, owner: .socialInsurance, keyFields: [.ticketNo],
                               title: "贷款缴费基数高于当年最低缴费基数（第八条(一)）", action: "核实缴费档次")
        case .e401: return Entry(code: .e401, severity: .error, owner: .bank, keyFields: [.idNumber, .month],
                               title: "扣款后养老金低于低保标准（第八条(二)）", action: "请银行退还超扣部分并调整扣款额")
        case .e402: return Entry(code: .e402, severity: .warning, owner: .bank, keyFields: transactionKey,
                               title: "扣款失败", action: "请银行告知借款人（附件3第6步）")
        case .e403: return Entry(code: .e403, severity: .error, owner: .bank, keyFields: transactionKey,
                               title: "连续扣款失败", action: "请银行与借款人联系并制定还款安排")
        case .e404: return Entry(code: .e404, severity: .error, owner: .bank, keyFields: transactionKey,
                               title: "未经同意从基础养老金中扣款", action: "请银行退还从基础养老金中扣取的部分")
        case .e405: return Entry(code: .e405, severity: .error, owner: .bank, keyFields: transactionKey,
                               title: "养老金发放前或无养老金时的养老金扣款", action: "请银行核实扣款依据并退还")
        case .e406: return Entry(code: .e406, severity: .error, owner: .bank, keyFields: drawdownKey,
                               title: "多收利息（按实际天数计息，第八条(三)）", action: "请银行退还多收利息")
        case .e407: return Entry(code: .e407, severity: .error, owner: .bank, keyFields: transactionKey,
                               title: "银行余额与按还款计算的余额不符", action: "请银行核对借据余额")
        case .e408: return Entry(code: .e408, severity: .warning, owner: .bank, keyFields: transactionKey,
                               title: "扣款账户不是社保卡金融账户（第八条(五)）", action: "请银行核实扣款账户")
        case .e409: return Entry(code: .e409, severity: .warning, owner: .socialInsurance, keyFields: drawdownKey,
                               title: "借款人已死亡，贷款仍有余额", action: "从个人账户余额中结清贷款")
        case .e410: return Entry(code: .e410, severity: .warning, owner: .finance, keyFields: [.idNumber],
                               title: "死亡借款人个人账户不足以结清贷款（第八条(四)）", action: "由财政承担差额")
        case .e501: return Entry(code: .e501, severity: .error, owner: .bank, keyFields: [.loanNo, .year],
                               title: "银行申请贴息多于核定金额", action: "按核定金额拨付")
        case .e502: return Entry(code: .e502, severity: .error, owner: .bank, keyFields: [.loanNo, .year],
                               title: "银行对不应贴息的借据申请贴息", action: "不予拨付")
        case .e503: return Entry(code: .e503, severity: .info, owner: .bank, keyFields: [.loanNo, .year],
                               title: "银行申请贴息少于核定金额", action: "按申请金额拨付；可提示银行")
        case .e504: return Entry(code: .e504, severity: .error, owner: .bank, keyFields: [.loanNo, .year],
                               title: "申请贴息的借据未放款或已冲销", action: "不予拨付")
        case .e505: return Entry(code: .e505, severity: .error, owner: .finance, keyFields: [.loanNo, .year],
                               title: "已核定的贴息现计算为更低：应追回差额（第九条）", action: "向银行追回差额")
        case .e601: return Entry(code: .e601, severity: .error, owner: .socialInsurance, keyFields: drawdownKey,
                               title: "居民助保贷款既无子女共同借款人也无担保人", action: "补充共同借款人或担保人")
        }
    }

    package static let drawdownKey: [Finding.Subject.Field] = [.contractNo, .loanNo]
    package static let transactionKey: [Finding.Subject.Field] = [.loanNo, .txnNo]

    /// Every entry, in catalogue order.
    static let list: [Entry] = ExceptionCode.allCases.map(entry)

    /// Every code, in catalogue order.
    package static var codes: [ExceptionCode] { ExceptionCode.allCases }
}
