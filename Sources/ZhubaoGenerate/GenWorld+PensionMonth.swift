import ZhubaoCore

/// One month of pension deductions for a borrower, with the deduction faults (E401–E408)
/// and the end of a borrower who died (E409, E410).
extension GenWorld {
    /// `month` counts the pension months from 0; -1 is a deduction before the pension start.
    func pensionMonth(_ b: inout GenBorrower, day: Day, month: Int, margin: Fen, rng: inout GenRandom) {
        let fault = b.fault, t = target(b)
        let basic = b.pensionBasic ?? .zero
        var budget = capacity(b, year: day.year, margin: margin)
        var onlyTarget = month == -1, liftCap = false
        if month == 0, fault == .subsistenceBreach { budget = b.pensionMonthly - city.subsistence(day.year) + Fen(5_000); liftCap = true }
        if month == 0, fault == .basicPensionTaken { budget = b.pensionMonthly - basic + Fen(2_000); liftCap = true; onlyTarget = true }
        let failing = fault == .deductionFailed ? [1] : fault == .failedThree ? [1, 2, 3] : []
        var lines: [Int] = []
        for i in b.drawdowns.indices where b.drawdowns[i].isLive && (!onlyTarget || i == t) {
            let d = b.drawdowns[i]
            guard d.disbursedOn < day, b.ledgers[i].outstanding.value > 0, budget.value > 0 else { continue }
            let interest = min(budget, unpaidInterest(b, i, before: day))
            let cap = liftCap ? b.ledgers[i].outstanding : min(b.ledgers[i].outstanding, installment(d))
            let principal = max(.zero, min(cap, budget - interest))
            let due = principal + interest
            guard due.value > 0 else { continue }
            if i == t, failing.contains(month) {
                let n = book(&b, i, .pension, day: day, due: due, principal: .zero, interest: .zero, result: .failed)
                let txn = b.transactions[n]
                record(fault!, code: .e402, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                       loanNo: txn.loanNo, txnNo: txn.txnNo, amount: due)
                if fault == .failedThree, month == 3 {
                    record(fault!, code: .e403, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                           loanNo: txn.loanNo, txnNo: txn.txnNo, amount: due)
                }
                continue
            }
            var collected = (principal, interest), result = GenTransaction.Result.success
            if fault == nil, rng.chance(10) {
                collected = (Fen(principal.value / 2), Fen(interest.value / 2))
                result = .partly
            }
            let wrongAccount = i == t && month == 1 && fault == .wrongAccount
            let account = wrongAccount ? GenPeople.cardNumber(bank: b.bank, rng: &rng) : nil
            let n = book(&b, i, .pension, day: day, due: due, principal: collected.0, interest: collected.1,
                         result: result, account: account)
            let txn = b.transactions[n]
            if wrongAccount {
                record(.wrongAccount, code: .e408, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                       loanNo: txn.loanNo, txnNo: txn.txnNo)
            }
            if i == t, month == 1, fault == .balanceWrong {
                b.transactions[n].balanceAfter += Fen(10_000)
                record(.balanceWrong, code: .e407, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                       loanNo: txn.loanNo, txnNo: txn.txnNo, amount: Fen(10_000))
            }
            budget -= collected.0 + collected.1
            lines.append(n)
        }
        let taken = lines.reduce(Fen.zero) { $0 + b.transactions[$1].principal + b.transactions[$1].interest }
        if month == 0, fault == .subsistenceBreach {
            let shortfall = city.subsistence(day.year) - (b.pensionMonthly - taken)
            if shortfall.value > 0, (2021...2026).contains(day.year), let first = lines.first {
                record(.subsistenceBreach, code: .e401, key: dKey(b.transactions[first]), idNumber: b.person.idNumber,
                       month: day.month, amount: shortfall)
            } else { unplaced.append(GenFault.subsistenceBreach.rawValue) }
        }
        if month == 0, fault == .basicPensionTaken {
            let excess = taken - (b.pensionMonthly - basic)
            if excess.value > 0, let first = lines.first {
                let txn = b.transactions[first]
                record(.basicPensionTaken, code: .e404, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                       loanNo: txn.loanNo, txnNo: txn.txnNo, amount: excess)
            } else { unplaced.append(GenFault.basicPensionTaken.rawValue) }
        }
        if month == -1, let first = lines.first {
            let txn = b.transactions[first]
            record(.deductionBeforePension, code: .e405, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                   loanNo: txn.loanNo, txnNo: txn.txnNo, amount: txn.principal + txn.interest)
        }
    }

    /// Personal-account balance at death; for the death faults, the balances left unsettled.
    func finishDeath(_ b: inout GenBorrower, rng: inout GenRandom) {
        guard b.death != nil else { return }
        let settled = b.transactions.filter { $0.kind == .death }.reduce(Fen.zero) { $0 + $1.due }
        guard b.fault == .deathUnsettled || b.fault == .deathShortfall, let fault = b.fault else {
            b.personalAccount = settled + Fen(Int64(rng.int(5_000, 20_000)) * 100)
            return
        }
        var total = Fen.zero
        if b.drawdowns.indices.allSatisfy({ !b.drawdowns[$0].isLive || b.ledgers[$0].outstanding.value == 0 }) {
            unplaced.append(fault.rawValue)
            return
        }
        for (i, d) in b.drawdowns.enumerated() where d.isLive && b.ledgers[i].outstanding.value > 0 {
            total += b.ledgers[i].outstanding
            record(fault, code: .e409, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo,
                   loanNo: d.loanNo, amount: b.ledgers[i].outstanding)
        }
        guard fault == .deathShortfall else { b.personalAccount = total + Fen(100_000); return }
        b.personalAccount = rng.chance(500) ? nil : Fen(50_000)
        let shortfall = total - (b.personalAccount ?? .zero)
        record(fault, code: .e410, key: GenFileKey(sender: "SI", kind: .participants, date: b.deathReportedOn!),
               idNumber: b.person.idNumber, amount: shortfall)
    }
}
