import ZhubaoCore

/// The generation pipeline: faults are given out, borrowers planned, their records made once
/// to count them (`GenCensus`) and again, a window of files at a time, to write them
/// (`GenWorld+Windows.swift`).

/// A record as it goes into the file that carries it.
enum GenRecord {
    case disbursement(GenDrawdown, cancel: Bool)
    case receipt(GenReceipt)
    case deduction(GenTransaction)
    case participant(GenParticipant)
    case claim(GenClaimLine)
}

/// The records of some files, by file, as `text` renders them.
struct GenBuckets {
    var receipts: [GenFileKey: [GenReceipt]] = [:]
    var participants: [GenFileKey: [GenParticipant]] = [:]
    var disbursements: [GenFileKey: [(GenDrawdown, Bool)]] = [:]
    var deductions: [GenFileKey: [GenTransaction]] = [:]
    var claims: [GenFileKey: [GenClaimLine]] = [:]
    var hardship: [GenFileKey: HardshipDepartment] = [:]

    mutating func add(_ record: GenRecord, to key: GenFileKey) {
        switch record {
        case .disbursement(let d, let cancel): disbursements[key, default: []].append((d, cancel))
        case .receipt(let r): receipts[key, default: []].append(r)
        case .deduction(let t): deductions[key, default: []].append(t)
        case .participant(let p): participants[key, default: []].append(p)
        case .claim(let c): claims[key, default: []].append(c)
        }
    }

    /// Each file's records in the order the file lists them (a record fault's copy comes after).
    mutating func sortForWriting() {
        for key in receipts.keys { receipts[key]!.sort { $0.ticketNo < $1.ticketNo } }
        for key in deductions.keys { deductions[key]!.sort { $0.txnNo < $1.txnNo } }
        for key in claims.keys { claims[key]!.sort { $0.drawdown.loanNo < $1.drawdown.loanNo } }
        for key in disbursements.keys {
            disbursements[key]!.sort { ($0.1 ? 1 : 0, $0.0.loanNo) < ($1.1 ? 1 : 0, $1.0.loanNo) }
        }
        for key in participants.keys { participants[key]!.sort { $0.person.idNumber < $1.person.idNumber } }
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
