/// The dates on which a component's findings or totals can change (`RangeEngine`): listed once
/// for the whole history, generously — a date too many costs one recomputation of a component,
/// a date missing would carry a stale finding, and `RangeEngineTests` compare every date. A
/// rule comparing D with a day X changes its answer on X itself (§6: pending while D <
/// disbursedOn + W; E303 once D ≥ PaidOn + W; E409 once D ≥ death + grace), so X is the event.
extension RangeEngine {
    static func events(_ history: LedgerHistory, approvals: ClaimApprovalHistory, parts: PartTables) -> [Event] {
        let settings = history.settings, keys = history.keys!, partitions = parts.partitions
        let window = settings.matchWindowDays, grace = settings.deathGraceDays
        var events: [Event] = []
        events.reserveCapacity(3 * (history.drawdowns.count + history.receipts.count + history.transactions.count))
        func add(_ day: Day, _ component: Int32) {
            if component >= 0 { events.append(Event(day: Int32(day.ordinal), component: component)) }
        }
        // Each record from the day its file counts (rules.md preamble), and the days of its own
        // that a rule compares with D.
        for (index, drawdown) in history.drawdowns.values.enumerated() {
            let component = parts.drawdowns[index]
            add(history.drawdowns.days[index], component)
            // Totals count it from disbursement; §6: pending until disbursedOn + W.
            for day in [drawdown.disbursedOn, drawdown.disbursedOn + window] { add(day, component) }
        }
        for (index, cancellation) in history.cancellations.enumerated() { add(cancellation.day, parts.cancellations[index]) }
        for (index, receipt) in history.receipts.values.enumerated() {
            let component = parts.receipts[index]
            add(history.receipts.days[index], component)
            // Totals count it from payment; E303 from PaidOn + W.
            for day in [receipt.paidOn, receipt.paidOn + window] { add(day, component) }
        }
        for (index, transaction) in history.transactions.values.enumerated() {
            // Balances, E406 and the totals take a line from its date.
            add(history.transactions.days[index], parts.transactions[index])
            add(transaction.txnDate, parts.transactions[index])
        }
        for index in history.claimLines.values.indices { add(history.claimLines.days[index], parts.claimLines[index]) }
        for (index, participant) in history.register.values.enumerated() {
            let component = parts.register[index]
            add(history.register.days[index], component)
            // E409 and E410 once the grace period after the death has passed.
            if let death = participant.deathDate { for day in [death, death + grace] { add(day, component) } }
        }
        // E505 counts the approvals of claim runs with an as-of date before D.
        for approval in approvals.approvals {
            guard let loan = keys.loans.key(approval.loanNo) else { continue }
            add(approval.asOf, partitions.ofLoan[loan.position])
            add(approval.asOf + 1, partitions.ofLoan[loan.position])
        }
        for event in snapshotEvents(history, parts: parts) { events.append(event) }
        events.sort()
        return events
    }

    /// A department's new snapshot changes the certification (rules.md §3) of the people whose
    /// rows differ from its snapshot before — listed in one and not the other, or listed with
    /// another category, dates or revocation; a person listed alike in both keeps every run.
    static func snapshotEvents(_ history: LedgerHistory, parts: PartTables) -> [Event] {
        typealias Rows = [String: [RowContent]]
        let keys = history.keys!
        var events: [Event] = []
        var previous: (department: String, rows: Rows)?
        for (index, snapshot) in history.snapshots.enumerated() {
            var rows: Rows = [:], components: [String: Int32] = [:]
            for (row, component) in zip(snapshot.value.rows, parts.snapshotRows[index]) where component >= 0 {
                rows[row.idNumber, default: []].append(RowContent(row))
                components[row.idNumber] = component
            }
            let before = previous?.department == snapshot.value.department ? previous!.rows : [:]
            for (id, content) in rows where before[id] != content {
                events.append(Event(day: Int32(snapshot.day.ordinal), component: components[id]!))
            }
            for id in before.keys where rows[id] == nil {
                guard let person = keys.persons.key(id) else { continue }
                events.append(Event(day: Int32(snapshot.day.ordinal), component: parts.partitions.ofPerson[person.position]))
            }
            previous = (snapshot.value.department, rows)
        }
        return events
    }

    /// A hardship row less its line number.
    struct RowContent: Equatable {
        var category: HardshipCategory, certifiedOn: Day, endsOn: Day?, revoked: Bool
        init(_ row: HardshipSnapshot.Row) {
            (category, certifiedOn, endsOn, revoked) = (row.category, row.certifiedOn, row.endsOn, row.revoked)
        }
    }

    /// Each component with a claim line or an approval, with the latest year of them: while D's
    /// year is not past it, the subsidy computed as of D decides E501–E503 and E505 every day.
    static func claimYears(_ history: LedgerHistory, approvals: ClaimApprovalHistory, parts: PartTables) -> [(component: Int32, year: Int)] {
        var latest: [Int32: Int] = [:]
        for (index, line) in history.claimLines.values.enumerated() where parts.claimLines[index] >= 0 {
            latest[parts.claimLines[index]] = max(latest[parts.claimLines[index]] ?? line.year, line.year)
        }
        for approval in approvals.approvals {
            guard let loan = history.keys!.loans.key(approval.loanNo) else { continue }
            let component = parts.partitions.ofLoan[loan.position]
            latest[component] = max(latest[component] ?? approval.year, approval.year)
        }
        return latest.keys.sorted().map { ($0, latest[$0]!) }
    }
}
