/// E404, E405 and E408 (rules.md §7): pension deductions read against the register.
extension DeductionRules.Context {
    /// E404 (tongling-2022): a pension deduction that takes from the basic pension (基础养老金)
    /// without the borrower's `BasicPensionConsent`:
    /// principal + interest > pension − basicPension.
    ///
    /// - Kind-P lines with result S or P only; a line with no `pension` raises nothing; a
    ///   missing `basicPension` counts as 0 ("Readings of the table").
    /// - The consent is read from the register *on the deduction's date* (rules.md §2): the
    ///   latest extract with `AsOf` on or before `txnDate`, none that old: the first. No
    ///   register record, or no approved loan in it, is no consent.
    /// - Amount, "the part taken from the basic pension": the excess
    ///   (principal + interest) − (pension − basicPension), capped at the basic pension (money
    ///   collected beyond the whole credited pension did not come out of the basic pension) and
    ///   at what was collected, never below 0.00. So a line whose deduction exceeds the whole
    ///   pension while no `basicPension` is stated raises E404 with 0.00: the table's condition
    ///   holds, and the message shows the numbers for the bank to complete.
    func basicPensionTaken() -> [Finding] {
        var found: [Finding] = []
        let transactions = transactions
        for (index, person) in zip(pensionDeductions, pensionPersons) where transactions[index].collected {
            // The line's own figures first: most lines stay within the pension, and no register is read.
            guard let pension = transactions[index].pension else { continue }
            let basic = transactions[index].basicPension ?? .zero
            let available = pension - basic
            let taken = DeductionRules.collected(transactions[index])
            guard taken > available else { continue }
            let line = transactions[index]
            let record = ledger.record(of: person, on: line.txnDate)
            guard record?.loan?.basicPensionConsent != true else { continue }
            let fromBasic = max(.zero, min(taken - available, basic, taken))
            let basicText = line.basicPension == nil ? "未报送基础养老金，按 0.00 元计" : "其中基础养老金 \(basic.yuan) 元"
            let consentText = record.map { "\($0.asOf.iso) 参保登记未记载借款人同意从基础养老金扣款" } ?? "参保登记中无该借款人"
            found.append(Finding(
                code: .e404, subject: .transaction(line), amount: fromBasic, source: line.source,
                detail: "\(line.txnDate.iso) 扣款本息 \(taken.yuan) 元，养老金 \(pension.yuan) 元（\(basicText)），"
                    + "基础养老金以外部分 \(available.yuan) 元，超出 \((taken - available).yuan) 元，"
                    + "动用基础养老金 \(fromBasic.yuan) 元；\(consentText)"))
        }
        return found
    }

    /// E405: a pension deduction (kind P, whatever its result) dated before the pension start,
    /// or with no pension in the register.
    ///
    /// - The pension and its start are read from the register *as of D* (rules.md §2): the
    ///   person's latest record. No record at all is "no pension in the register".
    /// - The pension start is the first day of `Pension/StartMonth`; a deduction on that day is
    ///   not before it.
    /// - Amount: principal + interest, so 0.00 for a failed line.
    func deductionsWithoutPension() -> [Finding] {
        var found: [Finding] = []
        let transactions = transactions
        for (index, person) in zip(pensionDeductions, pensionPersons) {
            let extracts = ledger.register[person]
            let reason: String
            if let latest = extracts.indices.last, let pension = extracts[latest].pension {
                guard transactions[index].txnDate < pension.start else { continue }
                reason = "早于参保登记的养老金起始日 \(pension.start.iso)"
            } else {
                reason = "参保登记中无养老金待遇信息"
            }
            let line = transactions[index]
            let taken = DeductionRules.collected(line)
            let outcome = "\(DeductionRules.resultName(line.result))，扣得本息 \(taken.yuan) 元"
            found.append(Finding(code: .e405, subject: .transaction(line), amount: taken, source: line.source,
                                 detail: "\(line.txnDate.iso) 养老金扣款\(reason)（\(outcome)）"))
        }
        return found
    }

    /// E408 (WARN, 第八条(五)): a pension deduction (kind P, whatever its result) debiting an
    /// account other than the register's `SscAccount` *on the deduction's date* (rules.md §2).
    /// No register record for the person: nothing to compare, nothing raised (E405 reports the
    /// missing pension). No amount. The message names no account number, not even masked.
    func wrongAccounts() -> [Finding] {
        var found: [Finding] = []
        let transactions = transactions
        for (index, person) in zip(pensionDeductions, pensionPersons) {
            guard let (extracts, position) = ledger.recordPosition(of: person, on: transactions[index].txnDate),
                  transactions[index].account != extracts[position].sscAccount else { continue }
            let line = transactions[index], record = extracts[position]
            found.append(Finding(
                code: .e408, subject: .transaction(line), source: line.source,
                detail: "\(line.txnDate.iso) 养老金扣款的扣款账户不是 \(record.asOf.iso) 参保登记的社保卡金融账户"))
        }
        return found
    }
}
