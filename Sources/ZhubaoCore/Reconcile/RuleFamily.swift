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

    /// Every family's findings over the same context, in the families' order. For a ledger of
    /// at least `asideFrom` live drawdowns (a whole city), the deductions — a third of the rules'
    /// time — are found on a thread of their own beside the others (the context is values only,
    /// read by both); a part of the city or a test's ledger runs them all here.
    func ruleFindings(asideFrom: Int = Self.asideFrom) -> [Finding] {
        let profile = ledger.settings.profile, context = context
        let families = Self.families.filter { $0.applies(to: profile) }
        let asideIndex = context.live.count >= asideFrom
            ? families.firstIndex { ObjectIdentifier($0) == ObjectIdentifier(DeductionRules.self) } : nil
        let aside = asideIndex.map { _ in Background { DeductionRules.findings(context) } }
        var found = [[Finding]](repeating: [], count: families.count)
        for (index, family) in families.enumerated() where index != asideIndex { found[index] = family.findings(context) }
        if let asideIndex, let aside { found[asideIndex] = (try? aside.wait()) ?? DeductionRules.findings(context) }
        return found.flatMap { $0 }
    }

    static let asideFrom = 10_000

    /// Subsidy accrued in the year to date (nil where the profile has no subsidy).
    func subsidyAccrued() -> Fen? {
        guard ledger.settings.profile.subsidisesInterest else { return nil }
        return context.subsidy.accruedYearToDate
    }
}
