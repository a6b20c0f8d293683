import ZhubaoCore

/// Contract numbering, drawdown lines (DISB) and the contribution receipts that match them.
extension GenWorld {
    /// Contract and approval numbers in order of approval, per bank (or county) and year.
    func numberContracts() {
        var contractCounters: [String: Int] = [:], approvalCounters: [String: Int] = [:]
        let order = borrowers.indices.sorted { (borrowers[$0].approvedOn, $0) < (borrowers[$1].approvedOn, $1) }
        for i in order {
            let year = String(borrowers[i].approvedOn.year)
            let contractKey = borrowers[i].bank + year, approvalKey = borrowers[i].person.county + year
            contractCounters[contractKey, default: 0] += 1
            approvalCounters[approvalKey, default: 0] += 1
            borrowers[i].contractNo = "\(profile.contractPrefix)\(borrowers[i].bank)-\(year)-"
                + String(contractCounters[contractKey]!).genPadded(6)
            borrowers[i].approvalNo = "ZB\(borrowers[i].person.county)\(year)" + String(approvalCounters[approvalKey]!).genPadded(6)
        }
    }

    func makeDrawdowns(_ b: inout GenBorrower) {
        var number = 0
        func loanNo() -> String { number += 1; return b.contractNo + "-" + String(number).genPadded(2) }
        for (planIndex, planned) in b.plan.enumerated() {
            var date = planned.date
            let cap = city.cap(disbursed: date, matures: planned.maturesOn)
            var drawdown = GenDrawdown(loanNo: "", contractNo: b.contractNo, bank: b.bank, idNumber: b.person.idNumber,
                                       name: b.person.name, annual: b.annual, amount: planned.amount,
                                       rate: min(planned.rate, cap), disbursedOn: date, maturesOn: planned.maturesOn,
                                       coverFrom: planned.coverFrom, coverTo: planned.coverTo,
                                       account: planned.toSSC ? b.ssc : collectionAccount, planIndex: planIndex)
            if planned.cancelledAndRedone {
                var cancelled = drawdown
                cancelled.loanNo = loanNo()
                date = GenCalendar.businessDay(onOrAfter: date + 1)
                cancelled.cancelledOn = date
                b.drawdowns.append(cancelled)
                drawdown.disbursedOn = date
                drawdown.rate = min(planned.rate, city.cap(disbursed: date, matures: planned.maturesOn))
            }
            drawdown.loanNo = loanNo()
            b.drawdowns.append(drawdown)
        }
        b.ledgers = b.drawdowns.map { GenLedger(amount: $0.amount, start: $0.disbursedOn, rate: $0.rate) }
        applyDrawdownFault(&b)
    }

    /// Index of the drawdown a per-drawdown fault touches: the first live one.
    func target(_ b: GenBorrower) -> Int { b.drawdowns.firstIndex(where: \.isLive)! }

    func disbKey(_ d: GenDrawdown, cancel: Bool = false) -> GenFileKey {
        GenFileKey(sender: "B" + d.bank, kind: .disbursements, date: cancel ? d.cancelledOn! : d.disbursedOn)
    }

    func makeReceipts(_ b: inout GenBorrower, rng: inout GenRandom) {
        for (index, drawdown) in b.drawdowns.enumerated() where drawdown.isLive {
            var pieces = b.plan[drawdown.planIndex].pieces
            if !adjustReceiptPieces(&b, drawdown: index, pieces: &pieces) { continue }
            let paidOn = drawdown.disbursedOn + (rng.chance(700) ? 0 : rng.int(1, 2))
            let reissue = rng.chance(30) && b.fault == nil
            for (n, piece) in pieces.enumerated() {
                let receipt = loanReceipt(b, drawdown, piece, paidOn: paidOn, rng: &rng)
                guard reissue, n == 0 else { b.receipts.append(receipt); continue }
                // Sent, reversed the next day (冲正), and sent again.
                var reversal = receipt
                reversal.ticketNo = nextTicket(paidOn + 1)
                reversal.paid.amount = -receipt.paid.amount
                reversal.reverses = receipt.ticketNo
                reversal.paidOn = paidOn + 1
                reversal.fileDate = paidOn + 1
                var again = loanReceipt(b, drawdown, piece, paidOn: paidOn + 1, rng: &rng)
                again.fileDate = paidOn + 1
                b.receipts += [receipt, reversal, again]
            }
        }
        if b.selfPays { makeSelfReceipt(&b, rng: &rng) }
        addReceiptFaults(&b, rng: &rng)
    }

    func loanReceipt(_ b: GenBorrower, _ d: GenDrawdown, _ piece: GenPlannedDrawdown.Piece, paidOn: Day,
                     rng: inout GenRandom) -> GenReceipt {
        GenReceipt(ticketNo: nextTicket(paidOn), idNumber: b.person.idNumber, name: b.person.name,
                   insuranceType: b.insuranceType, paid: piece,
                   paidOn: paidOn, loan: true, contractNo: d.contractNo,
                   bankCode: d.bank, fileDate: min(to, paidOn + (rng.chance(100) ? 1 : 0)))
    }

    /// A contribution the person paid themselves (SELF), now and then reversed.
    func makeSelfReceipt(_ b: inout GenBorrower, rng: inout GenRandom) {
        let paidOn = from + rng.below(to - from - 2)
        let year = paidOn.year
        let months = rng.int(3, 12)
        var base: Fen? = nil, amount: Fen
        if profile.isGanzhou {
            let chosen = GenCalendar.scale(city.minimumBase(year), Int64(rng.pick([100, 100, 120, 150])), 100)
            base = Fen(chosen.value / 100 * 100)
            amount = Fen(base!.value * 20 * Int64(months) / 100)
        } else {
            amount = rng.weighted(Profile.residentTiers)
        }
        let receipt = GenReceipt(ticketNo: nextTicket(paidOn), idNumber: b.person.idNumber, name: b.person.name,
                                 insuranceType: b.insuranceType,
                                 paid: GenContribution(periodFrom: YearMonth(year: year, month: 1)!,
                                                       periodTo: YearMonth(year: year, month: profile.isGanzhou ? months : 12)!,
                                                       base: base, amount: amount),
                                 paidOn: paidOn, loan: false, fileDate: paidOn)
        b.receipts.append(receipt)
        if rng.chance(80) {
            var reversal = receipt
            reversal.ticketNo = nextTicket(paidOn + 1)
            reversal.paid.amount = -amount
            reversal.reverses = receipt.ticketNo
            reversal.paidOn = paidOn + 1
            reversal.fileDate = paidOn + 1
            b.receipts.append(reversal)
        }
    }
}
