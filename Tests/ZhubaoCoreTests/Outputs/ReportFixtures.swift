import Foundation
import Testing
import ZIPFoundation
@testable import ZhubaoCore

/// Inputs for the report tests: a daily summary built the way the daily run builds it (through
/// the exception lifecycle, over two dates, so that the report has NEW, OPEN, ACKNOWLEDGED and
/// RESOLVED exceptions), and a bank's claim lines built by ClaimStatement.
enum ReportFixtures {
    /// A valid ID number (GB 11643-1999) from 17 digits.
    static func id(_ first17: String) -> String { first17 + String(IDNumber.checkCharacter(for: first17)!) }

    static let person = id("36070219670315003")
    static let other = id("36073119690822104")
    static let formulaName = "=HYPERLINK(\"http://x\",\"y\")"
    static let markupName = "<img src=x onerror=alert(1)>"
    static let asOf = Day(iso: "2026-04-30")!

    static func finding(_ code: ExceptionCode, id: String? = person, contract: String? = "GZ105-2026-000017",
                        loan: String? = "GZ105-2026-000017-01", ticket: String? = nil, txn: String? = nil,
                        file: String? = nil, year: Int? = nil, month: String? = nil, amount: String? = nil,
                        source: String = "B105_DISB_360700_20260115_001.txt:2", detail: String) -> Finding {
        Finding(code: code, subject: .init(idNumber: id, contractNo: contract, loanNo: loan, ticketNo: ticket, txnNo: txn,
                                           file: file, year: year, month: month.flatMap { YearMonth(iso: $0) }),
                amount: amount.map { Fen(yuan: $0)! }, source: source, detail: detail)
    }

    /// Found on both dates.
    static var lasting: [Finding] {
        [
            finding(.e301, amount: "8904.00", detail: "放款 8904.00 元，放款后 30 天内无对应的贷款渠道缴费到账"),
            finding(.e406, id: other, contract: "GZ105-2026-000031", loan: "GZ105-2026-000031-01", amount: "12.37",
                    detail: "截至 2026-03-21 已收利息 35.12 元，按实际天数应收 22.75 元，多收 12.37 元"),
            finding(.e001, id: nil, contract: nil, loan: nil, file: "-2+3+cmd|' /C calc'!A0_DISB.txt",
                    source: "-2+3+cmd|' /C calc'!A0_DISB.txt", detail: "文件名不符合约定：<script>alert(1)</script>"),
            finding(.e407, contract: "GZ105-2026-000017", txn: "T20260325000123", amount: "-150.00",
                    source: "B105_DEDU_360700_20260325_001.txt:7", detail: "2026-03-25 银行报送余额 8754.00 元；放款 8904.00 元"),
            finding(.e303, contract: nil, loan: nil, ticket: "336076260100000123", amount: "3710.00",
                    source: "TAX_RCPT_360700_20260120_001.xml:/Receipts/Receipt[3]",
                    detail: "贷款渠道缴费 3710.00 元（GZ105-2026-000099，到账日 2026-01-20），到账后 30 天内未对应任何放款"),
        ]
    }

    /// Found on the first date only: resolved on the second.
    static var fixed: [Finding] {
        [finding(.e402, contract: "GZ105-2026-000017", txn: "T20260225000077", amount: "742.00",
                 source: "B105_DEDU_360700_20260225_001.txt:4", detail: "2026-02-25 养老金扣款失败，应扣 742.00 元，余额不足")]
    }

    /// Found on the second date only: NEW. Its detail carries an ID number, which the reports mask.
    static var fresh: [Finding] {
        [
            finding(.e401, loan: nil, month: "2026-04", amount: "118.50",
                    detail: "2026-04 养老金 1386.50 元，扣款 742.00 元，剩余 644.50 元低于低保标准 763.00 元；身份证号 \(person)"),
            finding(.e305, contract: "GZ105-2026-000017", loan: nil, ticket: "336076260100000456",
                    source: "TAX_RCPT_360700_20260428_001.xml:/Receipts/Receipt[1]",
                    detail: "贷款渠道缴费的缴费基数 4200.00 元高于 2026 年最低缴费基数 3710.00 元"),
            finding(.e505, loan: "GZ105-2025-000003-01", year: 2025, amount: "96.20",
                    detail: "2025 年贴息已于 2026-01-20 核定 260.44 元，现按 2026-04-30 的数据计算为 164.24 元，应追回 96.20 元"),
            finding(.e503, loan: "GZ105-2025-000004-01", year: 2025, amount: "3.10",
                    detail: "申请 100.00 元，核定 103.10 元，少申请 3.10 元"),
        ]
    }

    /// The summary of 2026-04-30 after a run on 2026-04-29; two exceptions acknowledged, by staff
    /// whose names are a formula and markup.
    static func summary() throws -> DailySummary {
        let lifecycle = ExceptionLifecycle(store: try Store())
        let first = Day(iso: "2026-04-29")!
        let fixedNow = Date(timeIntervalSince1970: 1_777_500_000)
        _ = try lifecycle.record(lasting + fixed, asOf: first, now: fixedNow)
        try lifecycle.acknowledge(key: lasting[1].key, note: "银行已承诺 5 月退还。\n" + markupName, by: formulaName,
                                  on: first, now: fixedNow)
        try lifecycle.acknowledge(key: lasting[3].key, note: "=1+1 已电话通知银行核对余额", by: markupName, on: asOf, now: fixedNow)
        let outcome = try lifecycle.record(lasting + fresh, asOf: asOf, now: fixedNow)
        var summary = DailySummary(asOf: asOf, profile: "ganzhou-2021", region: "360700")
        summary.previousRun = outcome.previousRun
        summary.exceptions = outcome.exceptions
        summary.files = .init(imported: 3, rejected: 1, conflicts: 0, notYetEffective: 0)
        summary.warnings = ["已知最新 LPR 报价为 2026-02-20，距今超过 45 天：利率上限可能已过时"]
        return summary
    }

    /// Routed as the outbox would (outbound.md): E406 and E503 to 313, E401 to no bank (its month
    /// has no collected deduction), every other BANK exception to 105.
    static func report() throws -> ExceptionReport {
        let summary = try summary()
        var routes: [String: String] = [:]
        for item in summary.exceptions where item.finding.owner == .bank && item.finding.code != .e401 {
            routes[item.key] = [.e406, .e503].contains(item.finding.code) ? "B313" : "B105"
        }
        return ExceptionReport(summary: summary, routes: routes, bankNames: try Settings.defaults(profile: .ganzhou2021).reference.bankNames)
    }

    /// A bank's claim for 2026 as of 2027-01-20: L1 claimed above the computed subsidy (E501),
    /// L2 (another borrower) computed but not claimed, L3 claimed without a drawdown (E504). Borrowers' names are a
    /// formula, markup, and a real name.
    static func claimBank() throws -> ClaimsHTML.Bank {
        var b = try LedgerBuilder(asOf: "2027-01-20")
        let other = LedgerBuilder.otherPerson
        b.participant()
        b.participant(other, contract: "C2")
        b.drawdown("L1")
        b.drawdown("L2", contract: "C2", id: other, amount: "5000.00")
        b.snapshot("MZ", date: "2026-01-31", [LedgerBuilder.row(since: "2024-03-01"), LedgerBuilder.row(other, since: "2024-03-01")])
        b.claim("L1", claimed: "270.00")
        b.claim("L3", contract: "C3", claimed: "88.00")
        var lines = ClaimStatement(ledger: b.ledger, year: 2026).lines(bank: "105")
        let names = [formulaName, markupName, "欧阳建国"]
        for i in lines.indices { lines[i].name = names[i % names.count] }
        return ClaimsHTML.Bank(code: "105", name: "中国建设银行", lines: lines)
    }

    /// The repository's root, for `scripts/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The text of one part of a zip (xlsx) file.
    static func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
