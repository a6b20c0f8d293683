import Testing
@testable import ZhubaoCore

/// Interned keys (`InternedKey`, `LedgerHistory.intern()`): numbered in sorted order of the
/// strings, so that every sort and tie-break by key is the one by string; the same records
/// keyed whether the ledger comes from a history or is built (or changed) by hand.
@Suite struct InternedKeyTests {
    // Seen in the order L10, L2, L1 (a loanNo's order is by string: "L1" < "L10" < "L2"): the
    // keys rank them L1 = 0, L10 = 1, L2 = 2, whatever order they were first seen in.
    @Test func keysAreNumberedInTheOrderOfTheirStrings() {
        var builder = Interner<LoanSpace>.Builder()
        let seen = ["L10", "L2", "L1", "L10"].map { builder.provisional($0) }
        #expect(seen == [0, 1, 2, 0])
        let (interner, ranks) = builder.finish()
        #expect(interner.strings == ["L1", "L10", "L2"])
        #expect(ranks.map(\.index) == [1, 2, 0])
        #expect(interner.key("L2")?.index == 2)
        #expect(interner.key("L3") == nil)
        #expect(interner[LoanKey(1)] == "L10")
        let strings = ["L2", "L10", "L1"]
        #expect(strings.sorted() == strings.sorted { interner.key($0)! < interner.key($1)! })
    }

    // A ledger selected from a history carries keys that name its strings, and its register is
    // filed by them: each record's keys read back as its own ID number, loanNo and contract.
    @Test func aHistorysLedgerCarriesTheKeysOfItsStrings() throws {
        var b = try LedgerBuilder(asOf: "2026-06-30")
        b.drawdown("L2", contract: "C2", id: LedgerBuilder.otherPerson)
        b.drawdown("L1", contract: "C1")
        b.receipt("T1", contract: "C2")
        b.participant(LedgerBuilder.borrower, asOf: "2026-01-01", contract: "C1")
        let ledger = b.ledger
        #expect(ledger.isInterned)
        for drawdown in ledger.drawdowns {
            #expect(ledger.keys.loans[drawdown.keys.loan] == drawdown.loanNo)
            #expect(ledger.keys.contracts[drawdown.keys.contract] == drawdown.contractNo)
            #expect(ledger.keys.persons[drawdown.keys.person] == drawdown.idNumber)
        }
        #expect(ledger.keys.contracts[ledger.receipts[0].keys.contract] == "C2")
        let borrower = try #require(ledger.keys.persons.key(LedgerBuilder.borrower))
        #expect(ledger.register[borrower].map(\.idNumber) == [LedgerBuilder.borrower])
        #expect(ledger.register[LedgerBuilder.otherPerson] == nil)
        #expect(ledger.register.keys == [LedgerBuilder.borrower])
    }

    // A record added by hand to a selected ledger has no keys: the context interns the ledger
    // again, and the new drawdown takes part like the others (L0 first, by loanNo, on the same day).
    @Test func aRecordAddedByHandIsKeyedByTheContext() throws {
        var b = try LedgerBuilder(asOf: "2026-06-30")
        let first = b.drawdown("L1", disbursed: "2026-01-15")
        var ledger = b.ledger
        var added = first
        added.loanNo = "L0"
        added.keys = RecordKeys()
        ledger.drawdowns.append(added)
        #expect(!ledger.isInterned)
        let context = ReconcileContext(ledger: ledger)
        #expect(context.ledger.isInterned)
        #expect(context.live.map(\.loanNo) == ["L0", "L1"])
        #expect(context.drawdown("L0")?.loanNo == "L0")
        #expect(context.balances.balance(of: "L0", on: first.disbursedOn) == first.amount)
    }

    // A drawdown taken from a ledger with more loans carries a key beyond this ledger's interner
    // (L3 is key 2 there, this ledger numbers two loanNos): it is keyed again, not read out of range.
    @Test func aRecordKeyedByAnotherLedgerIsKeyedAgain() throws {
        var big = try LedgerBuilder(asOf: "2026-06-30")
        for loanNo in ["L1", "L2", "L3"] { big.drawdown(loanNo, contract: "C\(loanNo)") }
        let foreign = try #require(big.ledger.drawdowns.first { $0.loanNo == "L3" })
        #expect(foreign.keys.loan.index == 2)
        var small = try LedgerBuilder(asOf: "2026-06-30")
        small.drawdown("L1")
        small.drawdown("L2", contract: "C2")
        var ledger = small.ledger
        ledger.drawdowns.append(foreign)
        #expect(!ledger.isInterned)
        let context = ReconcileContext(ledger: ledger)
        #expect(context.ledger.keys.loans.strings == ["L1", "L2", "L3"])
        #expect(context.drawdown("L3")?.contractNo == "CL3")
    }

    // Keys stay out of the records' equality: the same drawdown read through two interners
    // (numbered differently) is the same drawdown.
    @Test func keysAreNotPartOfARecordsEquality() throws {
        var b = try LedgerBuilder(asOf: "2026-06-30")
        let drawdown = b.drawdown("L1")
        var renumbered = drawdown
        renumbered.keys = RecordKeys(person: PersonKey(7), loan: LoanKey(3), contract: ContractKey(5))
        #expect(renumbered == drawdown)
        #expect(b.ledger.drawdowns == [drawdown])
    }
}
