/// rules.md §2, balances and days: the balance of a drawdown on day d is its amount minus the
/// principal repaid by successful or partly successful transactions (`DEDU` result `S` or `P`)
/// dated on or before d; zero before the disbursement date and for a cancelled drawdown.
///
/// Built once from the ledger as a piecewise-constant schedule per loanNo (one segment per
/// date on which the balance changes), with running totals at each segment start, so that the
/// balance on a day, and the 积数 (sum of daily balances) over any range of days, cost a binary
/// search over a drawdown's few segments. Interest counts the first day and not the last
/// (算头不算尾): a repayment dated t lowers the balance from day t on, so day t bears interest
/// on the lower balance only.
///
/// A balance below zero (the bank took more principal than was lent; E407 reports it) bears no
/// interest: the 积数 and the day counts add only days whose balance is above zero.
package struct Balances: Sendable {
    /// One drawdown's balance over time.
    package struct Schedule: Sendable, Equatable {
        /// Day ordinals on which a segment starts, ascending; `starts[0]` is the disbursement date.
        package let starts: [Int]
        /// The balance in fen from `starts[i]` until the day before `starts[i + 1]` (the last
        /// segment has no end).
        package let values: [Int64]
        /// Σ of the positive balances over the days before `starts[i]`, from disbursement.
        let sums: [Int64]
        /// The number of days with a positive balance before `starts[i]`, from disbursement.
        let counts: [Int]

        /// Builds the schedule of a drawdown of `amount` disbursed on `disbursedOn`, repaid by
        /// `repayments` (day ordinal, principal in fen), in any order.
        init(amount: Int64, disbursedOn: Int, repayments: [(day: Int, principal: Int64)]) {
            let sorted = repayments.sorted { $0.day < $1.day }
            var starts = [disbursedOn]
            var values = [amount]
            for repayment in sorted {
                if repayment.day <= disbursedOn {
                    // Repaid on or before the disbursement date: counts from the first day.
                    values[0] -= repayment.principal
                } else if repayment.day == starts[starts.count - 1] {
                    values[values.count - 1] -= repayment.principal
                } else {
                    starts.append(repayment.day)
                    values.append(values[values.count - 1] - repayment.principal)
                }
            }
            // Merge segments whose balance did not change (a zero-principal repayment).
            var mergedStarts = [starts[0]]
            var mergedValues = [values[0]]
            for i in 1..<starts.count where values[i] != mergedValues[mergedValues.count - 1] {
                mergedStarts.append(starts[i])
                mergedValues.append(values[i])
            }
            var sums = [Int64](repeating: 0, count: mergedStarts.count)
            var counts = [Int](repeating: 0, count: mergedStarts.count)
            for i in 1..<mergedStarts.count {
                let length = mergedStarts[i] - mergedStarts[i - 1]
                let value = mergedValues[i - 1]
                sums[i] = sums[i - 1] + (value > 0 ? value * Int64(length) : 0)
                counts[i] = counts[i - 1] + (value > 0 ? length : 0)
            }
            self.starts = mergedStarts
            self.values = mergedValues
            self.sums = sums
            self.counts = counts
        }

        /// The index of the segment holding day ordinal `x`; nil before disbursement.
        func segment(holding x: Int) -> Int? {
            guard x >= starts[0] else { return nil }
            var low = 0
            var high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= x { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// The balance in fen on day ordinal `x`.
        func balance(on x: Int) -> Int64 {
            segment(holding: x).map { values[$0] } ?? 0
        }

        /// Σ positive balance and the number of positive days over the days before ordinal `x`.
        func prefix(before x: Int) -> (sum: Int64, days: Int) {
            guard let i = segment(holding: x - 1) else { return (0, 0) }
            let length = x - starts[i]
            let value = values[i]
            guard value > 0 else { return (sums[i], counts[i]) }
            return (sums[i] + value * Int64(length), counts[i] + length)
        }

        /// Σ positive balance and positive days over the ordinals `a...b` (nothing when a > b).
        func span(_ a: Int, _ b: Int) -> (sum: Int64, days: Int) {
            guard a <= b else { return (0, 0) }
            let upper = prefix(before: b + 1)
            let lower = prefix(before: a)
            return (upper.sum - lower.sum, upper.days - lower.days)
        }

        /// The first day ordinal in `a...b` with a positive balance.
        func firstPositive(_ a: Int, _ b: Int) -> Int? {
            guard a <= b else { return nil }
            var i = segment(holding: a) ?? 0
            while i < starts.count {
                let start = max(starts[i], a)
                if start > b { return nil }
                if values[i] > 0 { return start }
                i += 1
            }
            return nil
        }

        /// The last day ordinal in `a...b` with a positive balance.
        func lastPositive(_ a: Int, _ b: Int) -> Int? {
            guard a <= b, var i = segment(holding: b) else { return nil }
            while i >= 0 {
                let end = i + 1 < starts.count ? min(starts[i + 1] - 1, b) : b
                if end < a { return nil }
                if values[i] > 0 { return end }
                i -= 1
            }
            return nil
        }
    }

    /// Schedules of the drawdowns that take part (not cancelled), by `LoanKey`.
    let schedulesByLoan: [Schedule?]
    /// The loanNos' keys.
    let loans: Interner<LoanSpace>

    package init(ledger: Ledger) {
        self = ReconcileContext(ledger: ledger).balances
    }

    /// From the indexes of the ledger's bank lines by loan and the position of each loan's drawdown
    /// in `ledger.drawdowns` (the first of each loanNo, `ReconcileContext.drawdownPositions`): a
    /// schedule for each that is not cancelled. The ledger is interned.
    init(ledger: Ledger, lineIndexes: [[Int]], drawdownPositions: [Int32]) {
        let transactions = ledger.transactions
        var schedules = [Schedule?](repeating: nil, count: drawdownPositions.count)
        for (loan, position) in drawdownPositions.enumerated() where position >= 0 {
            let drawdown = ledger.drawdowns[Int(position)]
            guard !drawdown.cancelled else { continue }
            var repayments: [(day: Int, principal: Int64)] = []
            for index in lineIndexes[loan] where transactions[index].collected {
                repayments.append((day: transactions[index].txnDate.ordinal, principal: transactions[index].principalPaid.value))
            }
            schedules[loan] = Schedule(amount: drawdown.amount.value, disbursedOn: drawdown.disbursedOn.ordinal,
                                       repayments: repayments)
        }
        schedulesByLoan = schedules
        loans = ledger.keys.loans
    }

    /// The schedule of a loan that takes part; nil for a cancelled drawdown or a key naming none.
    func schedule(_ loan: LoanKey) -> Schedule? {
        loan.isNone || loan.position >= schedulesByLoan.count ? nil : schedulesByLoan[loan.position]
    }

    /// The schedule of a loan named by loanNo or by key.
    func schedule(_ loan: some LoanReference) -> Schedule? {
        guard let key = loan.key(in: loans) else { return nil }
        return schedule(key)
    }

    /// The balance of a drawdown on a day (rules.md §2); zero before disbursement, for a
    /// cancelled drawdown and for a loanNo that names no drawdown. Signed: below zero when the
    /// bank took more principal than was lent.
    package func balance(of loanNo: some LoanReference, on day: Day) -> Fen {
        Fen(schedule(loanNo)?.balance(on: day.ordinal) ?? 0)
    }

    /// 积数: the sum of the daily balances above zero over the days `from...through`
    /// (both counted; nothing when `from` is after `through`).
    package func accumulated(of loanNo: some LoanReference, from: Day, through: Day) -> Fen {
        Fen(schedule(loanNo)?.span(from.ordinal, through.ordinal).sum ?? 0)
    }

    /// The number of days in `from...through` with a balance above zero.
    package func daysOutstanding(of loanNo: some LoanReference, from: Day, through: Day) -> Int {
        schedule(loanNo)?.span(from.ordinal, through.ordinal).days ?? 0
    }

    /// Both at once: the 积数 and the days with a balance above zero in `from...through`.
    package func span(of loanNo: some LoanReference, from: Day, through: Day) -> (accumulated: Fen, days: Int) {
        let span = schedule(loanNo)?.span(from.ordinal, through.ordinal) ?? (sum: 0, days: 0)
        return (Fen(span.sum), span.days)
    }

    /// The first and the last day in `from...through` with a balance above zero.
    package func outstandingBounds(of loanNo: some LoanReference, from: Day, through: Day) -> (first: Day, last: Day)? {
        guard let schedule = self.schedule(loanNo),
              let first = schedule.firstPositive(from.ordinal, through.ordinal),
              let last = schedule.lastPositive(from.ordinal, through.ordinal) else { return nil }
        return (Day(ordinal: first), Day(ordinal: last))
    }
}
