import ZhubaoCore

/// Record-level faults: a repeated key (E004) and an invalid ID number (E003). The repeated
/// record is an exact copy, so ignoring it (the first stands) changes nothing else.
extension GenWorld {
    func injectRecordFaults(_ faults: [GenFault], into buckets: inout GenBuckets) {
        var rng = rng("record-faults")
        for fault in faults {
            let clean = borrowers.indices.filter { borrowers[$0].fault == nil }
            var done = false
            switch fault {
            case .duplicateTicket:
                let reversed = Set(borrowers.flatMap(\.receipts).compactMap(\.reverses))
                let standing = { (r: GenReceipt) in r.loan && r.reverses == nil && !reversed.contains(r.ticketNo) }
                let candidates = clean.filter { borrowers[$0].receipts.contains(where: standing) }
                if let i = candidates.isEmpty ? nil : rng.pick(candidates) {
                    let receipt = borrowers[i].receipts.first(where: standing)!
                    let key = later(tKey(receipt), in: Array(buckets.receipts.keys))
                    buckets.receipts[key]!.append(receipt)
                    record(fault, code: .e004, key: key, idNumber: receipt.idNumber, ticketNo: receipt.ticketNo)
                    borrowers[i].fault = fault; done = true
                }
            case .duplicateLoan:
                let candidates = clean.filter { borrowers[$0].drawdowns.contains(where: \.isLive) }
                if let i = candidates.isEmpty ? nil : rng.pick(candidates) {
                    let d = borrowers[i].drawdowns.first(where: \.isLive)!
                    let key = later(disbKey(d), in: buckets.disbursements.keys.filter { $0.sender == "B" + d.bank })
                    buckets.disbursements[key]!.append((d, false))
                    record(fault, code: .e004, key: key, idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo)
                    borrowers[i].fault = fault; done = true
                }
            case .duplicateTxn:
                let candidates = clean.filter { !borrowers[$0].transactions.isEmpty }
                if let i = candidates.isEmpty ? nil : rng.pick(candidates) {
                    let t = borrowers[i].transactions[rng.below(borrowers[i].transactions.count)]
                    let key = later(dKey(t), in: buckets.deductions.keys.filter { $0.sender == "B" + t.bank })
                    buckets.deductions[key]!.append(t)
                    record(fault, code: .e004, key: key, idNumber: t.idNumber, contractNo: t.contractNo, loanNo: t.loanNo, txnNo: t.txnNo)
                    borrowers[i].fault = fault; done = true
                }
            case .duplicateParticipant:
                let candidates = clean.filter { !borrowers[$0].register.isEmpty }
                if let i = candidates.isEmpty ? nil : rng.pick(candidates) {
                    let p = borrowers[i].register[rng.below(borrowers[i].register.count)]
                    buckets.participants[pKey(p)]!.append(p)
                    record(fault, code: .e004, key: pKey(p), idNumber: p.person.idNumber)
                    borrowers[i].fault = fault; done = true
                }
            case .invalidID:
                done = injectInvalidID(into: &buckets, rng: &rng)
            default: break
            }
            if !done { unplaced.append(fault.rawValue) }
        }
    }

    /// The first file of the same sender and kind after `key`, else `key` itself.
    func later(_ key: GenFileKey, in keys: [GenFileKey]) -> GenFileKey {
        keys.filter { $0.sender == key.sender && $0.kind == key.kind && $0.date > key.date }.min() ?? key
    }

    /// A SELF receipt or a hardship row whose ID number has a wrong check character.
    func injectInvalidID(into buckets: inout GenBuckets, rng: inout GenRandom) -> Bool {
        let birth = GenCalendar.day(rng.int(1955, 1990), rng.int(1, 12), rng.int(1, 28))
        let person = people.person(born: birth, male: rng.chance(500), rng: &rng)
        let id = GenPeople.corrupted(person.idNumber)
        let hardshipKeys = buckets.hardship.keys.sorted()
        if rng.chance(500) || hardshipKeys.isEmpty {
            let keys = buckets.receipts.keys.sorted()
            guard !keys.isEmpty else { return false }
            let key = rng.pick(keys)
            let year = key.date.year
            let base: Fen? = profile.isGanzhou ? city.minimumBase(year) : nil
            let amount = base.map { Fen($0.value * 20 * 3 / 100) } ?? Fen(50_000)
            let receipt = GenReceipt(ticketNo: nextTicket(key.date), idNumber: id, name: person.name,
                                     insuranceType: profile.insuranceType,
                                     paid: GenContribution(periodFrom: YearMonth(year: year, month: 1)!,
                                                           periodTo: YearMonth(year: year, month: 3)!, base: base, amount: amount),
                                     paidOn: key.date, loan: false, fileDate: key.date)
            buckets.receipts[key]!.append(receipt)
            record(.invalidID, code: .e003, key: key, idNumber: id, ticketNo: receipt.ticketNo)
        } else {
            let key = rng.pick(hardshipKeys)
            let department = buckets.hardship[key]!
            extraHardshipRows[key, default: []].append(GenHardshipRow(
                idNumber: id, name: person.name, category: rng.weighted(department.categories), county: person.county,
                certifiedOn: key.date - rng.int(5, 300), dateStyle: department.preferredDateStyle))
            record(.invalidID, code: .e003, key: key, idNumber: id)
        }
        return true
    }
}
