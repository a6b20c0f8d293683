/// E401 (rules.md §7, ganzhou-2021, 第八条(二)): the pension left after a month's deductions
/// must not fall below the city's subsistence standard (低保标准).
extension DeductionRules.Context {
    /// One E401 per person and calendar month of `txnDate` where
    /// pension − Σ(principal + interest) < standard, amount = standard − (pension − Σ).
    ///
    /// - Lines: kind P with result S or P, of all the person's drawdowns together ("Readings of
    ///   the table": E401 counts S and P only). A failed line neither adds to Σ nor states the
    ///   month's pension: a month of failed deductions only took nothing.
    /// - The pension is the largest `pension` stated on those lines; a month where none states
    ///   one raises nothing.
    /// - The standard is that of the deduction's year for `settings.region`
    ///   (`reference.subsistence`); no value for the year: nothing is raised.
    /// - Strictly less: exactly the standard left raises nothing.
    /// - `source` is the month's first line by date, then txnNo.
    func subsistenceFloor() -> [Finding] {
        struct Month: Hashable { var person: PersonKey; var month: YearMonth }
        // Positions in `ledger.transactions`, not copies of the lines.
        let transactions = transactions
        var months: [Month: [Int]] = [:]
        for (index, person) in zip(pensionDeductions, pensionPersons) where transactions[index].collected {
            months[Month(person: person, month: transactions[index].txnDate.month), default: []].append(index)
        }
        let standards = ledger.settings.reference.subsistence[ledger.settings.region] ?? [:]
        var found: [(Month, Finding)] = []
        // The months are checked in any order and what they raise is sorted by person, then month
        // (the keys' order is that of the ID numbers).
        for (key, indexes) in months {
            guard let pension = indexes.compactMap({ transactions[$0].pension }).max(),
                  let standard = standards[key.month.year] else { continue }
            let deducted = indexes.reduce(Fen.zero) { $0 + DeductionRules.collected(transactions[$1]) }
            let left = pension - deducted
            guard left < standard else { continue }
            let shortfall = standard - left
            let first = indexes.map { transactions[$0] }.min(by: Self.chronological)!
            let count = indexes.count > 1 ? "（\(indexes.count) 笔合计）" : ""
            found.append((key, Finding(
                code: .e401, subject: .init(idNumber: ledger.keys.persons[key.person], month: key.month), amount: shortfall,
                source: first.source,
                detail: "\(key.month.iso) 养老金 \(pension.yuan) 元，扣款 \(deducted.yuan) 元\(count)，"
                    + "余 \(left.yuan) 元，低于 \(key.month.year) 年低保标准 \(standard.yuan) 元，差 \(shortfall.yuan) 元")))
        }
        return found.sorted { ($0.0.person, $0.0.month) < ($1.0.person, $1.0.month) }.map(\.1)
    }
}
