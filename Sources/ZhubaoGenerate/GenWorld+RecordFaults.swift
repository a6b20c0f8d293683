import ZhubaoCore

/// Record-level faults: a repeated key (E004) and an invalid ID number (E003). The repeated
/// record is an exact copy, so ignoring it (the first stands) changes nothing else.
extension GenWorld {
    func injectRecordFaults(_ faults: [GenFault], into buckets: inout GenBuckets) {
        var rng = rng("record-faults")
        // The candidates of each kind: the clean borrowers that qualify. What qualifies does not
        // change here; only the borrowers that take a fault leave every pool.
        let clean = borrowers.indices.filter { borrowers[$0].fault == nil }
        let kinds = Set(faults)
        let reversed = kinds.contains(.duplicateTicket) ? Set(borrowers.flatMap(\.receipts).compactMap(\.reverses)) : []
        let standing = { (r: GenReceipt) in r.loan && r.reverses == nil && !reversed.contains(r.ticketNo) }
        let qualifies: [GenFault: (GenBorrower) -> Bool] = [
            .duplicateTicket: { $0.receipts.contains(where: standing) },
            .duplicateLoan: { $0.drawdowns.contains(where: \.isLive) },
            .duplicateTxn: { !$0.transactions.isEmpty },
            .duplicateParticipant: { !$0.register.isEmpty },
        ]
        var pools: [GenFault: GenCandidates] = [:]
        for (kind, test) in qualifies where kinds.contains(kind) {
            pools[kind] = GenCandidates(clean.filter { test(borrowers[$0]) })
        }
        func pick(_ kind: GenFault) -> Int? {
            guard let pool = pools[kind], pool.count > 0 else { return nil }
            return pool.borrower(at: rng.below(pool.count))
        }
        func mark(_ i: Int, _ fault: GenFault) {
            borrowers[i].fault = fault
            for kind in pools.keys { pools[kind]!.remove(i) }
        }
        for fault in faults {
            var done = false
            switch fault {
            case .duplicateTicket:
                if let i = pick(fault) {
                    let receipt = borrowers[i].receipts.first(where: standing)!
                    let key = later(tKey(receipt), in: Array(buckets.receipts.keys))
                    buckets.receipts[key]!.append(receipt)
                    record(fault, code: .e004, key: key, idNumber: receipt.idNumber, ticketNo: receipt.ticketNo)
                    mark(i, fault); done = true
                }
            case .duplicateLoan:
                if let i = pick(fault) {
                    let d = borrowers[i].drawdowns.first(where: \.isLive)!
                    let key = later(disbKey(d), in: buckets.disbursements.keys.filter { $0.sender == "B" + d.bank })
                    buckets.disbursements[key]!.append((d, false))
                    record(fault, code: .e004, key: key, idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo)
                    mark(i, fault); done = true
                }
            case .duplicateTxn:
                if let i = pick(fault) {
                    let t = borrowers[i].transactions[rng.below(borrowers[i].transactions.count)]
                    let key = later(dKey(t), in: buckets.deductions.keys.filter { $0.sender == "B" + t.bank })
                    buckets.deductions[key]!.append(t)
                    record(fault, code: .e004, key: key, idNumber: t.idNumber, contractNo: t.contractNo, loanNo: t.loanNo, txnNo: t.txnNo)
                    mark(i, fault); done = true
                }
            case .duplicateParticipant:
                if let i = pick(fault) {
                    let p = borrowers[i].register[rng.below(borrowers[i].register.count)]
                    buckets.participants[pKey(p)]!.append(p)
                    record(fault, code: .e004, key: pKey(p), idNumber: p.person.idNumber)
                    mark(i, fault); done = true
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
