/// rules.md §7 E301–E305: what the match of §6 (Matching.swift) says is wrong.
///
/// - E301 (BANK): a drawdown with no receipt after its window: the money did not become a
///   contribution. Amount: the drawdown's amount.
/// - E302 (BANK): a drawdown partly matched after its window. Amount: the shortfall.
/// - E303 (TAX, WARN): a LOAN receipt assigned to no drawdown once its own window has passed
///   (D ≥ PaidOn + W), unless it raises E304. Amount: the receipt's amount.
/// - E304 (TAX): a LOAN receipt names a contract whose borrower is another person. The borrower
///   is whoever's register record as of D holds the contract as the approved loan; failing that,
///   the person named on its drawdowns (not cancelled). Where several people qualify (a data
///   error), the receipt's person being any of them is enough. A contract known to neither raises
///   no E304 (its receipts can still raise E303). E304 does not depend on the window nor on the
///   match: a receipt assigned to a drawdown that names someone else's contract still raises it.
///   Amount: the receipt's amount.
/// - E305 (SI, WARN, ganzhou): a LOAN receipt for insurance 110 whose `Base` is above the minimum
///   base of the year of `PeriodFrom` (第八条(一)); no value for that year, or no `Base`: nothing.
///
/// Only LOAN receipts with status NORMAL that are not reversed raise E303–E305; SELF receipts,
/// reversed receipts and the reversal records themselves raise none.
extension Matching {
    /// E301 and E302 drawdown by drawdown, then E304, E303 and E305 receipt by receipt (in order of
    /// `PaidOn`, then ticketNo), for the codes the profile applies.
    func findings(_ context: ReconcileContext) -> [Finding] {
        let profile = ledger.settings.profile
        return (drawdownFindings + receiptFindings(context)).filter { profile.applies($0.code) }
    }

    /// E301 and E302.
    var drawdownFindings: [Finding] {
        matches.compactMap { match in
            let drawdown = match.drawdown
            let window = "窗口期（\(drawdown.disbursedOn.iso) 至 \(match.windowEnd.iso)）"
            switch match.status {
            case .matched, .pending:
                return nil
            case .unmatched:
                return Finding(code: .e301, subject: .drawdown(drawdown), amount: drawdown.amount, source: drawdown.source,
                               detail: "放款 \(drawdown.amount.yuan) 元，\(window)内无对应的贷款渠道缴费到账")
            case .partlyMatched:
                return Finding(code: .e302, subject: .drawdown(drawdown), amount: match.shortfall, source: drawdown.source,
                               detail: "放款 \(drawdown.amount.yuan) 元，\(window)内到账 \(match.sum.yuan) 元，"
                                   + "差额 \(match.shortfall.yuan) 元")
            }
        }
    }

    /// E304 or else E303, and E305, for each LOAN receipt that takes part.
    func receiptFindings(_ context: ReconcileContext) -> [Finding] {
        let window = ledger.settings.matchWindowDays
        var found: [Finding] = []
        for (index, receipt) in candidates.enumerated() {
            if let finding = otherBorrowerFinding(receipt, context) {
                found.append(finding)
            } else if assignedTo[index] < 0, ledger.asOf >= receipt.paidOn + window {
                let contract = receipt.contractNo.map { "合同 \($0)" } ?? "未列合同"
                found.append(Finding(
                    code: .e303, subject: .receipt(receipt), amount: receipt.amount, source: receipt.source,
                    detail: "贷款渠道缴费 \(receipt.amount.yuan) 元（\(contract)，到账日 \(receipt.paidOn.iso)），到账后 "
                        + "\(window) 天内（至 \((receipt.paidOn + window).iso)）未对应任何同一借款人、同一合同的放款"))
            }
            if let finding = baseFinding(receipt) { found.append(finding) }
        }
        return found
    }

    /// E304: the receipt's contract belongs to another person.
    func otherBorrowerFinding(_ receipt: Receipt, _ context: ReconcileContext) -> Finding? {
        guard let contract = receipt.contractNo else { return nil }
        let key = receipt.keys.contract
        let basis: String
        let held = context.holders(of: key)
        if !held.isEmpty {
            guard !held.contains(where: { $0.person == receipt.keys.person }) else { return nil }
            basis = "截至 \(ledger.asOf.iso) 的参保登记中该合同是他人的核准贷款"
        } else if !key.isNone, key.position < context.drawdownBorrowers.count, !context.drawdownBorrowers[key.position].isEmpty {
            guard !context.drawdownBorrowers[key.position].contains(receipt.keys.person) else { return nil }
            basis = "参保登记中无人以该合同为核准贷款，而该合同的放款记录所列借款人是他人"
        } else {
            return nil  // known to neither: no E304
        }
        return Finding(code: .e304, subject: .receipt(receipt), amount: receipt.amount, source: receipt.source,
                       detail: "贷款渠道缴费 \(receipt.amount.yuan) 元（到账日 \(receipt.paidOn.iso)）所列合同 \(contract) "
                           + "的借款人不是缴费人：\(basis)")
    }

    /// E305: the receipt's base is above the minimum base of the year of `PeriodFrom`.
    func baseFinding(_ receipt: Receipt) -> Finding? {
        guard ledger.settings.profile.applies(.e305), receipt.insuranceType == .employees, let base = receipt.base,
              let minimum = ReconcileContext.minimumBase(ledger.settings, year: receipt.periodFrom.year),
              base > minimum else { return nil }
        return Finding(code: .e305, subject: .receipt(receipt), source: receipt.source,
                       detail: "贷款渠道缴费的缴费基数 \(base.yuan) 元高于 \(receipt.periodFrom.year) 年最低缴费基数 "
                           + "\(minimum.yuan) 元（费款所属期 \(receipt.periodFrom.iso) 至 \(receipt.periodTo.iso)），"
                           + "高出 \((base - minimum).yuan) 元")
    }
}
