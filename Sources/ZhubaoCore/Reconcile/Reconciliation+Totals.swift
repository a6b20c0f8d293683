extension Reconciliation {
    /// The year-to-date totals of summary.json, as of D.
    func totals() -> DailySummary.Totals {
        var totals = DailySummary.Totals()
        let year = ledger.asOf.year
        for drawdown in context.live where drawdown.disbursedOn.year == year && drawdown.disbursedOn <= ledger.asOf {
            totals.drawdowns += 1
            totals.drawdownAmount += drawdown.amount
        }
        for receipt in ledger.receipts where receipt.status == .normal && !receipt.reversed
            && receipt.paidOn.year == year && receipt.paidOn <= ledger.asOf {
            totals.receipts += 1
            totals.receiptAmount += receipt.amount
        }
        for transaction in ledger.transactions where transaction.collected
            && transaction.txnDate.year == year && transaction.txnDate <= ledger.asOf {
            totals.repayments += 1
            totals.principalRepaid += transaction.principalPaid
            totals.interestRepaid += transaction.interestPaid
        }
        totals.subsidyAccrued = subsidyAccrued()
        return totals
    }
}
