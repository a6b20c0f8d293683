import ZhubaoCore

/// Repayments (DEDU): monthly pension deductions within what the rules allow, voluntary
/// repayments, early payoffs and settlements after death, with interest for the actual days
/// (积数, rules.md §2) and balances as the bank's books keep them.
extension GenWorld {
    enum Event: Comparable {
        case early(Day), pension(Day, month: Int), voluntary(Day), payoff(Day), settlement(Day)
        var day: Day {
            switch self {
            case .early(let d), .pension(let d, _), .voluntary(let d), .payoff(let d), .settlement(let d): return d
            }
        }
        static func < (l: Event, r: Event) -> Bool { l.day < r.day }
    }

    func makeTransactions(_ b: inout GenBorrower, rng: inout GenRandom) {
        var events: [Event] = []
        if let start = b.pensionStart {
            var month = start, index = 0
            while GenCalendar.day(month.year, month.month, 10) <= to {
                let day = GenCalendar.day(month.year, month.month, 10)
                if let death = b.death, day >= death { break }
                events.append(.pension(day, month: index))
                index += 1
                month = GenCalendar.add(months: 1, to: month)
            }
            if b.fault == .deductionBeforePension, let startDay = b.pensionStartDay {
                let day = startDay - rng.int(1, 5)
                if day > b.drawdowns[target(b)].disbursedOn { events.append(.early(day)) } else { unplaced.append("deduction-before-pension") }
            }
        }
        func shifted(_ day: Day) -> Day { day.components.day == 10 ? day + 1 : day }
        if let day = b.voluntaryOn { events.append(.voluntary(shifted(day))) }
        if let day = b.payoffOn { events.append(.payoff(shifted(day))) }
        if let death = b.death, b.fault != .deathUnsettled, b.fault != .deathShortfall {
            events.append(.settlement(min(to, death + rng.int(5, 25))))
        }
        let margin = Fen(Int64(rng.int(0, 100)) * 100)
        for event in events.sorted() {
            switch event {
            case .pension(let day, let month): pensionMonth(&b, day: day, month: month, margin: margin, rng: &rng)
            case .early(let day): pensionMonth(&b, day: day, month: -1, margin: margin, rng: &rng)
            case .voluntary(let day): single(&b, .voluntary, day: day, rng: &rng)
            case .payoff(let day): single(&b, .early, day: day, rng: &rng)
            case .settlement(let day):
                for i in b.drawdowns.indices where b.drawdowns[i].isLive { settle(&b, i, .death, day: day) }
            }
        }
        finishDeath(&b, rng: &rng)
    }

    /// Interest the bank may collect through day t: for the days not subsidised before t.
    /// For a borrower ever certified (ganzhou) only days from the pension start on are counted,
    /// which never exceeds what is owed, whatever the lists said.
    func unpaidInterest(_ b: GenBorrower, _ i: Int, before day: Day) -> Fen {
        let ledger = b.ledgers[i]
        var start = ledger.start
        if profile.subsidisesInterest, b.everCertified { start = max(start, b.pensionStartDay ?? day) }
        return ledger.interest(from: start, until: day) - ledger.collectedInterest
    }

    func capacity(_ b: GenBorrower, year: Int, margin: Fen) -> Fen {
        if profile.isGanzhou { return max(.zero, b.pensionMonthly - city.subsistence(year) - margin) }
        return b.consent == true ? b.pensionMonthly - Fen(3_000) : b.pensionMonthly - (b.pensionBasic ?? .zero)
    }

    func installment(_ d: GenDrawdown) -> Fen {
        let months: Int64 = profile.isGanzhou ? 36 : 24
        return Fen(max(10_000, (d.amount.value / months + 99) / 100 * 100))
    }

    /// Appends one transaction and books it.
    @discardableResult
    func book(_ b: inout GenBorrower, _ i: Int, _ kind: GenTransaction.Kind, day: Day, due: Fen, principal: Fen,
              interest: Fen, result: GenTransaction.Result = .success, account: String? = nil) -> Int {
        b.ledgers[i].collect(principal: principal, interest: interest, on: day)
        let d = b.drawdowns[i]
        let isPension = kind == .pension
        b.transactions.append(GenTransaction(
            txnNo: nextTxn(bank: d.bank, day), bank: d.bank, loanNo: d.loanNo, contractNo: d.contractNo,
            idNumber: d.idNumber, name: d.name, date: day, kind: kind, due: due, principal: principal,
            interest: interest, result: result, pension: isPension ? b.pensionMonthly : nil,
            basicPension: isPension ? b.pensionBasic : nil, balanceAfter: b.ledgers[i].outstanding,
            account: account ?? b.ssc))
        return b.transactions.count - 1
    }

    func single(_ b: inout GenBorrower, _ kind: GenTransaction.Kind, day: Day, rng: inout GenRandom) {
        guard let i = b.drawdowns.indices.first(where: {
            b.drawdowns[$0].isLive && b.drawdowns[$0].disbursedOn < day && b.ledgers[$0].outstanding.value > 0
        }) else { return }
        if kind == .early {
            let extra = b.fault == .interestOvercharged ? Fen(Int64(rng.int(30, 90)) * 100) : .zero
            settle(&b, i, .early, day: day, extra: extra)
            return
        }
        let principal = Fen(min(b.ledgers[i].outstanding.value - 10_000, Int64(rng.int(10, 30)) * 10_000))
        guard principal.value > 0 else { return }
        let interest = unpaidInterest(b, i, before: day)
        let account = rng.chance(500) ? b.ssc : GenPeople.cardNumber(bank: b.bank, rng: &rng)
        book(&b, i, .voluntary, day: day, due: principal + interest, principal: principal, interest: interest, account: account)
    }

    /// Pays a drawdown off: the whole balance and the interest for the actual days.
    func settle(_ b: inout GenBorrower, _ i: Int, _ kind: GenTransaction.Kind, day: Day, extra: Fen = .zero) {
        let principal = b.ledgers[i].outstanding
        guard principal.value > 0, b.drawdowns[i].disbursedOn < day else { return }
        let interest = unpaidInterest(b, i, before: day) + extra
        let t = book(&b, i, kind, day: day, due: principal + interest, principal: principal, interest: interest)
        if extra.value > 0, let fault = b.fault {
            let txn = b.transactions[t]
            record(fault, code: .e406, key: dKey(txn), idNumber: txn.idNumber, contractNo: txn.contractNo,
                   loanNo: txn.loanNo, txnNo: txn.txnNo, amount: extra)
        }
    }

    func dKey(_ txn: GenTransaction) -> GenFileKey { GenFileKey(sender: "B" + txn.bank, kind: .deductions, date: txn.date) }
}
