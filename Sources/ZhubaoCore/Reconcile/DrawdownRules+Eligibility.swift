/// rules.md §7 E202 (第二条, ganzhou-2021): the borrower's first drawdown must come no more than
/// `ageWindowYears` (8) years before the retirement date, and not after it once the person has
/// paid 180 months (15 years, the minimum for a pension) — someone who can already draw a pension
/// is not to be lent to.
///
/// - The first drawdown is the earliest that is not cancelled, by disbursement date, then loanNo
///   (`ReconcileContext.firstDrawdowns`, rules.md §4); later drawdowns are not checked.
/// - The register is read *on the first drawdown's date* (`Ledger.record(of:on:)`, rules.md §2):
///   the extract in force that day decides `RetirementDate` and `ContributionMonths`, so a later
///   change (e.g. a retirement date moved by the 2025 reform) does not rewrite the check.
/// - "More than n years before" is measured like a term in §5, from the disbursement date:
///   raised when the disbursement date plus n years (29 February → 28 February in a common year)
///   is still before the retirement date. Exactly n years before is allowed.
/// - "After" the retirement date means strictly after: a first drawdown on the retirement date
///   itself is allowed whatever the months.
/// - A person with no register record at all raises no E202 (E201 says so).
extension DrawdownRules {
    /// 第二条: paid months from which a person is entitled to a pension (15 years).
    package static let fullContributionMonths = 180

    /// E202 for each borrower's first drawdown, in order of disbursement date, then loanNo.
    static func ageWindowFindings(_ context: ReconcileContext) -> [Finding] {
        let ledger = context.ledger
        let years = ledger.settings.ageWindowYears
        // `live` is in order of disbursement date, then loanNo: its first drawdown of each person.
        let firsts = context.live.indices.filter { context.firstDrawdownPositions[context.live[$0].keys.person.position] == Int32($0) }
            .map { context.live[$0] }
        var found: [Finding] = []
        for first in firsts {
            guard let record = ledger.record(of: first.keys.person, on: first.disbursedOn) else { continue }
            let disbursed = first.disbursedOn
            let retirement = record.retirementDate
            let windowEnd = disbursed.adding(years: years)
            let reading = "参保登记（\(record.asOf.iso) 的记录）"
            if windowEnd < retirement {
                found.append(Finding(
                    code: .e202, subject: .drawdown(first), amount: first.amount, source: first.source,
                    detail: "首笔放款日 \(disbursed.iso) 加 \(years) 年为 \(windowEnd.iso)，仍早于\(reading)的退休日期 "
                        + "\(retirement.iso)：距退休超过 \(years) 年；放款 \(first.amount.yuan) 元"))
            } else if disbursed > retirement, record.contributionMonths >= fullContributionMonths {
                found.append(Finding(
                    code: .e202, subject: .drawdown(first), amount: first.amount, source: first.source,
                    detail: "首笔放款日 \(disbursed.iso) 晚于\(reading)的退休日期 \(retirement.iso)，且累计缴费 "
                        + "\(record.contributionMonths) 个月，已满 \(fullContributionMonths) 个月；放款 \(first.amount.yuan) 元"))
            }
        }
        return found
    }
}
