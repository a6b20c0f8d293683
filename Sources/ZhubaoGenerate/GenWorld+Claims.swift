import ZhubaoCore

/// The banks' yearly subsidy claims (CLAIM, ganzhou-2021): what the generator itself computes
/// by rules.md §4, and the claim faults E501–E504.
extension GenWorld {
    /// Eligibility in a year: a valid certification on the first drawdown's day (its year) or
    /// on the review date, 31 January (later years).
    func eligible(_ b: GenBorrower, year: Int) -> Bool {
        guard profile.subsidisesInterest,
              let first = b.drawdowns.filter(\.isLive).min(by: { ($0.disbursedOn, $0.loanNo) < ($1.disbursedOn, $1.loanNo) }),
              year >= first.disbursedOn.year else { return false }
        let decision = year == first.disbursedOn.year ? first.disbursedOn : GenCalendar.day(year, 1, 31)
        return snapshots.isValid(b.certs, on: decision)
    }

    /// The subsidy of drawdown i for a year, as of `to`; nil when no day is subsidised.
    func subsidy(_ b: GenBorrower, _ i: Int, year: Int) -> GenSubsidy? {
        let d = b.drawdowns[i]
        guard d.isLive, b.approved, eligible(b, year: year) else { return nil }
        let start = max(d.disbursedOn, GenCalendar.day(year, 1, 1))
        var end = min(GenCalendar.day(year, 12, 31), to)
        if let pension = b.pensionStartDay { end = min(end, pension - 1) }
        if let death = b.death { end = min(end, death - 1) }
        guard start <= end else { return nil }
        return computed(b.ledgers[i], d, from: start, to: end)
    }

    func computed(_ ledger: GenLedger, _ d: GenDrawdown, from: Day, to end: Day) -> GenSubsidy {
        let accumulated = ledger.accumulated(from: from, until: end + 1)
        let rate = min(d.rate, city.cap(disbursed: d.disbursedOn, matures: d.maturesOn))
        return GenSubsidy(from: from, to: end, days: end - from + 1, accumulated: accumulated, rate: rate,
                          amount: Interest.of(accumulated: accumulated, rate: rate))
    }

    func makeClaims(_ b: inout GenBorrower, rng: inout GenRandom) {
        let claimFaults: [GenFault] = [.overClaim, .underClaim, .claimNotDue, .claimCancelled]
        guard b.fault == nil || claimFaults.contains(b.fault!), b.death == nil else { return }
        var faultDone = false
        for year in claimYears {
            for (i, d) in b.drawdowns.enumerated() where d.disbursedOn.year <= year {
                var line: GenSubsidy?
                var code: ExceptionCode?
                if let s = subsidy(b, i, year: year) {
                    line = s
                    if !faultDone, b.fault == .overClaim {
                        line!.amount += Fen(Int64(rng.int(10, 30)) * 100); code = .e501
                    } else if !faultDone, b.fault == .underClaim, s.amount.value > 2_000 {
                        line!.amount -= Fen(1_000); code = .e503
                    }
                } else if !faultDone, (b.fault == .claimNotDue && d.isLive) || (b.fault == .claimCancelled && !d.isLive),
                          d.disbursedOn.year == year {
                    line = computed(GenLedger(amount: d.amount, start: d.disbursedOn, rate: d.rate), d,
                                    from: d.disbursedOn, to: GenCalendar.day(year, 12, 31))
                    code = b.fault == .claimNotDue ? .e502 : .e504
                }
                guard let line else { continue }
                let claim = GenClaimLine(drawdown: d, year: year, claimed: line)
                b.claims.append(claim)
                guard let code, let fault = b.fault else { continue }
                faultDone = true
                let computedAmount = subsidy(b, i, year: year)?.amount ?? .zero
                let amount = code == .e503 ? computedAmount - line.amount
                    : code == .e501 ? line.amount - computedAmount : line.amount
                record(fault, code: code, key: cKey(claim), idNumber: d.idNumber, contractNo: d.contractNo,
                       loanNo: d.loanNo, year: year, amount: amount)
            }
        }
        if let fault = b.fault, !faultDone { unplaced.append(fault.rawValue) }
    }

    func cKey(_ claim: GenClaimLine) -> GenFileKey {
        let bank = claim.drawdown.bank
        return GenFileKey(sender: "B" + bank, kind: .claims, date: claimDate(year: claim.year, bank: bank))
    }
}
