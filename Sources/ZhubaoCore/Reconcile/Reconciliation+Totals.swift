extension Reconciliation {
    /// The year-to-date totals of summary.json, as of D.
    func totals() -> DailySummary.Totals {
        var totals = DailySummary.Totals()
        let year = ledger.asOf.year
        for drawdown in context.live where drawdown.disbursedOn.year == year && drawdown.disbursedOn <= ledger.asOf {
            totals.drawdowns += 1
            totals.drawdownAmount += drawdown.amount
        }
        // By position, field by field: iterating the records themselves would copy each one.
        let receipts = ledger.receipts
        for index in receipts.indices where receipts[index].status == .normal && !receipts[index].reversed
            && receipts[index].paidOn.year == year && receipts[index].paidOn <= ledger.asOf {
            totals.receipts += 1
            totals.receiptAmount += receipts[index].amount
        }
        let transactions = ledger.transactions
        for index in transactions.indices where transactions[index].collected
            && transactions[index].txnDate.year == year && transactions[index].txnDate <= ledger.asOf {
            totals.repayments += 1
            totals.principalRepaid += transactions[index].principalPaid
            totals.interestRepaid += transactions[index].interestPaid
        }
        totals.subsidyAccrued = subsidyAccrued()
        return totals
    }
}
