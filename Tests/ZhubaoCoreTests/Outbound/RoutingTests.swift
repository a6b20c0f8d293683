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

    static func finding(_ code: ExceptionCode, _ subject: Finding.Subject) -> Finding {
        Finding(code: code, subject: subject, source: "x", detail: "")
    }

    @Test func fileSendersForIntakeCodes() throws {
        let routing = Routing(ledger: try Self.ledger())
        #expect(routing.recipient(of: Self.finding(.e001, .init(file: "MZ_HARD_360700_20260131_001.csv"))) == "MZ")
        #expect(routing.recipient(of: Self.finding(.e002, .init(file: "TAX_RCPT_360700_20260115_002.xml.gz"))) == "TAX")
        #expect(routing.recipient(of: Self.finding(.e003, .init(idNumber: "1", file: "SI_PART_360700_20260107_001.xml"))) == "SI")
        #expect(routing.recipient(of: Self.finding(.e004, .init(loanNo: "L1", file: "B313_DISB_360700_20260107_001.txt"))) == "B313")
        #expect(routing.recipient(of: Self.finding(.e004, .init(txnNo: "T1", file: "XC_HARD_360700_20260107_001.csv"))) == "XC")
        // A name that does not parse: none.
        #expect(routing.recipient(of: Self.finding(.e001, .init(file: "notes.txt"))) == nil)
        #expect(routing.recipient(of: Self.finding(.e001, .init(file: "B105_RCPT_360700_20260115_001.xml"))) == nil)
    }

    @Test func drawdownCodesGoToTheBankOfTheNLine() throws {
        let routing = Routing(ledger: try Self.ledger())
        for code: ExceptionCode in [.e203, .e204, .e205, .e207, .e208, .e301, .e302, .e406] {
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1"))) == "B105", "\(code)")
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C2", loanNo: "L2"))) == "B313", "\(code)")
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C9", loanNo: "L-unknown"))) == nil)
        }
    }

    @Test func e206GoesToTheBankOfTheContractsEarliestLumpSum() throws {
        let routing = Routing(ledger: try Self.ledger())
        // L0 and L3 both on 02-01: loanNo decides (L0); the cancelled L5 of 01-10 does not count.
        #expect(routing.recipient(of: Self.finding(.e206, .init(idNumber: "1", contractNo: "C2"))) == "B104")
        // C1 has no lump sum at all.
        #expect(routing.recipient(of: Self.finding(.e206, .init(idNumber: "1", contractNo: "C1"))) == nil)
    }

    @Test func transactionCodesGoToTheSenderOfTheirDEDUFile() throws {
        let routing = Routing(ledger: try Self.ledger())
        for code: ExceptionCode in [.e402, .e403, .e404, .e405, .e407, .e408] {
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1", txnNo: "T9"))) == "B313")
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1", txnNo: "T7"))) == "B314")
        }
    }

    @Test func e401GoesToTheMonthsFirstCollectedPensionLine() throws {
        let routing = Routing(ledger: try Self.ledger())
        let id = LedgerBuilder.borrower
        // March: T9 failed (not S/P), T4 is kind V; of T5 and T6 on the 5th, txnNo T5 first.
        #expect(routing.recipient(of: Self.finding(.e401, .init(idNumber: id, month: YearMonth(year: 2026, month: 3)))) == "B105")
        #expect(routing.recipient(of: Self.finding(.e401, .init(idNumber: id, month: YearMonth(year: 2026, month: 4)))) == "B314")
        #expect(routing.recipient(of: Self.finding(.e401, .init(idNumber: id, month: YearMonth(year: 2026, month: 5)))) == nil)
    }

    @Test func claimCodesGoToTheSenderOfTheCLAIMFile() throws {
        let routing = Routing(ledger: try Self.ledger())
        for code: ExceptionCode in [.e501, .e502, .e503, .e504] {
            #expect(routing.recipient(of: Self.finding(code, .init(loanNo: "L1", year: 2026))) == "B403")
            #expect(routing.recipient(of: Self.finding(code, .init(loanNo: "L1", year: 2025))) == nil)
        }
    }

    @Test func taxAndUnroutedCodes() throws {
        let routing = Routing(ledger: try Self.ledger())
        #expect(routing.recipient(of: Self.finding(.e303, .init(idNumber: "1", ticketNo: "K1"))) == "TAX")
        #expect(routing.recipient(of: Self.finding(.e304, .init(idNumber: "1", ticketNo: "K1"))) == "TAX")
        for code: ExceptionCode in [.e201, .e202, .e305, .e409, .e410, .e505, .e601] {
            #expect(routing.recipient(of: Self.finding(code, .init(idNumber: "1", contractNo: "C1", loanNo: "L1",
                                                                    ticketNo: "K1", year: 2026))) == nil, "\(code)")
        }
    }

    @Test func everyCatalogueCodeHasARule() {
        let table: [ExceptionCode: Routing.Rule] = [
            .e001: .fileSender, .e002: .fileSender, .e003: .fileSender, .e004: .fileSender,
            .e201: .none, .e202: .none, .e203: .drawdownBank, .e204: .drawdownBank, .e205: .drawdownBank,
            .e206: .contractLumpSumBank, .e207: .drawdownBank, .e208: .drawdownBank,
            .e301: .drawdownBank, .e302: .drawdownBank, .e303: .tax, .e304: .tax, .e305: .none,
            .e401: .pensionMonthBank, .e402: .transactionBank, .e403: .transactionBank, .e404: .transactionBank,
            .e405: .transactionBank, .e406: .drawdownBank, .e407: .transactionBank, .e408: .transactionBank,
            .e409: .none, .e410: .none, .e501: .claimBank, .e502: .claimBank, .e503: .claimBank,
            .e504: .claimBank, .e505: .none, .e601: .none,
        ]
        #expect(Set(Catalogue.codes) == Set(table.keys))
        for code in Catalogue.codes { #expect(Routing.rule(for: code) == table[code], "\(code)") }
    }
}
