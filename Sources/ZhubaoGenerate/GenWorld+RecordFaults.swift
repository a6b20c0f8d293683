import ZhubaoCore

// Record-level faults: a repeated key (E004) and an invalid ID number (E003). The repeated
// record is an exact copy, so ignoring it (the first stands) changes nothing else.

/// A record fault as given out, in the order given: a borrower's record sent again in a later
/// file (found when the records are made again: `capture`), or a record of its own, ready.
enum GenRecordFaultStep {
    /// `pick`: which of the borrower's transactions or register records.
    case duplicate(GenFault, borrower: Int, pick: Int)
    case ready(GenPendingFault, GenFileKey?, GenRecord?)
}

extension GenWorld {
    /// Gives out the record faults over the census: which borrower's which record each repeats
    /// (E004), or the record with an invalid ID number it adds (E003). The borrowers chosen keep
    /// their plans: their records are made again unchanged, the copy is added beside them.
    func giveOutRecordFaults(_ faults: [GenFault], census: GenCensus) -> [GenRecordFaultStep] {
        var rng = rng("record-faults")
        // The candidates of each kind: the clean borrowers that qualify. What qualifies does not
        // change here; only the borrowers that take a fault leave every pool.
        let clean = borrowers.indices.filter { borrowers[$0].fault == nil }
        let kinds = Set(faults)
        let qualifies: [GenFault: (GenRecordOffer) -> Bool] = [
            .duplicateTicket: \.standingReceipt, .duplicateLoan: \.liveDrawdown,
            .duplicateTxn: { $0.transactions > 0 }, .duplicateParticipant: { $0.register > 0 },
        ]
        var pools: [GenFault: GenCandidates] = [:]
        for (kind, test) in qualifies where kinds.contains(kind) {
            pools[kind] = GenCandidates(clean.filter { test(census.offers[$0]) })
        }
        var steps: [GenRecordFaultStep] = []
        for fault in faults {
            switch fault {
            case .duplicateTicket, .duplicateLoan, .duplicateTxn, .duplicateParticipant:
                guard let pool = pools[fault], pool.count > 0 else { unplaced.append(fault.rawValue); continue }
                let i = pool.borrower(at: rng.below(pool.count))
                let offer = census.offers[i]
                let pick = fault == .duplicateTxn ? rng.below(Int(offer.transactions))
                    : fault == .duplicateParticipant ? rng.below(Int(offer.register)) : 0
                steps.append(.duplicate(fault, borrower: i, pick: pick))
                for kind in pools.keys { pools[kind]!.remove(i) }
            case .invalidID:
                if let step = invalidID(census, rng: &rng) { steps.append(step) } else { unplaced.append(fault.rawValue) }
            default:
                unplaced.append(fault.rawValue)
            }
        }
        return steps
    }

    /// The record a `.duplicate` step repeats, from the borrower's records made again.
    func capture(_ step: GenRecordFaultStep, from b: GenBorrower) -> GenRecord? {
        guard case .duplicate(let fault, _, let pick) = step else { return nil }
        switch fault {
        case .duplicateTicket: return standingReceipt(b).map(GenRecord.receipt)
        case .duplicateLoan: return b.drawdowns.first(where: \.isLive).map { .disbursement($0, cancel: false) }
        case .duplicateTxn: return .deduction(b.transactions[pick])
        default: return .participant(b.register[pick])
        }
    }

    /// Records each step's fault, in the order given, and returns the copies and added records
    /// by the file that carries them, in that order.
    func resolve(_ steps: [GenRecordFaultStep], captured: [Int: GenRecord],
                 keys: [GenFileKey]) -> [GenFileKey: [GenRecord]] {
        var added: [GenFileKey: [GenRecord]] = [:]
        for step in steps {
            switch step {
            case .ready(let entry, let key, let record):
                faults.append(entry)
                if let key, let record { added[key, default: []].append(record) }
            case .duplicate(let fault, let i, _):
                let record = captured[i]!
                let key: GenFileKey
                switch record {
                case .receipt(let r):
                    key = later(tKey(r), in: keys)
                    self.record(fault, code: .e004, key: key, idNumber: r.idNumber, ticketNo: r.ticketNo)
                case .disbursement(let d, _):
                    key = later(disbKey(d), in: keys)
                    self.record(fault, code: .e004, key: key, idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo)
                case .deduction(let t):
                    key = later(dKey(t), in: keys)
                    self.record(fault, code: .e004, key: key, idNumber: t.idNumber, contractNo: t.contractNo,
                                loanNo: t.loanNo, txnNo: t.txnNo)
                case .participant(let p):
                    key = pKey(p)
                    self.record(fault, code: .e004, key: key, idNumber: p.person.idNumber)
                case .claim: preconditionFailure("no record fault repeats a claim line")
                }
                added[key, default: []].append(record)
            }
        }
        return added
    }

    /// The first file of the same sender and kind after `key`, else `key` itself.
    func later(_ key: GenFileKey, in keys: [GenFileKey]) -> GenFileKey {
        keys.filter { $0.sender == key.sender && $0.kind == key.kind && $0.date > key.date }.min() ?? key
    }

    /// A SELF receipt or a hardship row whose ID number has a wrong check character.
    func invalidID(_ census: GenCensus, rng: inout GenRandom) -> GenRecordFaultStep? {
        let birth = GenCalendar.day(rng.int(1955, 1990), rng.int(1, 12), rng.int(1, 28))
        let person = people.person(born: birth, male: rng.chance(500), rng: &rng)
        let id = GenPeople.corrupted(person.idNumber)
        let hardshipKeys = census.keys(of: .hardship)
        if rng.chance(500) || hardshipKeys.isEmpty {
            let keys = census.keys(of: .receipts)
            guard !keys.isEmpty else { return nil }
            let key = rng.pick(keys)
            let year = key.date.year
            let base: Fen? = profile.isGanzhou ? city.minimumBase(year) : nil
            let amount = base.map { Fen($0.value * 20 * 3 / 100) } ?? Fen(50_000)
            let receipt = GenReceipt(ticketNo: nextTicket(key.date), idNumber: id, name: person.name,
                                     insuranceType: profile.insuranceType,
                                     paid: GenContribution(periodFrom: YearMonth(year: year, month: 1)!,
                                                           periodTo: YearMonth(year: year, month: 3)!, base: base, amount: amount),
                                     paidOn: key.date, loan: false, fileDate: key.date)
            return .ready(pendingFault(.invalidID, code: .e003, key: key, idNumber: id, ticketNo: receipt.ticketNo),
                          key, .receipt(receipt))
        } else {
            let key = rng.pick(hardshipKeys)
            let department = census.hardship[key]!
            extraHardshipRows[key, default: []].append(GenHardshipRow(
                idNumber: id, name: person.name, category: rng.weighted(department.categories), county: person.county,
                certifiedOn: key.date - rng.int(5, 300), dateStyle: department.preferredDateStyle))
            return .ready(pendingFault(.invalidID, code: .e003, key: key, idNumber: id), nil, nil)
        }
    }
}
