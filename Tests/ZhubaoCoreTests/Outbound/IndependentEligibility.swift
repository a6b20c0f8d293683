@testable import ZhubaoCore

/// outbound.md's ELIG list computed again for the city test from the spec's words, over the
/// ledger as of D (the hardship intervals come from `Certification`, rules.md §3).
enum IndependentEligibility {
    /// Lines `loanNo|contractNo|idNumber|name|year|from|to|categories|amount` per bank, by loanNo.
    static func lists(store: Store, settings: Settings, asOf: Day, year: Int) throws -> [String: [String]] {
        let ledger = try LedgerLoader(store: store).load(asOf: asOf, settings: settings)
        let certification = Certification(ledger: ledger)
        func bank(_ d: Drawdown) -> String { String(d.source.prefix { $0 != "_" }) }
        var lists: [String: [String]] = [:]
        for d in ledger.drawdowns { lists[bank(d), default: []] = [] }
        let live = ledger.drawdowns.filter { !$0.cancelled }
        var first: [String: Drawdown] = [:]
        for d in live {
            if let f = first[d.idNumber], (f.disbursedOn, f.loanNo) <= (d.disbursedOn, d.loanNo) { continue }
            first[d.idNumber] = d
        }
        let review = settings.reviewDate(in: year)
        var lines: [(String, String, String)] = []
        for d in live {
            // E201: the contract is not the approved loan of the person in the latest record.
            guard let record = ledger.register[d.idNumber]?.max(by: { $0.asOf < $1.asOf }),
                  record.loan?.contractNo == d.contractNo, let f = first[d.idNumber], f.disbursedOn.year <= year
            else { continue }
            let decides = f.disbursedOn.year == year ? f.disbursedOn : review
            let categories = Set((certification.intervals[d.idNumber] ?? []).filter { $0.contains(decides) }.map(\.category)).sorted()
            guard !categories.isEmpty else { continue }
            let from = max(Day(year: year, month: 1, day: 1)!, d.disbursedOn)
            var to = Day(year: year, month: 12, day: 31)!
            if let start = record.pension?.start { to = min(to, start - 1) }
            if let death = record.deathDate { to = min(to, death - 1) }
            guard from <= to else { continue }
            lines.append((bank(d), d.loanNo, [d.loanNo, d.contractNo, d.idNumber, d.name, String(year), from.compact, to.compact,
                                              categories.joined(separator: " "), d.amount.yuan].joined(separator: "|")))
        }
        for (bank, _, line) in lines.sorted(by: { $0.1 < $1.1 }) { lists[bank, default: []].append(line) }
        return lists
    }
}
