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
        // The collected kind-P lines as (person, month, position in `ledger.transactions`), sorted:
        // each month's lines are consecutive and in ledger order, the months in order of person
        // (the keys' order is that of the ID numbers), then month, the order the findings take.
        let transactions = transactions
        var entries: [(person: PersonKey, month: YearMonth, index: Int)] = []
        entries.reserveCapacity(pensionDeductions.count)
        for (index, person) in zip(pensionDeductions, pensionPersons) where transactions[index].collected {
            entries.append((person, transactions[index].txnDate.month, index))
        }
        entries.sort { ($0.person, $0.month, $0.index) < ($1.person, $1.month, $1.index) }
        let standards = ledger.settings.reference.subsistence[ledger.settings.region] ?? [:]
        var found: [Finding] = []
        var start = 0
        while start < entries.count {
            let (person, month, _) = entries[start]
            var end = start + 1
            while end < entries.count, entries[end].person == person, entries[end].month == month { end += 1 }
            let indexes = entries[start..<end].map(\.index)
            start = end
            guard let pension = indexes.compactMap({ transactions[$0].pension }).max(),
                  let standard = standards[month.year] else { continue }
            let deducted = indexes.reduce(Fen.zero) { $0 + DeductionRules.collected(transactions[$1]) }
            let left = pension - deducted
            guard left < standard else { continue }
            let shortfall = standard - left
            let first = indexes.map { transactions[$0] }.min(by: Self.chronological)!
            let count = indexes.count > 1 ? "（\(indexes.count) 笔合计）" : ""
            found.append(Finding(
                code: .e401, subject: .init(idNumber: ledger.keys.persons[person], month: month), amount: shortfall,
                source: first.source,
                detail: "\(month.iso) 养老金 \(pension.yuan) 元，扣款 \(deducted.yuan) 元\(count)，"
                    + "余 \(left.yuan) 元，低于 \(month.year) 年低保标准 \(standard.yuan) 元，差 \(shortfall.yuan) 元"))
        }
        return found
    }
}
