/// rules.md §2 and §7 "Readings of the table" (E601, E304): who holds a contract. The register
/// as of D says whose approved loan a contract is; failing that, the drawdowns name the person
/// (E304 only). Read by `DrawdownRules` (E601) and `Matching` (E304) from the context.
///
/// Should two people's records hold the same contract (a register error), these reads keep every
/// holder, sorted by ID number, so that the results are the same run after run.
extension ReconcileContext {
    /// A person whose register record as of D holds a contract as the approved loan.
    struct ContractHolder: Sendable, Equatable {
        var idNumber: String
        var loan: Participant.ApprovedLoan
    }

    /// contract → the people whose register record as of D (the latest `AsOf`) holds it as the
    /// approved loan, sorted by ID number.
    static func approvedLoans(_ ledger: Ledger) -> [String: [ContractHolder]] {
        var holders: [String: [ContractHolder]] = [:]
        for id in ledger.register.keys.sorted() {
            guard let loan = ledger.latestRecord(of: id)?.loan else { continue }
            holders[loan.contractNo, default: []].append(ContractHolder(idNumber: id, loan: loan))
        }
        return holders
    }

    /// The holder of a contract: the preferred person where their record holds it, otherwise the
    /// holder with the lowest ID number; nil when no record as of D holds it.
    func holder(of contractNo: String, preferring idNumber: String) -> ContractHolder? {
        guard let all = holders[contractNo] else { return nil }
        return all.first { $0.idNumber == idNumber } ?? all.first
    }
}

/// Reference data that more than one family reads (E205 and E305).
extension ReconcileContext {
    /// The minimum monthly contribution base of the configured city's province for a year
    /// (reference.md; `zhubao.toml` may override it); nil where there is no value. A city missing
    /// from the reference tables falls back to the province code of its region (first two
    /// digits + `0000`), the same default `ReferenceData.merge` gives a new city.
    static func minimumBase(_ settings: Settings, year: Int) -> Fen? {
        let province = settings.reference.cities[settings.region]?.province ?? String(settings.region.prefix(2)) + "0000"
        return settings.reference.minimumBase[province]?[year]
    }
}
