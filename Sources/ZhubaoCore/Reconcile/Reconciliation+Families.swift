extension Reconciliation {
    /// Every rule family's findings over the same ledger; the shared computations (balances,
    /// certification, subsidy) are built once, in `init`.
    func ruleFindings() -> [Finding] {
        var findings: [Finding] = []
        findings += DrawdownRules.findings(ledger)
        findings += Matching.findings(ledger)
        findings += DeductionRules.findings(ledger)
        findings += InterestRules.findings(ledger: ledger, balances: balances, subsidy: subsidy)
        findings += DeathRules.findings(ledger: ledger, balances: balances, subsidy: subsidy)
        if ledger.settings.profile.subsidisesInterest {
            findings += ClaimRules.findings(ledger: ledger, subsidy: subsidy)
            findings += ClaimRecovery.findings(approvals: approvals, ledger: ledger) { subsidy.computed(loanNo: $0, year: $1) }
        }
        return findings
    }

    /// Subsidy accrued in the year to date (nil where the profile has no subsidy).
    func subsidyAccrued() -> Fen? {
        guard ledger.settings.profile.subsidisesInterest else { return nil }
        return subsidy.accruedYearToDate
    }
}
