/// A family of rules of rules.md §7: its findings as of the context's date, read from the
/// `ReconcileContext` alone. The city's profile says which families apply (`applies(to:)`) and,
/// within one, which codes (`Reconciliation` keeps only the codes the profile switches on).
protocol RuleFamily {
    static func applies(to profile: Profile) -> Bool
    static func findings(_ context: ReconcileContext) -> [Finding]
}

extension RuleFamily {
    static func applies(to profile: Profile) -> Bool { true }
}

extension Reconciliation {
    /// Every family, in the order their findings are listed (before the lifecycle sorts by key).
    /// A computed list: metatypes of a protocol are not `Sendable`, so a stored one is global state.
    static var families: [any RuleFamily.Type] {[
        DrawdownRules.self, Matching.self, DeductionRules.self, InterestRules.self, DeathRules.self,
        ClaimRules.self, ClaimRecovery.self,
    ]}

    /// Every family's findings over the same context.
    func ruleFindings() -> [Finding] {
        let profile = ledger.settings.profile
        var findings: [Finding] = []
        for family in Self.families where family.applies(to: profile) { findings += family.findings(context) }
        return findings
    }

    /// Subsidy accrued in the year to date (nil where the profile has no subsidy).
    func subsidyAccrued() -> Fen? {
        guard ledger.settings.profile.subsidisesInterest else { return nil }
        return context.subsidy.accruedYearToDate
    }
}
