/// rules.md §5 and §7, E201–E208 and E601: the checks of each drawdown (借据) on its own —
/// against the register's approved loan, the city's partner banks, the rate cap (§5), the age
/// window (第二条) and the amount caps of 第五条(四).
///
/// - Only drawdowns that are not cancelled take part (rules.md §2): a cancelled drawdown raises
///   nothing and counts in neither the sum of E206 nor the years of E207.
/// - The register is read *as of D* for E201, E208 and E601, and *on the first drawdown's date*
///   for E202 (rules.md §2, §7 "Readings of the table").
/// - A code is produced only where the city's profile applies it (`Profile.applies`).
///
/// This file: the entry point and the checks against the register (E201, E208, E601), the
/// partner banks (E203) and the rate cap (E204). E202 is in DrawdownRules+Eligibility.swift;
/// E205–E207 in DrawdownRules+Amounts.swift; who holds a contract in ReconcileContext+Holders.swift.
///
/// `detail` explains the numbers in Simplified Chinese and never carries an ID number, a name or
/// an account number (outputs.md: logs and human-readable outputs are masked; the detail is shown
/// as it is).
package enum DrawdownRules: RuleFamily {
    /// Every finding of E201–E208 and E601 as of the ledger's date (a context of its own).
    package static func findings(_ ledger: Ledger) -> [Finding] {
        findings(ReconcileContext(ledger: ledger))
    }

    /// Every finding of E201–E208 and E601 as of the context's date, for the codes the profile
    /// applies: E201, E208, E601, E203, E204 drawdown by drawdown (in order of disbursement date,
    /// then loanNo), then E202, E205, E206, E207.
    static func findings(_ context: ReconcileContext) -> [Finding] {
        let ledger = context.ledger
        let profile = ledger.settings.profile
        let live = context.live
        var found: [Finding] = []
        found += registerAndBankFindings(context)
        if profile.applies(.e202) { found += ageWindowFindings(context) }
        if profile.applies(.e205) { found += annualAmountFindings(ledger, live) }
        if profile.applies(.e206) { found += lumpSumFindings(ledger, live) }
        if profile.applies(.e207) { found += overlappingYearFindings(ledger, live) }
        return found.filter { profile.applies($0.code) }
    }

    /// E201, E208, E601, E203 and E204 for each drawdown, in that order.
    static func registerAndBankFindings(_ context: ReconcileContext) -> [Finding] {
        let ledger = context.ledger
        let cap = RateCap(settings: ledger.settings)
        var found: [Finding] = []
        for drawdown in context.live {
            found += approvalFindings(ledger, drawdown)
            if let finding = coBorrowerFinding(context, drawdown) { found.append(finding) }
            if let finding = partnerBankFinding(ledger, drawdown) { found.append(finding) }
            if let finding = rateFinding(cap, drawdown) { found.append(finding) }
        }
        return found
    }

    /// E201: the drawdown's contract is not the approved loan of the drawdown's person in the
    /// register as of D. E208: it is, but the bank differs (never beside E201).
    static func approvalFindings(_ ledger: Ledger, _ drawdown: Drawdown) -> [Finding] {
        let record = ledger.latestRecord(of: drawdown.keys.person)
        let asOf = ledger.asOf.iso
        guard let loan = record?.loan, loan.contractNo == drawdown.contractNo else {
            let why: String
            if record == nil {
                why = "截至 \(asOf) 的参保登记中没有该借款人的记录"
            } else if let loan = record?.loan {
                why = "截至 \(asOf) 的参保登记中该借款人核准贷款的合同为 \(loan.contractNo)，不是放款所列合同 \(drawdown.contractNo)"
            } else {
                why = "截至 \(asOf) 的参保登记中该借款人没有核准的助保贷款"
            }
            return [Finding(code: .e201, subject: .drawdown(drawdown), amount: drawdown.amount,
                            source: drawdown.source, detail: "\(why)；放款 \(drawdown.amount.yuan) 元")]
        }
        guard loan.bankCode != drawdown.bankCode else { return [] }
        let names = ledger.settings.reference.bankNames
        return [Finding(code: .e208, subject: .drawdown(drawdown), source: drawdown.source,
                        detail: "放款银行 \(bankText(drawdown.bankCode, names))与核准贷款（核准号 \(loan.approvalNo)）"
                            + "的银行 \(bankText(loan.bankCode, names))不同")]
    }

    /// E601 (residents' scheme): the drawdown's contract is the approved loan of someone in the
    /// register as of D, and that approved loan has neither a CHILD co-borrower nor a GUARANTOR.
    /// The register record is the drawdown's own person's where it holds the contract, otherwise
    /// the holder with the lowest ID number (a contract held twice is a register error; the
    /// choice only has to be deterministic).
    static func coBorrowerFinding(_ context: ReconcileContext, _ drawdown: Drawdown) -> Finding? {
        let ledger = context.ledger
        guard ledger.settings.profile.applies(.e601),
              let holder = context.holder(of: drawdown.keys.contract, preferring: drawdown.keys.person) else { return nil }
        let relations = holder.loan.coBorrowerRelations
        guard !relations.contains(.child), !relations.contains(.guarantor) else { return nil }
        let listed = relations.isEmpty ? "" : "登记的关系为 \(relations.map(\.rawValue).joined(separator: "、"))，"
        return Finding(code: .e601, subject: .drawdown(drawdown), amount: drawdown.amount, source: drawdown.source,
                       detail: "合同 \(drawdown.contractNo) 是截至 \(ledger.asOf.iso) 参保登记中的核准贷款（核准号 "
                           + "\(holder.loan.approvalNo)），\(listed)既无子女共同借款人（CHILD）也无担保人（GUARANTOR）；"
                           + "本笔放款 \(drawdown.amount.yuan) 元")
    }

    /// E203: the lending bank is not one of the city's partner banks (reference.md).
    static func partnerBankFinding(_ ledger: Ledger, _ drawdown: Drawdown) -> Finding? {
        let settings = ledger.settings
        guard !settings.partnerBanks.contains(drawdown.bankCode) else { return nil }
        let partners = settings.partnerBanks.sorted().joined(separator: "、")
        return Finding(code: .e203, subject: .drawdown(drawdown), amount: drawdown.amount, source: drawdown.source,
                       detail: "放款银行 \(bankText(drawdown.bankCode, settings.reference.bankNames))不是本市（\(settings.region)）"
                           + "的合作银行（\(partners.isEmpty ? "未配置" : partners)）；放款 \(drawdown.amount.yuan) 元")
    }

    /// E204: the contract rate is above the cap of rules.md §5 (`RateCap`): ganzhou the LPR in
    /// force on the disbursement date (1-year up to 5 years, 5-year beyond; the benchmark before
    /// any fixing), tongling the PBoC benchmark for the term. A rate equal to the cap is allowed.
    static func rateFinding(_ cap: RateCap, _ drawdown: Drawdown) -> Finding? {
        let (limit, basis) = cap.cap(disbursedOn: drawdown.disbursedOn, maturesOn: drawdown.maturesOn)
        guard drawdown.rate > limit else { return nil }
        return Finding(code: .e204, subject: .drawdown(drawdown), source: drawdown.source,
                       detail: "合同年利率 \(drawdown.rate.percent)% 高于上限 \(limit.percent)%（\(basis)；放款日 "
                           + "\(drawdown.disbursedOn.iso)，到期日 \(drawdown.maturesOn.iso)）")
    }

    /// `105（建设银行）`, or the bare code when the bank is not in the reference table. Ends without
    /// a space so that it reads in running Chinese text.
    static func bankText(_ code: String, _ names: [String: String]) -> String {
        if let name = names[code] { return "\(code)（\(name)）" }
        return "\(code) "
    }
}
