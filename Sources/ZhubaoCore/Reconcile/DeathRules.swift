/// rules.md §7, E409 (both profiles) and E410 (ganzhou-2021): a borrower who has died, with
/// the date of death from the register as of D (§2), and D at least the death grace (§8,
/// 30 days) after it.
///
/// - E409, per drawdown that takes part: it still has a balance on D; the personal account must
///   settle it. Amount: the balance on D.
/// - E410, per person: eligible for the subsidy in the year of death (§4), and the sum of their
///   drawdowns' balances on D exceeds `PersonalAccountBalance` (absent: 0); the government
///   covers the shortfall (第八条(四)). Amount: the shortfall.
///
/// Only balances above zero count: a drawdown the bank over-collected (E407) owes nothing.
package enum DeathRules: RuleFamily {
    /// E409 and E410, building the balances and the subsidy.
    package static func findings(ledger: Ledger) -> [Finding] {
        findings(ReconcileContext(ledger: ledger))
    }

    static func findings(_ context: ReconcileContext) -> [Finding] {
        let (ledger, balances, subsidy) = (context.ledger, context.balances, context.subsidy)
        let asOf = ledger.asOf
        let grace = ledger.settings.deathGraceDays
        var findings: [Finding] = []
        // Per person: the death record and the drawdowns still outstanding on D.
        var outstanding: [PersonKey: [(drawdown: Drawdown, balance: Fen)]] = [:]
        var deaths: [PersonKey: (record: Participant, death: Day)] = [:]

        for drawdown in context.live {
            let id = drawdown.keys.person
            if deaths[id] == nil {
                guard let record = ledger.latestRecord(of: id), let death = record.deathDate,
                      asOf >= death + grace else { continue }
                deaths[id] = (record, death)
            }
            let death = deaths[id]!.death
            let balance = balances.balance(of: drawdown.keys.loan, on: asOf)
            guard balance > .zero else { continue }
            outstanding[id, default: []].append((drawdown, balance))
            findings.append(Finding(
                code: .e409, subject: .drawdown(drawdown), amount: balance, source: drawdown.source,
                detail: "借款人于 \(death.iso) 死亡（已满 \(grace) 天），借据截至 \(asOf.iso) 仍有余额 \(balance.yuan) 元，"
                    + "应从个人账户余额中结清"))
        }

        guard ledger.settings.profile.subsidisesInterest else { return findings }
        for id in outstanding.keys.sorted() {
            guard let (record, death) = deaths[id], subsidy.isEligible(id, in: death.year),
                  let lines = outstanding[id] else { continue }
            let total = lines.reduce(Fen.zero) { $0 + $1.balance }
            let account = record.personalAccountBalance ?? .zero
            let shortfall = total - account
            guard shortfall > .zero else { continue }
            let accountText = record.personalAccountBalance == nil
                ? "参保登记未报个人账户余额（按 0.00 元计）"
                : "个人账户余额 \(account.yuan) 元"
            findings.append(Finding(
                code: .e410, subject: .init(idNumber: ledger.keys.persons[id]), amount: shortfall, source: record.source,
                detail: "借款人于 \(death.iso) 死亡，\(death.year) 年符合贴息条件；截至 \(asOf.iso) "
                    + "\(lines.count) 笔借据余额合计 \(total.yuan) 元，\(accountText)，差额 \(shortfall.yuan) 元由财政承担"))
        }
        return findings
    }
}
