/// rules.md §4 and §7, E501–E504 (ganzhou-2021): every bank claim line known as of D against the
/// subsidy computed as of D for its drawdown and year. Only `claimed` is compared; the line's
/// period, days, 积数 and rate are shown beside the computed ones, not checked.
///
/// - E504: the loanNo names no drawdown known as of D, or a cancelled one. Amount: claimed.
/// - E502: the drawdown has no subsidised day in the year and the bank claims more than zero.
///   Amount: claimed.
/// - E501: claimed above computed; the computed amount is approved. Amount: the excess.
/// - E503: claimed above zero and below computed; the claimed amount is approved. Amount: the
///   difference.
///
/// The verdict of a line (for `zhubao claim`): approved = the lower of claimed and computed,
/// 0 where none is due or the bank claimed nothing (a claim of zero or less approves nothing
/// and raises nothing).
package enum ClaimRules: RuleFamily {
    /// E501–E504 for every claim line (a context of its own).
    package static func findings(ledger: Ledger) -> [Finding] {
        findings(ReconcileContext(ledger: ledger))
    }

    static func applies(to profile: Profile) -> Bool { profile.subsidisesInterest }

    static func findings(_ context: ReconcileContext) -> [Finding] {
        verdicts(context).flatMap(\.findings)
    }

    package static func verdicts(ledger: Ledger) -> [ClaimVerdict] {
        verdicts(ReconcileContext(ledger: ledger))
    }

    /// One verdict per claim line known as of D, in order of loanNo, year, then source; none
    /// where the profile does not subsidise interest. The drawdown of a line is the context's
    /// for its loanNo, cancelled or not (a cancelled one raises E504).
    static func verdicts(_ context: ReconcileContext) -> [ClaimVerdict] {
        let ledger = context.ledger
        guard ledger.settings.profile.subsidisesInterest else { return [] }
        let lines = ledger.claimLines.sorted { ($0.keys.loan, $0.year, $0.source) < ($1.keys.loan, $1.year, $1.source) }
        return lines.map { verdict(for: $0, drawdown: context.drawdown($0.keys.loan), subsidy: context.subsidy) }
    }

    /// The verdict on one claim line; `drawdown`: the drawdown its loanNo names, if any.
    package static func verdict(for line: ClaimLine, drawdown: Drawdown?, subsidy: Subsidy) -> ClaimVerdict {
        let claimed = line.claimed
        let subject = Finding.Subject(idNumber: drawdown?.idNumber ?? line.idNumber,
                                      contractNo: drawdown?.contractNo ?? line.contractNo,
                                      loanNo: line.loanNo, year: line.year)
        func finding(_ code: ExceptionCode, _ amount: Fen, _ detail: String) -> Finding {
            Finding(code: code, subject: subject, amount: amount, source: line.source, detail: detail)
        }

        guard let drawdown, !drawdown.cancelled else {
            let what = drawdown == nil ? "截至 \(subsidy.asOf.iso) 无此借据的放款记录" : "该借据已冲销"
            return ClaimVerdict(line: line, subsidy: nil, computed: .zero, approved: .zero,
                                findings: [finding(.e504, claimed, "\(line.year) 年申请贴息 \(claimed.yuan) 元，\(what)，不予拨付")])
        }
        guard let computed = subsidy.line(loanNo: line.loanNo, year: line.year) else {
            let findings = claimed > .zero
                ? [finding(.e502, claimed, "\(line.year) 年申请贴息 \(claimed.yuan) 元，但该年无应贴息天数："
                    + "\(subsidy.whyNoSubsidy(loanNo: line.loanNo, year: line.year))；不予拨付")]
                : []
            return ClaimVerdict(line: line, subsidy: nil, computed: .zero, approved: .zero, findings: findings)
        }

        let amount = computed.computed
        let approved = max(.zero, min(claimed, amount))
        let capped = computed.rate < computed.contractRate ? "，\(computed.rateNote)" : ""
        let basis = "核定 \(amount.yuan) 元（\(computed.formula)，\(computed.from.iso) 至 \(computed.to.iso) "
            + "共 \(computed.days) 天\(capped)）"
        let figures = bankFigures(line, computed)
        var findings: [Finding] = []
        if claimed > amount {
            let excess = claimed - amount
            findings.append(finding(.e501, excess,
                "\(line.year) 年申请 \(claimed.yuan) 元，\(basis)，多申请 \(excess.yuan) 元，按核定金额拨付\(figures)"))
        } else if claimed > .zero, claimed < amount {
            let difference = amount - claimed
            findings.append(finding(.e503, difference,
                "\(line.year) 年申请 \(claimed.yuan) 元，\(basis)，少申请 \(difference.yuan) 元，按申请金额拨付\(figures)"))
        }
        return ClaimVerdict(line: line, subsidy: computed, computed: amount, approved: approved, findings: findings)
    }

    /// The bank's own period, days, 积数 and rate where they differ from the computed ones:
    /// shown, not checked (rules.md §7).
    static func bankFigures(_ line: ClaimLine, _ computed: SubsidyLine) -> String {
        let same = line.from == computed.from && line.to == computed.to && line.days == computed.days
            && line.accumulated == computed.accumulated && line.rate == computed.rate
        if same { return "" }
        return "；银行所报 \(line.from.iso) 至 \(line.to.iso) 共 \(line.days) 天，"
            + "积数 \(line.accumulated.yuan) × \(line.rate.percent)% ÷ 360"
    }
}

/// What `zhubao claim` shows and approves for one bank claim line.
package struct ClaimVerdict: Sendable, Equatable {
    package var line: ClaimLine
    /// The subsidy computed for the line's drawdown and year; nil where none is due.
    package var subsidy: SubsidyLine?
    /// The computed amount (0 where none is due).
    package var computed: Fen
    /// The lower of claimed and computed; 0 where none is due or nothing was claimed.
    package var approved: Fen
    /// The E501–E504 raised on the line (at most one).
    package var findings: [Finding]

    /// The codes shown on the claim line (`Codes`).
    package var codes: [ExceptionCode] { findings.map(\.code) }
}
