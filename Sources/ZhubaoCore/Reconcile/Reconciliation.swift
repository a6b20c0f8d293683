/// Runs every rule family over a ledger and returns what they found, only the codes the
/// city's profile switches on (rules.md §7 "profiles"). One family per file, each a `RuleFamily`
/// reading the one `ReconcileContext` of the ledger:
/// - intake (E001–E004): `LedgerLoader`, rules.md §1
/// - drawdowns (E201–E208, E601): `DrawdownRules`, rules.md §5, §7
/// - use of funds (E301–E305): `Matching`, rules.md §6
/// - deductions (E401–E405, E407, E408): `DeductionRules`, rules.md §7
/// - interest (E406): `InterestRules`, rules.md §2, §7
/// - deaths (E409, E410): `DeathRules`, rules.md §7
/// - claims (E501–E505): `ClaimRules`, `ClaimRecovery`, rules.md §4, §7
package struct Reconciliation {
    /// Built once per ledger and shared by the rule families, the totals and the outbound plan.
    package let context: ReconcileContext
    package var ledger: Ledger { context.ledger }
    var subsidy: Subsidy { context.subsidy }

    package init(ledger: Ledger, approvals: [ClaimRecovery.Approval] = []) {
        context = ReconcileContext(ledger: ledger, approvals: approvals)
    }

    package func findings() -> [Finding] {
        var all = ledger.intakeFindings
        all += ruleFindings()
        let profile = ledger.settings.profile
        return all.filter { profile.applies($0.code) }
    }
}
