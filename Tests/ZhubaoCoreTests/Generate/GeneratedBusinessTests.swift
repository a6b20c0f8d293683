import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// The business content of generated files, read back in a simple way.
@Suite struct GeneratedBusinessTests {
    struct Drawdown { var loanNo, contractNo, id: String; var amount: Int64; var rate: Int64; var day: Day; var cancelled: Bool }
    struct Receipt { var ticket, id, contract: String; var amount: Int64; var paidOn: Day; var reversal: Bool; var reverses: String? }

    static func drawdowns(_ set: GenFixture.DataSet) throws -> [String: Drawdown] {
        var result: [String: Drawdown] = [:]
        for url in GenTestFiles.goodFiles(set, kind: "DISB") {
            for d in try GenTestFiles.details(url) {
                let cancelled = d[13] == "C"
                if result[d[1]] != nil && !cancelled { continue }   // an E004 repeat
                result[d[1]] = Drawdown(loanNo: d[1], contractNo: d[2], id: d[3], amount: Fen(yuan: d[6])!.value,
                                        rate: Rate(percent: d[7])!.units, day: Day(compact: d[8])!,
                                        cancelled: cancelled || result[d[1]]?.cancelled == true)
            }
        }
        return result
    }

    static func receipts(_ set: GenFixture.DataSet) throws -> [Receipt] {
        var result: [Receipt] = []
        var seen: Swift.Set<String> = []
        for url in GenTestFiles.goodFiles(set, kind: "RCPT").sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            for block in try GenTestFiles.text(url).components(separatedBy: "<Receipt>").dropFirst() {
                let v = { (tag: String) in GenTestFiles.values(tag, in: block).first }
                guard v("Channel") == "LOAN", seen.insert(v("TicketNo")!).inserted else { continue }   // E004 repeats
                result.append(Receipt(ticket: v("TicketNo")!, id: v("IdNumber")!, contract: v("ContractNo")!,
                                      amount: Fen(yuan: v("Amount")!)!.value, paidOn: Day(iso: v("PaidOn")!)!,
                                      reversal: v("Status") == "REVERSAL", reverses: v("ReversesTicketNo")))
            }
        }
        return result
    }

    @Test(arguments: [0, 1]) func everyCleanDrawdownHasItsReceiptsWithinTenDays(_ index: Int) throws {
        let set = [GenFixture.ganzhou, GenFixture.tongling][index]
        let unmatched = Swift.Set(set.report.manifest.faults.filter { [.e301, .e302].contains($0.code) }.compactMap(\.loanNo))
        let receipts = try Self.receipts(set)
        let reversed = Swift.Set(receipts.compactMap(\.reverses))
        var checked = 0
        for d in try Self.drawdowns(set).values where !d.cancelled && !unmatched.contains(d.loanNo) {
            let window = receipts.filter {
                !$0.reversal && !reversed.contains($0.ticket) && $0.contract == d.contractNo && $0.id == d.id
                    && $0.paidOn >= d.day && $0.paidOn <= d.day + 10
            }
            #expect(!window.isEmpty, "\(d.loanNo) has no receipt within 10 days")
            #expect(window.reduce(0) { $0 + $1.amount } == d.amount, "\(d.loanNo)")
            checked += 1
        }
        #expect(checked > 30)
    }

    @Test func subsidyOfASimpleCaseByHand() {
        // 8904.00 disbursed 2026-01-15 at 3.0000 %, eligible all year: 351 days (算头不算尾 to 2027-01-01),
        // 积数 8904.00 × 351 = 3125304.00, × 3 % ÷ 360 = 260.442 → 260.44 (outputs.md's example).
        let ledger = GenLedger(amount: Fen(890_400), start: Day(iso: "2026-01-15")!, rate: Rate(units: 30_000))
        #expect(ledger.accumulated(from: Day(iso: "2026-01-01")!, until: Day(iso: "2027-01-01")!) == Fen(312_530_400))
        #expect(ledger.interest(from: Day(iso: "2026-01-15")!, until: Day(iso: "2027-01-01")!) == Fen(26_044))
        var repaid = ledger
        repaid.collect(principal: Fen(400_000), interest: .zero, on: Day(iso: "2026-02-01")!)
        // 17 days of 8904.00, then 14 days of 4904.00.
        #expect(repaid.accumulated(from: Day(iso: "2026-01-15")!, until: Day(iso: "2026-02-15")!) == Fen(890_400 * 17 + 490_400 * 14))
    }

    @Test func claimLinesEqualTheSubsidyWorkedOutFromTheDrawdown() throws {
        let set = GenFixture.ganzhou
        let faulty = Swift.Set(set.report.manifest.faults.filter { $0.code.rawValue.hasPrefix("E5") }.compactMap(\.loanNo))
        let drawdowns = try Self.drawdowns(set)
        var checked = 0
        for url in GenTestFiles.goodFiles(set, kind: "CLAIM") {
            for line in try GenTestFiles.details(url) where !faulty.contains(line[1]) {
                let d = try #require(drawdowns[line[1]])
                let from = Day(compact: line[6])!, to = Day(compact: line[7])!, days = Int(line[8])!
                #expect(days == to - from + 1 && from >= d.day && from.year == Int(line[5]) && to.year == from.year)
                let accumulated = Fen(yuan: line[9])!.value
                #expect(accumulated == d.amount * Int64(days))
                let rate = Rate(percent: line[10])!.units
                #expect(rate == d.rate)
                let denominator: Int64 = 100 * 10_000 * 360
                #expect(Fen(yuan: line[11])!.value == (accumulated * rate * 2 + denominator) / (2 * denominator))
                checked += 1
            }
        }
        #expect(checked >= 1)
    }
}
