extension Reconciliation {
    /// The year-to-date totals of summary.json, as of D.
    func totals() -> DailySummary.Totals {
        var totals = DailySummary.Totals()
        countYearToDate { _, counted in totals.add(counted) }
        totals.subsidyAccrued = subsidyAccrued()
        return totals
    }

    /// What summary.json's totals count as of D, record by record with its keys: a drawdown
    /// that takes part, disbursed in D's year by D; a normal receipt not reversed, paid in D's
    /// year by D; a bank line that collected money, dated in D's year by D.
    func countYearToDate(_ body: (RecordKeys, DailySummary.Counted) -> Void) {
        let year = ledger.asOf.year
        for drawdown in context.live where drawdown.disbursedOn.year == year && drawdown.disbursedOn <= ledger.asOf {
            body(drawdown.keys, .drawdown(drawdown.amount))
        }
        // By position, field by field: iterating the records themselves would copy each one.
        let receipts = ledger.receipts
        for index in receipts.indices where receipts[index].status == .normal && !receipts[index].reversed
            && receipts[index].paidOn.year == year && receipts[index].paidOn <= ledger.asOf {
            body(receipts[index].keys, .receipt(receipts[index].amount))
        }
        let transactions = ledger.transactions
        for index in transactions.indices where transactions[index].collected
            && transactions[index].txnDate.year == year && transactions[index].txnDate <= ledger.asOf {
            body(transactions[index].keys, .repayment(principal: transactions[index].principalPaid,
                                                      interest: transactions[index].interestPaid))
        }
    }
}

extension DailySummary {
    /// One record's part in the totals.
    enum Counted {
        case drawdown(Fen), receipt(Fen), repayment(principal: Fen, interest: Fen)
    }
}

extension DailySummary.Totals {
    mutating func add(_ counted: DailySummary.Counted) {
        switch counted {
        case .drawdown(let amount):
            drawdowns += 1
            drawdownAmount += amount
        case .receipt(let amount):
            receipts += 1
            receiptAmount += amount
        case .repayment(let principal, let interest):
            repayments += 1
            principalRepaid += principal
            interestRepaid += interest
        }
    }

    /// The counts and sums of both (the subsidy is not added: it is computed for the city).
    mutating func add(_ other: Self, sign: Int = 1) {
        drawdowns += sign * other.drawdowns
        drawdownAmount += Fen(Int64(sign) * other.drawdownAmount.value)
        receipts += sign * other.receipts
        receiptAmount += Fen(Int64(sign) * other.receiptAmount.value)
        repayments += sign * other.repayments
        principalRepaid += Fen(Int64(sign) * other.principalRepaid.value)
        interestRepaid += Fen(Int64(sign) * other.interestRepaid.value)
    }
}
