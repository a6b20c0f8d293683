import ZhubaoSystem

/// The exception catalogue of rules.md §7: severity, owner, what the key is built from, and
/// what the finance staff reading the report should do. Messages are Simplified Chinese.
package enum Catalogue {
    package struct Entry: Sendable {
        package let code: String
        package let severity: Diagnostic.Severity
        /// `sender`, `SI`, `BANK`, `TAX` or `CZ`.
        package let owner: String
        package let keyFields: [Finding.Subject.Field]
        /// What is wrong, in one phrase.
        package let title: String
        /// What to do.
        package let action: String
    }

    package static func entry(_ code: String) -> Entry {
        guard let entry = entries[code] else { preconditionFailure("unknown exception code \(code)") }
        return entry
    }

    package static let drawdownKey: [Finding.Subject.Field] = [.contractNo, .loanNo]
    package static let transactionKey: [Finding.Subject.Field] = [.loanNo, .txnNo]

    static let list: [Entry] = [
        Entry(code: "E001", severity: .error, owner: "sender", keyFields: [.file],
              title: "文件被拒收", action: "按拒收原因更正后以下一个序号重新报送"),
        Entry(code: "E002", severity: .error, owner: "sender", keyFields: [.file],
              title: "同名文件内容不同", action: "更正文件须使用下一个序号；核实两次报送的差异"),
        Entry(code: "E003", severity: .warning, owner: "sender", keyFields: [.file, .idNumber],
              title: "身份证号无效", action: "核对身份证号后重新报送该记录"),
        Entry(code: "E004", severity: .warning, owner: "sender", keyFields: [.file, .ticketNo, .loanNo, .txnNo, .idNumber],
              title: "唯一键重复，记录被忽略", action: "核实是否重复报送；以首次报送的记录为准"),
        Entry(code: "E201", severity: .error, owner: "SI", keyFields: drawdownKey,
              title: "放款无对应的核准贷款", action: "核实参保登记中的贷款核准信息，或请银行说明放款依据"),
        Entry(code: "E202", severity: .error, owner: "SI", keyFields: drawdownKey,
              title: "首笔放款不符合年龄或缴费年限条件（第二条）", action: "复核借款人资格"),
        Entry(code: "E203", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "放款银行不是本市合作银行", action: "请银行说明；非合作银行放款不纳入助保贷款"),
        Entry(code: "E204", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "合同利率高于上限", action: "请银行按上限利率调整并退还多收利息"),
        Entry(code: "E205", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "按年放款金额超过当年灵活就业最低缴费额（第五条(四)）", action: "请银行说明并调整放款金额"),
        Entry(code: "E206", severity: .error, owner: "BANK", keyFields: [.contractNo],
              title: "一次放款合计超过上限（第五条(四)）", action: "请银行说明并调整放款金额"),
        Entry(code: "E207", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "同一合同两笔按年放款覆盖同一年度", action: "请银行核实是否重复放款"),
        Entry(code: "E208", severity: .warning, owner: "BANK", keyFields: drawdownKey,
              title: "放款银行与核准贷款的银行不同", action: "核实借款合同的经办银行"),
        Entry(code: "E301", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "放款后窗口期内无对应缴费到账：资金未用于缴费", action: "请银行核查资金去向（专款专用）"),
        Entry(code: "E302", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "放款仅部分用于缴费", action: "请银行核查差额资金去向"),
        Entry(code: "E303", severity: .warning, owner: "TAX", keyFields: [.ticketNo],
              title: "贷款渠道缴费未对应任何放款", action: "请税务核实缴费渠道与合同号"),
        Entry(code: "E304", severity: .error, owner: "TAX", keyFields: [.ticketNo],
              title: "缴费所列合同属于他人", action: "请税务核实缴费人与合同号"),
        Entry(code: "E305", severity: .warning, owner: "SI", keyFields: [.ticketNo],
              title: "贷款缴费基数高于当年最低缴费基数（第八条(一)）", action: "核实缴费档次"),
        Entry(code: "E401", severity: .error, owner: "BANK", keyFields: [.idNumber, .month],
              title: "扣款后养老金低于低保标准（第八条(二)）", action: "请银行退还超扣部分并调整扣款额"),
        Entry(code: "E402", severity: .warning, owner: "BANK", keyFields: transactionKey,
              title: "扣款失败", action: "请银行告知借款人（附件3第6步）"),
        Entry(code: "E403", severity: .error, owner: "BANK", keyFields: transactionKey,
              title: "连续扣款失败", action: "请银行与借款人联系并制定还款安排"),
        Entry(code: "E404", severity: .error, owner: "BANK", keyFields: transactionKey,
              title: "未经同意从基础养老金中扣款", action: "请银行退还从基础养老金中扣取的部分"),
        Entry(code: "E405", severity: .error, owner: "BANK", keyFields: transactionKey,
              title: "养老金发放前或无养老金时的养老金扣款", action: "请银行核实扣款依据并退还"),
        Entry(code: "E406", severity: .error, owner: "BANK", keyFields: drawdownKey,
              title: "多收利息（按实际天数计息，第八条(三)）", action: "请银行退还多收利息"),
        Entry(code: "E407", severity: .error, owner: "BANK", keyFields: transactionKey,
              title: "银行余额与按还款计算的余额不符", action: "请银行核对借据余额"),
        Entry(code: "E408", severity: .warning, owner: "BANK", keyFields: transactionKey,
              title: "扣款账户不是社保卡金融账户（第八条(五)）", action: "请银行核实扣款账户"),
        Entry(code: "E409", severity: .warning, owner: "SI", keyFields: drawdownKey,
              title: "借款人已死亡，贷款仍有余额", action: "从个人账户余额中结清贷款"),
        Entry(code: "E410", severity: .warning, owner: "CZ", keyFields: [.idNumber],
              title: "死亡借款人个人账户不足以结清贷款（第八条(四)）", action: "由财政承担差额"),
        Entry(code: "E501", severity: .error, owner: "BANK", keyFields: [.loanNo, .year],
              title: "银行申请贴息多于核定金额", action: "按核定金额拨付"),
        Entry(code: "E502", severity: .error, owner: "BANK", keyFields: [.loanNo, .year],
              title: "银行对不应贴息的借据申请贴息", action: "不予拨付"),
        Entry(code: "E503", severity: .info, owner: "BANK", keyFields: [.loanNo, .year],
              title: "银行申请贴息少于核定金额", action: "按申请金额拨付；可提示银行"),
        Entry(code: "E504", severity: .error, owner: "BANK", keyFields: [.loanNo, .year],
              title: "申请贴息的借据未放款或已冲销", action: "不予拨付"),
        Entry(code: "E505", severity: .error, owner: "CZ", keyFields: [.loanNo, .year],
              title: "已核定的贴息现计算为更低：应追回差额（第九条）", action: "向银行追回差额"),
        Entry(code: "E601", severity: .error, owner: "SI", keyFields: drawdownKey,
              title: "居民助保贷款既无子女共同借款人也无担保人", action: "补充共同借款人或担保人"),
    ]

    static let entries: [String: Entry] = Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })

    /// Every code, in catalogue order.
    package static var codes: [String] { list.map(\.code) }
}
