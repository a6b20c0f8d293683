import Testing
@testable import ZhubaoCore

/// rules.md §6 and §7 E301–E305. W = 10 days. Every expectation is worked out by hand in the
/// comments. LedgerBuilder's receipts default to LOAN, NORMAL, contract C1, the borrower, 8904.00
/// paid 2026-01-15, insurance 110, base 3710.00, period 2026-01..2026-12.
@Suite struct MatchingTests {
    // Contract C1: L1 5000.00 (2026-01-15) and L2 3000.00 (2026-01-16); receipts T1 3000.00
    // (01-15), T2 3000.00 (01-16), T3 2000.00 (01-17).
    // L1 (window 01-15..01-25) goes through T1, T2, T3: T1 fits (3000); T2 would make 6000 > 5000,
    // skipped; T3 fits (5000): matched [T1, T3]. L2 (window 01-16..01-26): T2 still unassigned,
    // fits (3000): matched [T2]. Nothing left over: no finding.
    @Test func aSkippedCandidateStaysForTheNextDrawdown() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.drawdown("L1", amount: "5000.00", disbursed: "2026-01-15")
        b.drawdown("L2", amount: "3000.00", disbursed: "2026-01-16")
        b.receipt("T3", amount: "2000.00", paid: "2026-01-17")
        b.receipt("T2", amount: "3000.00", paid: "2026-01-16")
        b.receipt("T1", amount: "3000.00", paid: "2026-01-15")
        let m = b.matching
        #expect(m.match(of: "L1")?.tickets == ["T1", "T3"])
        #expect(m.match(of: "L1")?.status == .matched)
        #expect(m.match(of: "L2")?.tickets == ["T2"])
        #expect(m.match(of: "L2")?.sum == fen("3000.00"))
        #expect(m.assignments == ["T1": "L1", "T3": "L1", "T2": "L2"])
        #expect(b.matchingFindings.isEmpty)
    }

    // The order is the rule's, not the files': LA 3000.00 and LB 2000.00 are disbursed the same day
    // (loanNo puts LA first); T1 2000.00 and T2 3000.00 arrive the same day (ticketNo puts T1
    // first). LA: T1 fits (2000), T2 would make 5000 > 3000, skipped → 2000 of 3000. LB: T2 would
    // make 3000 > 2000, skipped → nothing. After the window (D = 02-01 ≥ 01-25): LA E302 for
    // 1000.00, LB E301 for 2000.00, T2 E303 for 3000.00. (Served LB first, or T2 first, both
    // would have matched: the algorithm is greedy, exactly as §6 says.)
    @Test func drawdownsByDateThenLoanNoAndReceiptsByPaidOnThenTicketNo() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.drawdown("LB", amount: "2000.00")
        b.drawdown("LA", amount: "3000.00")
        b.receipt("T2", amount: "3000.00")
        b.receipt("T1", amount: "2000.00")
        #expect(b.matching.match(of: "LA")?.status == .partlyMatched)
        #expect(b.matching.match(of: "LB")?.status == .unmatched)
        let found = b.matchingFindings
        #expect(found.codes() == [.e302, .e301, .e303])
        #expect(found.map(\.amount) == [fen("1000.00"), fen("2000.00"), fen("3000.00")])
        #expect(found.map(\.subject.loanNo) == ["LA", "LB", nil])
        #expect(found[2].subject == Finding.Subject(idNumber: LedgerBuilder.borrower, contractNo: "C1", ticketNo: "T2"))
    }

    // Window edges: L1 disbursed 01-15, window [01-15, 01-25]. T0 paid 01-14 (before) and T9 paid
    // 01-26 (after) are no candidates; T5 paid 01-25 is: matched [T5]. As of 02-05: T0's window
    // passed on 01-24 and T9's on 02-05 (D ≥ PaidOn + W): E303 for both.
    @Test func theWindowIncludesBothEnds() throws {
        var b = try LedgerBuilder(asOf: "2026-02-05")
        b.drawdown("L1")
        b.receipt("T0", paid: "2026-01-14")
        b.receipt("T5", paid: "2026-01-25")
        b.receipt("T9", paid: "2026-01-26")
        #expect(b.matching.match(of: "L1")?.tickets == ["T5"])
        #expect(b.matchingFindings.only(.e303).map(\.subject.ticketNo) == ["T0", "T9"])
        b.reread(asOf: "2026-02-04")  // T9's window has not passed yet
        #expect(b.matchingFindings.only(.e303).map(\.subject.ticketNo) == ["T0"])
    }

    // Pending while D < disbursedOn + W = 01-25. No receipt: pending on 01-24, E301 for 8904.00 on
    // 01-25. Half paid (4452.00): pending on 01-24, E302 for 8904.00 − 4452.00 = 4452.00 on 01-25.
    // Fully paid on the day: matched at once (01-16), inside the window.
    @Test func pendingInsideTheWindowThenE301OrE302() throws {
        var none = try LedgerBuilder(asOf: "2026-01-24")
        none.drawdown("L1")
        #expect(none.matching.match(of: "L1")?.status == .pending)
        #expect(none.matchingFindings.isEmpty)
        none.reread(asOf: "2026-01-25")
        #expect(none.matching.match(of: "L1")?.status == .unmatched)
        #expect(none.matchingFindings.map(\.code) == [.e301])
        #expect(none.matchingFindings.first?.amount == fen("8904.00"))
        #expect(none.matchingFindings.first?.subject == .drawdown(none.ledger.drawdowns[0]))

        var half = try LedgerBuilder(asOf: "2026-01-24")
        half.drawdown("L1")
        half.receipt("T1", amount: "4452.00")
        #expect(half.matchingFindings.isEmpty)
        half.reread(asOf: "2026-01-25")
        #expect(half.matchingFindings.map(\.code) == [.e302])
        #expect(half.matchingFindings.first?.amount == fen("4452.00"))

        var full = try LedgerBuilder(asOf: "2026-01-16")
        full.drawdown("L1")
        full.receipt("T1")
        #expect(full.matching.match(of: "L1")?.status == .matched)
    }

    // A reversal after a match: L1 8904.00 matched by T1 8904.00 as of 01-20. R1 (known as of
    // 01-26) reverses T1: T1 is no candidate any more, L1 is unmatched after its window: E301 for
    // 8904.00. Neither the reversed T1 nor the reversal R1 raises E303.
    // Partly: T1 4452.00 + T2 4452.00 match; R2 reverses T2 → 4452.00 of 8904.00: E302 for
    // 4452.00. A new T3 4452.00 (01-20, in the window) matches it again.
    @Test func aReversalUndoesAMatch() throws {
        var b = try LedgerBuilder(asOf: "2026-01-20")
        b.drawdown("L1")
        b.receipt("T1")
        #expect(b.matching.match(of: "L1")?.status == .matched)
        b.reread(asOf: "2026-01-26")
        b.receipt("R1", amount: "-8904.00", paid: "2026-01-18", status: .reversal, reverses: "T1")
        #expect(b.matching.match(of: "L1")?.status == .unmatched)
        #expect(b.matchingFindings.codes() == [.e301])
        #expect(b.matchingFindings.first?.amount == fen("8904.00"))

        var p = try LedgerBuilder(asOf: "2026-01-26")
        p.drawdown("L1")
        p.receipt("T1", amount: "4452.00")
        p.receipt("T2", amount: "4452.00", paid: "2026-01-16")
        #expect(p.matching.match(of: "L1")?.status == .matched)
        p.receipt("R2", amount: "-4452.00", paid: "2026-01-19", status: .reversal, reverses: "T2")
        #expect(p.matching.match(of: "L1")?.tickets == ["T1"])
        #expect(p.matchingFindings.codes() == [.e302])
        #expect(p.matchingFindings.first?.amount == fen("4452.00"))
        #expect(p.matchingFindings.first?.detail == "放款 8904.00 元，窗口期（2026-01-15 至 2026-01-25）内到账 4452.00 元，差额 4452.00 元")
        p.receipt("T3", amount: "4452.00", paid: "2026-01-20")
        #expect(p.matching.match(of: "L1")?.tickets == ["T1", "T3"])
        #expect(p.matchingFindings.isEmpty)
    }
}

// MARK: - Candidates, E303, E304, E305

extension MatchingTests {
    // Only LOAN / NORMAL / not reversed / same contract / same person count. L1 8904.00 on C1
    // (no register record: C1's borrower is the person on its drawdowns, the borrower).
    // S1 SELF: no candidate, raises nothing. O1 by another person on C1: no candidate, and C1's
    // borrower is someone else → E304 (not E303). K1 names C2, known to neither register nor
    // drawdowns: no E304, but E303 once its window passed. L1 got nothing: E301.
    @Test func onlyTheBorrowersLoanReceiptsForTheContractAreCandidates() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.drawdown("L1")
        b.receipt("S1", contract: nil, channel: .selfPaid)
        b.receipt("O1", id: LedgerBuilder.otherPerson)
        b.receipt("K1", contract: "C2")
        #expect(b.matching.match(of: "L1")?.tickets == [])
        let found = b.matchingFindings
        #expect(found.codes() == [.e301, .e303, .e304])
        #expect(found.map(\.subject.ticketNo) == [nil, "K1", "O1"])
        #expect(found.only(.e304).first?.amount == fen("8904.00"))
        #expect(found.only(.e304).first?.subject.idNumber == LedgerBuilder.otherPerson)
    }

    // E303 waits for the receipt's own window: T1 (C1, no drawdown at all) paid 01-15 passes on
    // 01-25: nothing on 01-24, E303 for 8904.00 (WARN, owner TAX) on 01-25.
    @Test func e303ForALeftoverReceiptOnceItsWindowPassed() throws {
        var b = try LedgerBuilder(asOf: "2026-01-24")
        b.receipt("T1")
        #expect(b.matchingFindings.isEmpty)
        b.reread(asOf: "2026-01-25")
        let found = b.matchingFindings
        #expect(found.codes() == [.e303])
        #expect(found.first?.amount == fen("8904.00"))
        #expect(found.first?.severity == .warning)
        #expect(found.first?.detail.contains("至 2026-01-25") == true)
    }

    // E304 from the register: the other person's record holds C2. The borrower's receipt naming C2
    // → E304 for 8904.00 (and no E303, even long after its window). The other person's own receipt
    // on C2 → no E304 (it has no drawdown: E303). The register wins over the drawdowns: the
    // borrower's drawdown on C2 matches the borrower's receipt T3, and T3 still raises E304. A
    // reversed receipt naming C2 raises nothing.
    @Test func e304ForAReceiptNamingAnotherPersonsContract() throws {
        var b = try LedgerBuilder(asOf: "2026-03-01")
        b.participant(LedgerBuilder.otherPerson, contract: "C2")
        b.receipt("T1", contract: "C2", paid: "2026-01-05")
        b.receipt("T2", contract: "C2", id: LedgerBuilder.otherPerson, paid: "2026-01-06")
        b.drawdown("L3", contract: "C2", amount: "100.00", disbursed: "2026-02-01")
        b.receipt("T3", contract: "C2", amount: "100.00", paid: "2026-02-01")
        b.receipt("T4", contract: "C2", paid: "2026-01-07")
        b.receipt("R4", contract: "C2", amount: "-8904.00", paid: "2026-01-08", status: .reversal, reverses: "T4")
        #expect(b.matching.match(of: "L3")?.tickets == ["T3"])
        let found = b.matchingFindings
        #expect(found.codes() == [.e304, .e303, .e304])
        #expect(found.map(\.subject.ticketNo) == ["T1", "T2", "T3"])
        #expect(found.map(\.amount) == [fen("8904.00"), fen("8904.00"), fen("100.00")])
        #expect(found[0].subject == Finding.Subject(idNumber: LedgerBuilder.borrower, contractNo: "C2", ticketNo: "T1"))
    }

    // E305 (ganzhou): 2026 minimum base 3710.00. Base 3710.01 → E305 (no amount); 3710.00 → none;
    // insurance 170, a SELF receipt, a reversed receipt, no base, or a year without a base (2030)
    // → none. The matched receipt T1 still raises it. tongling: never.
    @Test func e305BaseAboveTheMinimumOfTheYearOfPeriodFrom() throws {
        for profile in [Profile.ganzhou2021, .tongling2022] {
            var b = try LedgerBuilder(asOf: "2026-01-16", profile: profile)
            b.drawdown("L1")
            b.receipt("T1", base: "3710.01")
            b.receipt("T2", contract: "C9", base: "3710.00")
            b.receipt("T3", contract: "C9", base: "9999.00", insurance: .residents)
            b.receipt("T4", contract: nil, channel: .selfPaid, base: "9999.00")
            b.receipt("T5", contract: "C9", base: "9999.00")
            b.receipt("R5", contract: "C9", amount: "-8904.00", status: .reversal, reverses: "T5")
            b.receipt("T6", contract: "C9", base: nil)
            b.receipt("T7", contract: "C9", base: "9999.00", period: ("2030-01", "2030-12"))
            #expect(b.matching.match(of: "L1")?.tickets == ["T1"])
            let found = b.matchingFindings.only(.e305)
            #expect(found.map(\.subject.ticketNo) == (profile == .ganzhou2021 ? ["T1"] : []))
            #expect(found.first?.amount == nil)
        }
    }

    // A cancelled drawdown takes part in nothing: L0 neither takes T1 nor raises E301; T1 is left
    // over (E303), and C1's borrower, by the register, is still the borrower (no E304).
    @Test func aCancelledDrawdownIsNotMatched() throws {
        var b = try LedgerBuilder(asOf: "2026-02-01")
        b.participant()
        b.drawdown("L0", cancelled: true)
        b.receipt("T1")
        #expect(b.matching.match(of: "L0") == nil)
        #expect(b.matching.matches.isEmpty)
        #expect(b.matchingFindings.codes() == [.e303])
    }

    // No detail carries an ID number, a name or an account number.
    @Test func detailsCarryNoPersonalData() throws {
        var b = try LedgerBuilder(asOf: "2026-03-01")
        b.participant(LedgerBuilder.otherPerson, contract: "C2")
        b.drawdown("L1")
        b.drawdown("L2", amount: "9000.00", disbursed: "2026-01-20")
        b.receipt("T1", amount: "100.00", base: "4000.00")
        b.receipt("T2", contract: "C2")
        b.receipt("T3", contract: "C7")
        let found = b.matchingFindings
        #expect(Set(found.codes()) == [.e301, .e302, .e303, .e304, .e305])
        for finding in found {
            for secret in [LedgerBuilder.borrower, LedgerBuilder.otherPerson, "刘建国", "6217002030001234567",
                           "36070001199000000001"] {
                #expect(!finding.detail.contains(secret), "\(finding.code): \(finding.detail)")
            }
        }
    }
}
