/// E505 (rules.md §7, 第九条): subsidy approved for a drawdown and year by the latest
/// `zhubao claim` of that year with an as-of date before D that is now computed lower — a
/// certification revoked as false, an end date published late — must be recovered.
package enum ClaimRecovery: RuleFamily {
    /// What a claim run approved for one drawdown and year.
    package struct Approval: Sendable, Equatable {
        package var loanNo: String
        package var year: Int
        package var approved: Fen
        /// The as-of date of the claim run that approved it.
        package var asOf: Day

        package init(loanNo: String, year: Int, approved: Fen, asOf: Day) {
            self.loanNo = loanNo
            self.year = year
            self.approved = approved
            self.asOf = asOf
        }
    }

    /// The subsidy computed as of D is the context's (zero where none is due).
    static func applies(to profile: Profile) -> Bool { profile.subsidisesInterest }

    static func findings(_ context: ReconcileContext) -> [Finding] {
        let ledger = context.ledger
        var findings: [Finding] = []
        for approval in context.approvals where approval.asOf < ledger.asOf {
            let now = context.subsidy.computed(loanNo: approval.loanNo, year: approval.year)
            guard now < approval.approved else { continue }
            let drawdown = context.drawdown(approval.loanNo)
            let difference = approval.approved - now
            findings.append(Finding(
                code: .e505,
                subject: .init(idNumber: drawdown?.idNumber, contractNo: drawdown?.contractNo,
                               loanNo: approval.loanNo, year: approval.year),
                amount: difference, source: drawdown?.source ?? approval.loanNo,
                detail: "\(approval.year) 年贴息已于 \(approval.asOf.iso) 核定 \(approval.approved.yuan) 元，现按 \(ledger.asOf.iso) 的数据计算为 \(now.yuan) 元，应追回 \(difference.yuan) 元"))
        }
        return findings
    }
}
