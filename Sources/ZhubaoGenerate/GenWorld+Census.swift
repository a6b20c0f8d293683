import ZhubaoCore

/// What a borrower's records offer the record faults (`giveOutRecordFaults`).
struct GenRecordOffer {
    /// A loan receipt that neither reverses another nor is reversed.
    var standingReceipt = false
    var liveDrawdown = false
    var transactions: Int32 = 0
    var register: Int32 = 0
}

/// One pass over every borrower's records, made and dropped one borrower at a time: the files
/// there will be and how many records each carries, what each borrower offers the record
/// faults, and the report's totals. The records themselves are made again, a window of files
/// at a time, when the files are written (`GenWorld+Windows.swift`): the generator's memory
/// holds the people and their plans, never every record at once.
struct GenCensus {
    var records: [GenFileKey: Int] = [:]
    var hardship: [GenFileKey: HardshipDepartment] = [:]
    /// By position in `GenWorld.borrowers`.
    var offers: [GenRecordOffer] = []
    var drawdowns = 0
    var receipts = 0
    var transactions = 0
    var claimLines = 0

    /// Every file, in the order they are written (date, sender, kind); set when the census ends.
    var keys: [GenFileKey] = []

    func keys(of kind: InputKind) -> [GenFileKey] { keys.filter { $0.kind == kind } }
}

extension GenWorld {
    /// Makes each borrower's records from their plan, in borrower order, and hands them to
    /// `body`; the borrower as planned stays as it was. The numbering of tickets and serials
    /// starts afresh, so that every pass gives every record the same number; what it was is put
    /// back afterwards unless `keepsNumbering`.
    func makeEveryBorrower(keepsNumbering: Bool = false, _ body: (Int, GenBorrower) -> Void) {
        let before = numbering
        numbering = ([:], [:])
        defer { if !keepsNumbering { numbering = before } }
        for i in borrowers.indices {
            var b = borrowers[i]
            var rng = rng("make", b.index)
            makeDrawdowns(&b)
            makeReceipts(&b, rng: &rng)
            makeTransactions(&b, rng: &rng)
            makeRegister(&b, rng: &rng)
            makeClaims(&b, rng: &rng)
            body(i, b)
        }
    }

    /// Each record of a made borrower with the file that carries it.
    func forEachRecord(of b: GenBorrower, _ body: (GenFileKey, GenRecord) -> Void) {
        for d in b.drawdowns {
            body(disbKey(d), .disbursement(d, cancel: false))
            if d.cancelledOn != nil { body(disbKey(d, cancel: true), .disbursement(d, cancel: true)) }
        }
        for r in b.receipts { body(tKey(r), .receipt(r)) }
        for t in b.transactions { body(dKey(t), .deduction(t)) }
        for p in b.register { body(pKey(p), .participant(p)) }
        for c in b.claims { body(cKey(c), .claim(c)) }
    }

    /// Numbers the contracts, makes every borrower's records once (recording the business
    /// faults they carry) and counts them; the numbering is left where the records took it, for
    /// the record faults' own tickets.
    func takeCensus() -> GenCensus {
        numberContracts()
        earliestCleanContract = findEarliestCleanContract()
        var census = GenCensus()
        census.offers.reserveCapacity(borrowers.count)
        makeEveryBorrower(keepsNumbering: true) { _, b in
            forEachRecord(of: b) { key, _ in census.records[key, default: 0] += 1 }
            census.offers.append(offer(b))
            census.drawdowns += b.drawdowns.count
            census.receipts += b.receipts.count
            census.transactions += b.transactions.count
            census.claimLines += b.claims.count
        }
        for department in HardshipDepartment.allCases {
            for day in snapshots.list(department) {
                census.hardship[GenFileKey(sender: department.rawValue, kind: .hardship, date: day)] = department
            }
        }
        census.keys = (Array(census.records.keys) + Array(census.hardship.keys)).sorted()
        return census
    }

    func offer(_ b: GenBorrower) -> GenRecordOffer {
        GenRecordOffer(standingReceipt: standingReceipt(b) != nil, liveDrawdown: b.drawdowns.contains(where: \.isLive),
                       transactions: Int32(b.transactions.count), register: Int32(b.register.count))
    }

    /// The borrower's first loan receipt that neither reverses another nor is reversed. A
    /// receipt is only ever reversed by its own borrower (`makeReceipts`, `makeSelfReceipt`),
    /// so the borrower's own reversals decide.
    func standingReceipt(_ b: GenBorrower) -> GenReceipt? {
        let reversed = Set(b.receipts.compactMap(\.reverses))
        if !reversed.isEmpty {
            precondition(reversed.isSubset(of: b.receipts.map(\.ticketNo)), "a receipt reverses another borrower's")
        }
        return b.receipts.first { $0.loan && $0.reverses == nil && !reversed.contains($0.ticketNo) }
    }
}
