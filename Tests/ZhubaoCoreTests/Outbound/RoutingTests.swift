import Testing
@testable import ZhubaoCore

/// outbound.md's routing table, code by code, against a ledger whose files come from several
/// senders, so that each row can only pass by reading the file it names.
@Suite struct RoutingTests {
    static func disb(_ bank: String, _ line: Int = 2) -> String { "B\(bank)_DISB_360700_20260115_001.txt:\(line)" }
    static func dedu(_ bank: String, _ line: Int = 2) -> String { "B\(bank)_DEDU_360700_20260310_001.txt:\(line)" }

    /// L1 from B105; contract C2's lump sums: L2 (B313, 03-01), L3 (B302, 02-01, loanNo after L4),
    /// L4 (B104, 02-01), L5 cancelled (B102, 01-10: not in E206's sum, so not the earliest).
    static func ledger() throws -> Ledger {
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.drawdown("L1", bank: "105", source: disb("105"))
        b.drawdown("L2", contract: "C2", bank: "313", mode: .lump, disbursed: "2026-03-01", source: disb("313"))
        b.drawdown("L3", contract: "C2", bank: "302", mode: .lump, disbursed: "2026-02-01", source: disb("302"))
        b.drawdown("L0", contract: "C2", bank: "104", mode: .lump, disbursed: "2026-02-01", source: disb("104"))
        b.drawdown("L5", contract: "C2", bank: "102", mode: .lump, disbursed: "2026-01-10", cancelled: true, source: disb("102"))
        // A borrower's March 2026 pension deductions: a failed one first, then two on the 5th.
        b.transaction("T9", loan: "L1", date: "2026-03-03", result: .failed, source: dedu("313"))
        b.transaction("T5", loan: "L1", date: "2026-03-05", principal: "100.00", source: dedu("105"))
        b.transaction("T4", loan: "L1", date: "2026-03-05", kind: .voluntary, principal: "100.00", source: dedu("403"))
        b.transaction("T6", loan: "L1", date: "2026-03-05", principal: "10.00", result: .partial, source: dedu("301"))
        b.transaction("T7", loan: "L1", date: "2026-04-02", principal: "10.00", result: .partial, source: dedu("314"))
        b.claim("L1", claimed: "10.00", bank: "403")
        return b.ledger
    }

    static func finding(_ code: String, _ subject: Finding.Subject) -> Finding {
        Finding(code: code, subject: subject, source: "x", detail: "")
    }

    @Test func fileSendersForIntakeCodes() throws {
        let routing = Routing(ledger: try Self.ledger())
        #expect(routing.recipient(of: Self.finding("E001", .init(file: "MZ_HARD_360700_20260131_001.csv"))) == "MZ")
        #expect(routing.recipient(of: Self.finding("E002", .init(file: "TAX_RCPT_360700_20260115_002.xml.gz"))) == "TAX")
        #expect(routing.recipient(of: Self.finding("E003", .init(idNumber: "1", file: "SI_PART_360700_20260107_001.xml"))) == "SI")
        #expect(routing.recipient(of: Self.finding("E004", .init(loanNo: "L1", file: "B313_DISB_360700_20260107_001.txt"))) == "B313")
        #expect(routing.recipient(of: Self.finding("E004", .init(txnNo: "T1", file: "XC_HARD_360700_20260107_001.csv"))) == "XC")
        // A name that does not parse: none.
        #expect(routing.recipient(of: Self.finding("E001", .init(file: "notes.txt"))) == nil)
        #expect(routing.recipient(of: Self.finding("E001", .init(file: "B105_RCPT_360700_20260115_001.xml"))) == nil)
    }

    @Test func drawdownCodesGoToTheBankOfTheNLine() throws {
        let routing = Routing(ledger: try Self.ledger())
        for code in ["E203", "E204", "E205", "E207", "E208", "E301", "E302", "E406"] {
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1"))) == "B105", "\(code)")
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C2", loanNo: "L2"))) == "B313", "\(code)")
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C9", loanNo: "L-unknown"))) == nil)
        }
    }

    @Test func e206GoesToTheBankOfTheContractsEarliestLumpSum() throws {
        let routing = Routing(ledger: try Self.ledger())
        // L0 and L3 both on 02-01: loanNo decides (L0); the cancelled L5 of 01-10 does not count.
        #expect(routing.recipient(of: Self.finding("E206", .init(idNumber: "1", contractNo: "C2"))) == "B104")
        // C1 has no lump sum at all.
        #expect(routing.recipient(of: Self.finding("E206", .init(idNumber: "1", contractNo: "C1"))) == nil)
    }

    @Test func transactionCodesGoToTheSenderOfTheirDEDUFile() throws {
        let routing = Routing(ledger: try Self.ledger())
        for code in ["E402", "E403", "E404", "E405", "E407", "E408"] {
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1", txnNo: "T9"))) == "B313")
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1", txnNo: "T7"))) == "B314")
        }
    }

    @Test func e401GoesToTheMonthsFirstCollectedPensionLine() throws {
        let routing = Routing(ledger: try Self.ledger())
        let id = LedgerBuilder.borrower
        // March: T9 failed (not S/P), T4 is kind V; of T5 and T6 on the 5th, txnNo T5 first.
        #expect(routing.recipient(of: Self.finding("E401", .init(idNumber: id, month: YearMonth(year: 2026, month: 3)))) == "B105")
        #expect(routing.recipient(of: Self.finding("E401", .init(idNumber: id, month: YearMonth(year: 2026, month: 4)))) == "B314")
        #expect(routing.recipient(of: Self.finding("E401", .init(idNumber: id, month: YearMonth(year: 2026, month: 5)))) == nil)
    }

    @Test func claimCodesGoToTheSenderOfTheCLAIMFile() throws {
        let routing = Routing(ledger: try Self.ledger())
        for code in ["E501", "E502", "E503", "E504"] {
            #expect(routing.recipient(of: Self.finding(code, .init(loanNo: "L1", year: 2026))) == "B403")
            #expect(routing.recipient(of: Self.finding(code, .init(loanNo: "L1", year: 2025))) == nil)
        }
    }

    @Test func taxAndUnroutedCodes() throws {
        let routing = Routing(ledger: try Self.ledger())
        #expect(routing.recipient(of: Self.finding("E303", .init(idNumber: "1", ticketNo: "K1"))) == "TAX")
        #expect(routing.recipient(of: Self.finding("E304", .init(idNumber: "1", ticketNo: "K1"))) == "TAX")
        for code in ["E201", "E202", "E305", "E409", "E410", "E505", "E601"] {
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1",
                                                                    ticketNo: "K1", year: 2026))) == nil, "\(code)")
        }
    }

    @Test func everyCatalogueCodeHasARule() {
        let table: [String: Routing.Rule] = [
            "E001": .fileSender, "E002": .fileSender, "E003": .fileSender, "E004": .fileSender,
            "E201": .none, "E202": .none, "E203": .drawdownBank, "E204": .drawdownBank, "E205": .drawdownBank,
            "E206": .contractLumpSumBank, "E207": .drawdownBank, "E208": .drawdownBank,
            "E301": .drawdownBank, "E302": .drawdownBank, "E303": .tax, "E304": .tax, "E305": .none,
            "E401": .pensionMonthBank, "E402": .transactionBank, "E403": .transactionBank, "E404": .transactionBank,
            "E405": .transactionBank, "E406": .drawdownBank, "E407": .transactionBank, "E408": .transactionBank,
            "E409": .none, "E410": .none, "E501": .claimBank, "E502": .claimBank, "E503": .claimBank,
            "E504": .claimBank, "E505": .none, "E601": .none,
        ]
        #expect(Set(Catalogue.codes) == Set(table.keys))
        for code in Catalogue.codes { #expect(Routing.rule(for: code) == table[code], "\(code)") }
    }
}
