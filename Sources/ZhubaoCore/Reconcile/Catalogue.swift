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

    /// The entry of `code`.
    package static func entry(_ code: ExceptionCode) -> Entry {
        let (severity, owner, key, title, action) = row(code)
        return Entry(code: code, severity: severity, owner: owner, keyFields: key.fields, title: title, action: action)
    }

    /// The catalogue as a table, one row a code in catalogue order: severity, owner, what the
    /// key is built from, what is wrong, what to do. A switch, so that the compiler holds it
    /// total over `ExceptionCode` (a code without its row does not build) and no lookup can miss.
    private static func row(_ code: ExceptionCode) -> (Diagnostic.Severity, Owner, Key, String, String) {
        switch code {
        case .e001: (.error, .sender, .file, "文件被拒收", "按拒收原因更正后以下一个序号重新报送")
        case .e002: (.error, .sender, .file, "同名文件内容不同", "更正文件须使用下一个序号；核实两次报送的差异")
        case .e003: (.warning, .sender, .fileAndIDNumber, "身份证号无效", "核对身份证号后重新报送该记录")
        case .e004: (.warning, .sender, .uniqueKey, "唯一键重复，记录被忽略", "核实是否重复报送；以首次报送的记录为准")
        case .e201: (.error, .socialInsurance, .drawdown, "放款无对应的核准贷款", "核实参保登记中的贷款核准信息，或请银行说明放款依据")
        case .e202: (.error, .socialInsurance, .drawdown, "首笔放款不符合年龄或缴费年限条件（第二条）", "复核借款人资格")
        case .e203: (.error, .bank, .drawdown, "放款银行不是本市合作银行", "请银行说明；非合作银行放款不纳入助保贷款")
        case .e204: (.error, .bank, .drawdown, "合同利率高于上限", "请银行按上限利率调整并退还多收利息")
        case .e205: (.error, .bank, .drawdown, "按年放款金额超过当年灵活就业最低缴费额（第五条(四)）", "请银行说明并调整放款金额")
        case .e206: (.error, .bank, .contract, "一次放款合计超过上限（第五条(四)）", "请银行说明并调整放款金额")
        case .e207: (.error, .bank, .drawdown, "同一合同两笔按年放款覆盖同一年度", "请银行核实是否重复放款")
        case .e208: (.warning, .bank, .drawdown, "放款银行与核准贷款的银行不同", "核实借款合同的经办银行")
        case .e301: (.error, .bank, .drawdown, "放款后窗口期内无对应缴费到账：资金未用于缴费", "请银行核查资金去向（专款专用）")
        case .e302: (.error, .bank, .drawdown, "放款仅部分用于缴费", "请银行核查差额资金去向")
        case .e303: (.warning, .tax, .receipt, "贷款渠道缴费未对应任何放款", "请税务核实缴费渠道与合同号")
        case .e304: (.error, .tax, .receipt, "缴费所列合同属于他人", "请税务核实缴费人与合同号")
        case .e305: (.warning, .socialInsurance, .receipt, "贷款缴费基数高于当年最低缴费基数（第八条(一)）", "核实缴费档次")
        case .e401: (.error, .bank, .personMonth, "扣款后养老金低于低保标准（第八条(二)）", "请银行退还超扣部分并调整扣款额")
        case .e402: (.warning, .bank, .transaction, "扣款失败", "请银行告知借款人（附件3第6步）")
        case .e403: (.error, .bank, .transaction, "连续扣款失败", "请银行与借款人联系并制定还款安排")
        case .e404: (.error, .bank, .transaction, "未经同意从基础养老金中扣款", "请银行退还从基础养老金中扣取的部分")
        case .e405: (.error, .bank, .transaction, "养老金发放前或无养老金时的养老金扣款", "请银行核实扣款依据并退还")
        case .e406: (.error, .bank, .drawdown, "多收利息（按实际天数计息，第八条(三)）", "请银行退还多收利息")
        case .e407: (.error, .bank, .transaction, "银行余额与按还款计算的余额不符", "请银行核对借据余额")
        case .e408: (.warning, .bank, .transaction, "扣款账户不是社保卡金融账户（第八条(五)）", "请银行核实扣款账户")
        case .e409: (.warning, .socialInsurance, .drawdown, "借款人已死亡，贷款仍有余额", "从个人账户余额中结清贷款")
        case .e410: (.warning, .finance, .person, "死亡借款人个人账户不足以结清贷款（第八条(四)）", "由财政承担差额")
        case .e501: (.error, .bank, .claimLine, "银行申请贴息多于核定金额", "按核定金额拨付")
        case .e502: (.error, .bank, .claimLine, "银行对不应贴息的借据申请贴息", "不予拨付")
        case .e503: (.info, .bank, .claimLine, "银行申请贴息少于核定金额", "按申请金额拨付；可提示银行")
        case .e504: (.error, .bank, .claimLine, "申请贴息的借据未放款或已冲销", "不予拨付")
        case .e505: (.error, .finance, .claimLine, "已核定的贴息现计算为更低：应追回差额（第九条）", "向银行追回差额")
        case .e601: (.error, .socialInsurance, .drawdown, "居民助保贷款既无子女共同借款人也无担保人", "补充共同借款人或担保人")
        }
    }

    /// What the key of a finding is built from, after its code: the fields of its subject.
    enum Key {
        case file, fileAndIDNumber, uniqueKey, contract, drawdown, receipt, personMonth, transaction, person, claimLine

        var fields: [Finding.Subject.Field] {
            switch self {
            case .file: [.file]
            case .fileAndIDNumber: [.file, .idNumber]
            // The unique key of a record of any kind (E004).
            case .uniqueKey: [.file, .ticketNo, .loanNo, .txnNo, .idNumber]
            case .contract: [.contractNo]
            case .drawdown: [.contractNo, .loanNo]
            case .receipt: [.ticketNo]
            case .personMonth: [.idNumber, .month]
            case .transaction: [.loanNo, .txnNo]
            case .person: [.idNumber]
            case .claimLine: [.loanNo, .year]
            }
        }
    }

    /// Every entry, in catalogue order.
    static let list: [Entry] = ExceptionCode.allCases.map(entry)

    /// Every code, in catalogue order.
    package static var codes: [ExceptionCode] { ExceptionCode.allCases }
}
