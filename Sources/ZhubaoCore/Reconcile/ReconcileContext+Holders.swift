/// rules.md §2 and §7 "Readings of the table" (E601, E304): who holds a contract. The register
/// as of D says whose approved loan a contract is; failing that, the drawdowns name the person
/// (E304 only). Read by `DrawdownRules` (E601) and `Matching` (E304) from the context.
///
/// Should two people's records hold the same contract (a register error), these reads keep every
/// holder, sorted by ID number, so that the results are the same run after run.
extension ReconcileContext {
    /// A person whose register record as of D holds a contract as the approved loan.
    struct ContractHolder: Sendable, Equatable {
        var person: PersonKey
        var loan: Participant.ApprovedLoan
    }

    /// contract → the people whose register record as of D (the latest `AsOf`) holds it as the
    /// approved loan, sorted by ID number (key order), by `ContractKey`.
    static func approvedLoans(_ ledger: Ledger) -> [[ContractHolder]] {
        var holders = [[ContractHolder]](repeating: [], count: ledger.keys.contracts.count)
        for extracts in ledger.register.byPerson {
            guard let latest = extracts.last, let loan = latest.loan else { continue }
            holders[latest.keys.contract.position].append(ContractHolder(person: latest.keys.person, loan: loan))
        }
        return holders
    }

    /// The holders of a contract (empty: no record as of D holds it).
    func holders(of contract: ContractKey) -> [ContractHolder] {
        contract.isNone || contract.position >= holders.count ? [] : holders[contract.position]
    }

    /// The holder of a contract: the preferred person where their record holds it, otherwise the
    /// holder with the lowest ID number; nil when no record as of D holds it.
    func holder(of contract: ContractKey, preferring person: PersonKey) -> ContractHolder? {
        let all = holders(of: contract)
        return all.first { $0.person == person } ?? all.first
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
