/// outbound.md "Subsidy list — ELIG" (财政贴息人员名单): for year Y, per bank, one line per
/// drawdown L of the bank (the SENDER of the DISB file of L's `N` line) that, as of D, is not
/// cancelled, does not raise E201, and whose borrower is eligible in Y (rules.md §4); a line
/// whose `from` is after its `to` is not listed. Read from the same `Subsidy` as the claims, so
/// the list and `zhubao claim` cannot disagree on who is eligible.
package struct EligibilityList: Sendable {
    package struct Line: Sendable, Equatable {
        package var loanNo, contractNo, idNumber, name: String
        package var year: Int
        package var from, to: Day
        package var categories: [String]
        package var amount: Fen

        /// `D|{loanNo}|{contractNo}|{idNumber}|{name}|{year}|{from}|{to}|{categories}|{amount}`
        package var outboundLine: OutboundLine {
            OutboundLine(fields: [loanNo, contractNo, idNumber, name, String(year), from.compact, to.compact,
                                  categories.joined(separator: " "), amount.yuan], amount: amount)
        }
    }

    let ledger: Ledger
    let subsidy: Subsidy

    package init(ledger: Ledger, subsidy: Subsidy) {
        self.ledger = ledger
        self.subsidy = subsidy
    }

    package init(ledger: Ledger) {
        self.init(ledger: ledger, subsidy: Subsidy(ledger: ledger))
    }

    /// The lists of year Y, keyed by recipient (`B105`): every bank that disbursed a drawdown
    /// known as of D has an entry, empty when none of its drawdowns is listed. Lines by loanNo.
    package func lines(year: Int) -> [String: [Line]] {
        var lists: [String: [Line]] = [:]
        var senders = Routing.Senders()
        for drawdown in ledger.drawdowns {
            guard let bank = senders.sender(ofSource: drawdown.source) else { continue }
            if lists[bank] == nil { lists[bank] = [] }
        }
        guard let yearStart = Day(year: year, month: 1, day: 1), let yearEnd = Day(year: year, month: 12, day: 31) else {
            return lists
        }
        for loan in subsidy.plannedLoans {
            let plan = subsidy.plan(loan)!, drawdown = plan.drawdown
            guard let bank = senders.sender(ofSource: drawdown.source),
                  let day = subsidy.eligibilityDay(of: drawdown.keys.person, in: year),
                  subsidy.certification.isCertified(drawdown.idNumber, on: day) else { continue }
            let from = max(yearStart, drawdown.disbursedOn)
            let to = plan.stop.map { min(yearEnd, $0 - 1) } ?? yearEnd
            guard from <= to else { continue }
            lists[bank, default: []].append(Line(
                loanNo: drawdown.loanNo, contractNo: drawdown.contractNo, idNumber: drawdown.idNumber, name: drawdown.name,
                year: year, from: from, to: to, categories: subsidy.certification.categories(of: drawdown.idNumber, on: day),
                amount: drawdown.amount))
        }
        return lists
    }
}
