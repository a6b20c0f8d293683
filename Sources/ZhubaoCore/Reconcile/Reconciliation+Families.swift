extension Reconciliation {
    /// The rule families' findings; wired as each family lands.
    func ruleFindings() -> [Finding] {
        var findings: [Finding] = []
        findings += DrawdownRules.findings(ledger)
        findings += Matching.findings(ledger)
        findings += DeductionRules.findings(ledger)
        return findings
    }
}

extension Reconciliation {
    /// Subsidy accrued in the year to date (nil where the profile has no subsidy); wired with
    /// the subsidy family.
    func subsidyAccrued() -> Fen? {
        ledger.settings.profile.subsidisesInterest ? .zero : nil
    }
}
