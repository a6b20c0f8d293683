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
    let ledger: Ledger
    /// `Matching.candidates(ledger)`: the receipts that can be assigned or raise E303–E305.
    let candidates: [Receipt]
    /// For each of `candidates`, the position in `matches` of the drawdown it was assigned to (−1: none).
    let assignedTo: [Int32]
    /// The position in `matches` of each loan's match, by `LoanKey` (−1: none).
    private let positions: [Int32]

    package init(_ ledger: Ledger) {
        self = ReconcileContext(ledger: ledger).matching
    }

    /// The match of `live`, the ledger's drawdowns that take part in order of disbursement date,
    /// then loanNo (`ReconcileContext.live`); the ledger is interned.
    init(_ ledger: Ledger, live: [Drawdown]) {
        self.ledger = ledger
        let window = ledger.settings.matchWindowDays
        let candidates = Self.candidates(ledger)
        self.candidates = candidates
        // Each contract's pool: the positions in `candidates` of its receipts, in their order.
        var pools = [[Int]](repeating: [], count: ledger.keys.contracts.count)
        for (index, receipt) in candidates.enumerated() where !receipt.keys.contract.isNone {
            pools[receipt.keys.contract.position].append(index)
        }
        var assigned = [Int32](repeating: -1, count: candidates.count)
        var matches: [DrawdownMatch] = []
        matches.reserveCapacity(live.count)
        // `live` is in order of disbursement date, then loanNo, over all contracts; each
        // contract's receipts form their own pool, so this serves each contract in that order.
        for drawdown in live {
            let windowEnd = drawdown.disbursedOn + window
            var sum = Fen.zero
            var tickets: [String] = []
            for index in pools[drawdown.keys.contract.position] where assigned[index] < 0 {
                let receipt = candidates[index]
                guard receipt.keys.person == drawdown.keys.person, receipt.paidOn >= drawdown.disbursedOn,
                      receipt.paidOn <= windowEnd else { continue }
                guard sum + receipt.amount <= drawdown.amount else { continue }  // would overshoot: skip
                sum += receipt.amount
                tickets.append(receipt.ticketNo)
                assigned[index] = Int32(matches.count)
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
        self.assignedTo = assigned
        var positions = [Int32](repeating: -1, count: ledger.keys.loans.count)
        for (index, match) in matches.enumerated() where positions[match.drawdown.keys.loan.position] < 0 {
            positions[match.drawdown.keys.loan.position] = Int32(index)
        }
        self.positions = positions
    }

    /// ticketNo → loanNo of the drawdown the receipt was assigned to.
    package var assignments: [String: String] {
        var assignments: [String: String] = [:]
        for (index, match) in assignedTo.enumerated() where match >= 0 {
            assignments[candidates[index].ticketNo] = matches[Int(match)].drawdown.loanNo
        }
        return assignments
    }

    /// The match of the drawdown with this loanNo; nil for an unknown or cancelled drawdown.
    package func match(of loanNo: String) -> DrawdownMatch? {
        guard let loan = ledger.keys.loans.key(loanNo), positions[loan.position] >= 0 else { return nil }
        return matches[Int(positions[loan.position])]
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
    ///
    /// Their positions are sorted, not the receipts: each receipt is copied once, into its place.
    static func candidates(_ ledger: Ledger) -> [Receipt] {
        let receipts = ledger.receipts
        var order = receipts.indices.filter { receipts[$0].isLoanReceipt && !receipts[$0].reversed }
        order.sort { (receipts[$0].paidOn, receipts[$0].ticketNo) < (receipts[$1].paidOn, receipts[$1].ticketNo) }
        var candidates: [Receipt] = []
        candidates.reserveCapacity(order.count)
        for index in order { candidates.append(receipts[index]) }
        return candidates
    }
}
