import ZhubaoCore

/// The generation pipeline: faults are given out, borrowers planned and made, and every
/// record put in the file (sender, kind, day) that carries it.
struct GenBuckets {
    var receipts: [GenFileKey: [GenReceipt]] = [:]
    var participants: [GenFileKey: [GenParticipant]] = [:]
    var disbursements: [GenFileKey: [(GenDrawdown, Bool)]] = [:]
    var deductions: [GenFileKey: [GenTransaction]] = [:]
    var claims: [GenFileKey: [GenClaimLine]] = [:]
    var hardship: [GenFileKey: HardshipDepartment] = [:]

    var keys: [GenFileKey] {
        (Array(receipts.keys) + Array(participants.keys) + Array(disbursements.keys) + Array(deductions.keys)
            + Array(claims.keys) + Array(hardship.keys)).sorted()
    }
}

extension GenWorld {
    /// Gives out the requested faults and plans every borrower and the hardship lists.
    func plan() -> (record: [GenFault], file: [GenFault]) {
        var business: [GenFault] = [], recordFaults: [GenFault] = [], fileFaults: [GenFault] = []
        func add(_ fault: GenFault, _ count: Int) {
            guard fault.applies(to: profile) else { unplaced += Array(repeating: fault.rawValue, count: count); return }
            for _ in 0..<count {
                switch fault.level {
                case .business: business.append(fault)
                case .record: recordFaults.append(fault)
                case .file: fileFaults.append(fault)
                }
            }
        }
        switch options.faults {
        case .none, .rate: break
        case .all: for fault in GenFault.allCases where fault.applies(to: profile) { add(fault, 1) }
        case .list(let counts): for fault in GenFault.allCases { if let n = counts[fault] { add(fault, n) } }
        }
        var rng = rng("faults")
        var pool = Array(0..<options.borrowers)
        rng.shuffle(&pool)
        if case .rate(let p) = options.faults {
            let choices = GenFault.allCases.filter { $0.level != .file && $0.applies(to: profile) && likelyPlaceable($0) }
            for _ in 0..<options.borrowers {
                if rng.below(10_000) < p { add(rng.pick(choices), 1) }
            }
        }
        var planned: [GenBorrower] = []
        for fault in business {
            var placed = false
            for attempt in 0..<min(6, pool.count) {
                let index = pool[attempt]
                guard var b = planBorrower(index: index, shape: shape(for: fault)) else { continue }
                b.fault = fault
                var faultRng = self.rng("fault.plan", index)
                guard applyPlanFault(&b, rng: &faultRng) else { continue }
                planned.append(b)
                pool.remove(at: attempt)
                placed = true
                break
            }
            if !placed { unplaced.append(fault.rawValue) }
        }
        for index in pool.sorted() {
            if let b = planBorrower(index: index, shape: GenShape()) { planned.append(b) }
        }
        borrowers = planned.sorted { $0.index < $1.index }
        planNoise()
        return (recordFaults, fileFaults)
    }

    /// Whether the range can carry the fault at all (rate mode picks only those).
    func likelyPlaceable(_ fault: GenFault) -> Bool {
        switch fault {
        case .overClaim, .underClaim, .claimNotDue, .claimCancelled: return !claimYears.isEmpty
        case .annualAboveMinimum, .baseAboveMinimum, .subsistenceBreach: return from.year <= 2026
        case .failedThree: return to - from >= 240
        default: return true
        }
    }

    func materialise() {
        numberContracts()
        for i in borrowers.indices {
            var b = borrowers[i]
            var rng = rng("make", b.index)
            makeDrawdowns(&b)
            makeReceipts(&b, rng: &rng)
            makeTransactions(&b, rng: &rng)
            makeRegister(&b, rng: &rng)
            makeClaims(&b, rng: &rng)
            borrowers[i] = b
        }
    }

    func collect() -> GenBuckets {
        var buckets = GenBuckets()
        for b in borrowers {
            for d in b.drawdowns {
                buckets.disbursements[disbKey(d), default: []].append((d, false))
                if d.cancelledOn != nil { buckets.disbursements[disbKey(d, cancel: true), default: []].append((d, true)) }
            }
            for r in b.receipts { buckets.receipts[tKey(r), default: []].append(r) }
            for t in b.transactions { buckets.deductions[dKey(t), default: []].append(t) }
            for p in b.register { buckets.participants[pKey(p), default: []].append(p) }
            for c in b.claims { buckets.claims[cKey(c), default: []].append(c) }
        }
        for key in buckets.receipts.keys { buckets.receipts[key]!.sort { $0.ticketNo < $1.ticketNo } }
        for key in buckets.deductions.keys { buckets.deductions[key]!.sort { $0.txnNo < $1.txnNo } }
        for key in buckets.claims.keys { buckets.claims[key]!.sort { $0.drawdown.loanNo < $1.drawdown.loanNo } }
        for key in buckets.disbursements.keys {
            buckets.disbursements[key]!.sort { ($0.1 ? 1 : 0, $0.0.loanNo) < ($1.1 ? 1 : 0, $1.0.loanNo) }
        }
        for key in buckets.participants.keys { buckets.participants[key]!.sort { $0.person.idNumber < $1.person.idNumber } }
        for department in HardshipDepartment.allCases {
            for day in snapshots.list(department) {
                buckets.hardship[GenFileKey(sender: department.rawValue, kind: .hardship, date: day)] = department
            }
        }
        return buckets
    }

    /// The rows of one department's snapshot: everyone certified as of its date.
    func hardshipRows(_ department: HardshipDepartment, _ day: Day) -> [GenHardshipRow] {
        var rows: [GenHardshipRow] = []
        func add(_ person: GenPerson, _ certs: [GenCertification], name: String, id: String) {
            for cert in certs where cert.department == department {
                let state = snapshots.row(cert, at: day)
                guard state != .absent else { continue }
                var row = GenHardshipRow(idNumber: id, name: name, category: cert.category, county: person.county,
                                         certifiedOn: cert.certifiedOn, dateStyle: cert.dateStyle)
                if case .ended(let end, let reason) = state { row.endOn = end; row.endReason = reason }
                rows.append(row)
            }
        }
        for b in borrowers where !b.certs.isEmpty { add(b.person, b.certs, name: b.person.name, id: b.person.idNumber) }
        for n in noise { add(n.person, n.certs, name: n.listedName, id: n.listedID) }
        rows.sort { ($0.county, $0.idNumber, $0.category) < ($1.county, $1.idNumber, $1.category) }
        return rows + (extraHardshipRows[GenFileKey(sender: department.rawValue, kind: .hardship, date: day)] ?? [])
    }
}
