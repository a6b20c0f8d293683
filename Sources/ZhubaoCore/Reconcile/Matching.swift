/// rules.md §6, use of funds (专款专用): each drawdown is matched to the contribution receipts
/// its money paid for. The exceptions this gives (§7 E301–E305) are in Matching+Findings.swift.
///
/// The algorithm, exactly as §6 states it:
/// - Candidates for drawdown L (not cancelled): receipts with `Channel` LOAN and status NORMAL,
///   not reversed by a reversal known as of D (`Receipt.reversed`), with L's contract number,
///   L's own `idNumber`, and `PaidOn` within `[disbursedOn, disbursedOn + W]` (both ends
///   included; W = `settings.matchWindowDays`).
/// - The drawdowns of a contract are served in order of disbursement date, then loanNo; each goes
///   through the candidates still unassigned in order of `PaidOn`, then ticketNo, and takes every
///   one that still fits: a candidate that would carry the sum past L's amount is skipped and
///   stays unassigned for the next drawdown.
/// - L is **matched** when the sum equals its amount (even before its window has passed),
///   **pending** otherwise while D < disbursedOn + W, and after that **partly matched** when
///   some receipt was assigned, **unmatched** when none was (E302 and E301).
///
/// A reversed receipt is no candidate at all: a reversal that arrives after a match undoes it, and
/// the drawdown is matched again from the remaining candidates as of the new D.
package struct Matching: Sendable, RuleFamily {
    package enum Status: String, Sendable, Equatable {
        /// The assigned receipts sum to the drawdown's amount.
        case matched
        /// Below the amount, D < disbursedOn + W: receipts may still arrive.
        case pending
        /// Below the amount but above zero after the window (E302).
        case partlyMatched
        /// No receipt assigned after the window (E301).
        case unmatched
    }

    /// The match of one drawdown, for the reports.
    package struct DrawdownMatch: Sendable, Equatable {
        package var drawdown: Drawdown
        package var status: Status
        /// The receipts assigned, in order of `PaidOn`, then ticketNo.
        package var tickets: [String]
        /// The sum of the assigned receipts' amounts.
        package var sum: Fen
        /// disbursedOn + W: the last `PaidOn` that counts; from this day on the window has passed.
        package var windowEnd: Day

        /// Amount not yet (or never) matched: amount − sum.
        package var shortfall: Fen { drawdown.amount - sum }
    }

    /// One per drawdown that takes part, in order of disbursement date, then loanNo.
    package let matches: [DrawdownMatch]
    /// ticketNo → loanNo of the drawdown the receipt was assigned to.
    package let assignments: [String: String]
    let ledger: Ledger
    /// `Matching.candidates(ledger)`: the receipts that can be assigned or raise E303–E305.
    let candidates: [Receipt]
    private let index: [String: Int]

    package init(_ ledger: Ledger) {
        self.init(ledger, live: ReconcileContext.liveDrawdowns(ledger))
    }

    /// The match of `live`, the ledger's drawdowns that take part in order of disbursement date,
    /// then loanNo (`ReconcileContext.live`).
    init(_ ledger: Ledger, live: [Drawdown]) {
        self.ledger = ledger
        let window = ledger.settings.matchWindowDays
        let candidates = Self.candidates(ledger)
        self.candidates = candidates
        var pools: [String: [Receipt]] = [:]
        for receipt in candidates {
            if let contract = receipt.contractNo { pools[contract, default: []].append(receipt) }
        }
        var assigned: [String: String] = [:]
        var matches: [DrawdownMatch] = []
        // `live` is in order of disbursement date, then loanNo, over all contracts; each
        // contract's receipts form their own pool, so this serves each contract in that order.
        for drawdown in live {
            let windowEnd = drawdown.disbursedOn + window
            var sum = Fen.zero
            var tickets: [String] = []
            for receipt in pools[drawdown.contractNo] ?? []
            where assigned[receipt.ticketNo] == nil && receipt.idNumber == drawdown.idNumber
                && receipt.paidOn >= drawdown.disbursedOn && receipt.paidOn <= windowEnd {
                guard sum + receipt.amount <= drawdown.amount else { continue }  // would overshoot: skip
                sum += receipt.amount
                tickets.append(receipt.ticketNo)
                assigned[receipt.ticketNo] = drawdown.loanNo
            }
            let status: Status
            if sum == drawdown.amount {
                status = .matched
            } else if ledger.asOf < windowEnd {
                status = .pending
            } else {
                status = sum == .zero ? .unmatched : .partlyMatched
            }
            matches.append(DrawdownMatch(drawdown: drawdown, status: status, tickets: tickets, sum: sum,
                                         windowEnd: windowEnd))
        }
        self.matches = matches
        self.assignments = assigned
        self.index = Dictionary(matches.enumerated().map { ($1.drawdown.loanNo, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The match of the drawdown with this loanNo; nil for an unknown or cancelled drawdown.
    package func match(of loanNo: String) -> DrawdownMatch? {
        index[loanNo].map { matches[$0] }
    }

    /// E301–E305 as of the ledger's date, for the codes the profile applies.
    package static func findings(_ ledger: Ledger) -> [Finding] {
        findings(ReconcileContext(ledger: ledger))
    }

    /// E301–E305 from the context's match, for the codes the profile applies.
    static func findings(_ context: ReconcileContext) -> [Finding] {
        context.matching.findings(context)
    }

    /// LOAN receipts with status NORMAL that no reversal known as of D names, in order of
    /// `PaidOn`, then ticketNo: the only receipts that can be assigned, and the only ones that can
    /// raise E303–E305 (reversed receipts and reversal records raise none of them).
    static func candidates(_ ledger: Ledger) -> [Receipt] {
        ledger.receipts.filter { $0.isLoanReceipt && !$0.reversed }
            .sorted { ($0.paidOn, $0.ticketNo) < ($1.paidOn, $1.ticketNo) }
    }
}
