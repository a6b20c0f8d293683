/// Everything the store knows through a last date, each piece with the business date of its
/// file (from which it counts, rules.md preamble). `ledger(asOf:)` selects the ledger of any
/// date up to the last one in memory, so that `rerun` reads the store once for a whole range.
///
/// Why selecting is the same as loading as of D: records are taken in the order business date,
/// file name, line, so the files of dates up to D come first in every table, and whether a
/// record is set aside (E003, E004) depends only on the records before it. What depends on D
/// beyond that — a drawdown cancelled, a receipt reversed, a transaction of a live drawdown —
/// is decided here, per date, from the records of that date.
package struct LedgerHistory: Sendable {
    /// A piece of the ledger and the day from which it counts.
    struct Dated<Value: Sendable>: Sendable {
        let day: Day
        let value: Value
    }

    package let through: Day
    var settings: Settings
    /// Drawdowns (DISB status N), not yet marked cancelled.
    var drawdowns = DatedTable<Drawdown>()
    /// The loanNo of each DISB status C.
    var cancellations: [Dated<String>] = []
    /// Receipts, not yet marked reversed.
    var receipts = DatedTable<Receipt>()
    /// Bank transactions of any loanNo.
    var transactions = DatedTable<Transaction>()
    var claimLines = DatedTable<ClaimLine>()
    /// Register extracts in file order.
    var register = DatedTable<Participant>()
    /// Hardship snapshots in order of department, then date.
    var snapshots: [Dated<HardshipSnapshot>] = []
    /// E001–E004, in the order a load as of any date would raise them.
    var findings: [Dated<Finding>] = []
    /// The interners of every record's keys (`intern()`); nil until interned.
    var keys: LedgerKeys?

    init(through: Day, settings: Settings) {
        self.through = through
        self.settings = settings
    }

    /// The ledger as of D (D on or before `through`).
    package func ledger(asOf day: Day) -> Ledger {
        var history = self  // shares the tables: taking them from the copy leaves this one whole
        return history.takeLedger(asOf: day)
    }

    /// The ledger as of D, taking each table out of the history as soon as the ledger holds its
    /// part: a history read for one date and not kept (`LedgerLoader.load`) is never in memory
    /// twice over. The history is empty afterwards.
    mutating func takeLedger(asOf day: Day) -> Ledger {
        precondition(day <= through, "a history through \(through) cannot give the ledger of \(day)")
        if keys == nil { intern() }
        let keys = keys!
        var ledger = Ledger(asOf: day, settings: settings)
        ledger.keys = keys
        ledger.intakeFindings = Self.take(day, &findings)

        // Marked in place: a history read for one date hands its tables over without a copy.
        var cancelled = [Bool](repeating: false, count: keys.loans.count)
        for loanNo in Self.take(day, &cancellations) { cancelled[keys.loans.key(loanNo)!.position] = true }
        var drawdowns = self.drawdowns.take(day)
        if cancelled.contains(true) {
            for index in drawdowns.indices where cancelled[drawdowns[index].keys.loan.position] { drawdowns[index].cancelled = true }
        }
        ledger.drawdowns = drawdowns

        var receipts = self.receipts.take(day)
        let reversedTickets = Set(receipts.lazy.filter { $0.status == .reversal }.compactMap(\.reversesTicketNo))
        if !reversedTickets.isEmpty {
            for index in receipts.indices where receipts[index].status == .normal && reversedTickets.contains(receipts[index].ticketNo) {
                receipts[index].reversed = true
            }
        }
        ledger.receipts = receipts

        // rules.md §2: a transaction of no drawdown known as of D, or of a cancelled one, takes part in nothing.
        var live = [Bool](repeating: false, count: keys.loans.count)
        for drawdown in ledger.drawdowns where !drawdown.cancelled { live[drawdown.keys.loan.position] = true }
        let transactions = self.transactions.take(day)
        ledger.transactions = transactions.allSatisfy { live[$0.keys.loan.position] }
            ? transactions : transactions.filter { live[$0.keys.loan.position] }
        ledger.claimLines = claimLines.take(day)
        ledger.register = Register(self.register.take(day), persons: keys.persons)

        var snapshots: [String: [HardshipSnapshot]] = [:]
        for snapshot in Self.take(day, &self.snapshots) { snapshots[snapshot.department, default: []].append(snapshot) }
        ledger.snapshots = snapshots
        return ledger
    }

    /// Keys every record (`InternedKey`): once per history, at load, so that each date's ledger
    /// and context read keys rather than hash strings.
    mutating func intern() {
        var interning = KeyInterning(capacity: drawdowns.count)
        drawdowns.updateValues { interning.provisional(&$0) }
        receipts.updateValues { interning.provisional(&$0) }
        transactions.updateValues { interning.provisional(&$0) }
        claimLines.updateValues { interning.provisional(&$0) }
        register.updateValues { interning.provisional(&$0) }
        for cancellation in cancellations { interning.provisional(loanNo: cancellation.value) }
        let ranks = interning.finish()
        drawdowns.updateValues { ranks.remap(&$0) }
        receipts.updateValues { ranks.remap(&$0) }
        transactions.updateValues { ranks.remap(&$0) }
        claimLines.updateValues { ranks.remap(&$0) }
        register.updateValues { ranks.remap(&$0) }
        keys = ranks.keys
    }

    /// The values of the items counting on or before D; the items are emptied.
    private static func take<Value>(_ day: Day, _ items: inout [Dated<Value>]) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items where item.day <= day { values.append(item.value) }
        items = []
        return values
    }
}

/// A table of the history: its values and, index for index, the day from which each counts.
/// Taking the values of a date hands the array over whole when every value counts by then (a
/// history read for that date, or a rerun's last date): no record is copied.
struct DatedTable<Value: Sendable>: Sendable {
    private(set) var days: [Day] = []
    private(set) var values: [Value] = []

    var count: Int { values.count }

    /// Room for `count` values: a big table grows once, not by doubling and copying its records.
    mutating func reserve(_ count: Int) {
        days.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    mutating func append(_ item: LedgerHistory.Dated<Value>) {
        days.append(item.day)
        values.append(item.value)
    }

    /// Changes the values in place (their days stay).
    mutating func updateValues(_ body: (inout [Value]) -> Void) {
        body(&values)
    }

    /// The values counting on or before D, in order; the table is emptied.
    mutating func take(_ day: Day) -> [Value] {
        defer { self = DatedTable() }
        if days.allSatisfy({ $0 <= day }) { return values }
        return days.indices.compactMap { days[$0] <= day ? values[$0] : nil }
    }
}
