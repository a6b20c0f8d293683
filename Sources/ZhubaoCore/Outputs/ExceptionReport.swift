import Foundation
import ZhubaoSystem

/// What the three human-readable exception reports show (outputs.md "Human-readable outputs"):
/// the same content, grouped, ordered and masked once here, then rendered as HTML, XLSX and CSV.
/// Personal data is masked on the way in, so that no renderer can forget it.
package struct ExceptionReport: Sendable {
    /// The parties that must act, in report order (rules.md §7).
    package static let owners = Owner.allCases
    package static let severities: [Diagnostic.Severity] = [.error, .warning, .info]

    package static func ownerName(_ owner: Owner) -> String {
        switch owner {
        case .sender: return "报送方"
        case .socialInsurance: return "社保经办机构"
        case .bank: return "合作银行"
        case .tax: return "税务"
        case .finance: return "财政"
        }
    }

    package static func severityName(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }

    package static func statusName(_ status: ExceptionLifecycle.Status) -> String {
        switch status {
        case .new: return "新增"
        case .open: return "未解决"
        case .acknowledged: return "已确认"
        case .resolved: return "已解决"
        }
    }

    /// One exception, masked and in words.
    package struct Row: Sendable {
        package var key: String
        /// outputs.md: the first 10 hex digits of the SHA-256 of the (unmasked) key.
        package var shortID: String
        package var code: ExceptionCode
        package var severity: Diagnostic.Severity
        package var owner: Owner
        package var status: ExceptionLifecycle.Status
        package var firstSeen: Day
        package var contractNo, loanNo, ticketNo, txnNo, file: String?
        /// The year (E5xx) or the month (E401) of the subject.
        package var period: String?
        /// The ID number, masked: first 6 and last 4 characters.
        package var maskedID: String?
        package var amount: Fen?
        package var source: String
        package var title: String
        package var detail: String
        package var action: String
        /// The acknowledgement in force; `ackNote` holds the whole history when there is more than one.
        package var ackNote, ackBy, ackOn: String?
        /// Where the outbox sends it (outbound.md's routing): `B105`, `TAX`, …; nil for none.
        package var recipient: String?
        /// The bank it is routed to, in words: `105 建设银行` (reference data); nil when not a bank.
        package var bank: String?
        /// Every acknowledgement, oldest first, the note masked.
        package var acks: [Ack] = []

        package struct Ack: Sendable {
            package var by: String
            package var on: String
            package var note: String
        }

        init(_ item: ExceptionLifecycle.Reported, recipient: String? = nil, bankNames: [String: String] = [:]) {
            self.recipient = recipient
            bank = recipient.flatMap { Sender($0)?.bankCode }.map { ExceptionReport.bankName($0, bankNames) }
            let f = item.finding, s = f.subject, entry = f.entry
            key = ReportText.scrub(f.key, id: s.idNumber)
            shortID = f.shortID
            code = f.code
            severity = f.severity
            owner = f.owner
            status = item.status
            firstSeen = item.firstSeen
            contractNo = s.contractNo
            loanNo = s.loanNo
            ticketNo = s.ticketNo
            txnNo = s.txnNo
            file = s.file
            period = s.month?.iso ?? s.year.map(String.init)
            maskedID = s.idNumber.map(Masking.idNumber)
            amount = f.amount
            source = ReportText.scrub(f.source, id: s.idNumber)
            title = entry.title
            detail = ReportText.fieldAfter(ReportText.scrub(f.detail, id: s.idNumber))
            action = entry.action
            acks = (item.history.isEmpty ? item.acknowledgement.map { [$0] } ?? [] : item.history).map {
                Ack(by: $0.byName, on: $0.effectiveOn, note: ReportText.scrub($0.note, id: s.idNumber))
            }
            if let ack = acks.last {
                ackNote = acks.count == 1 ? ack.note : acks.map { "\($0.on) \($0.by)：\($0.note)" }.joined(separator: "\n")
                ackBy = ack.by
                ackOn = ack.on
            }
        }

        /// The subject in words: `合同 …`, `借据 …`, `税票 …`, `流水 …`, `文件 …`, `期间 …`.
        package var subject: [(label: String, value: String)] {
            [("合同", contractNo), ("借据", loanNo), ("税票", ticketNo), ("流水", txnNo), ("文件", file), ("期间", period)]
                .compactMap { label, value in value.map { (label, $0) } }
        }
    }

    /// Counts of one owner (or of all): open exceptions only, resolved counted apart; and their
    /// amounts by what the amount is (rules.md §7's amount column), never one sum of unlike amounts.
    package struct Tally: Sendable {
        package var count: [Diagnostic.Severity: Int] = [:]
        /// Meaning (`放款金额`, `差额（不足部分）` …) → how many open exceptions, their sum and codes.
        package var amounts: [String: Amount] = [:]
        package var new = 0, acknowledged = 0, resolved = 0
        package var total: Int { count.values.reduce(0, +) }

        package struct Amount: Sendable {
            package var count = 0
            package var sum = Fen.zero
            package var codes: Set<ExceptionCode> = []
        }

        /// The amounts in the legend's order of meanings.
        package var amountRows: [(meaning: String, amount: Amount)] {
            amounts.sorted { (ReportLegend.meaningRank($0.key), $0.key) < (ReportLegend.meaningRank($1.key), $1.key) }
                .map { ($0.key, $0.value) }
        }

        mutating func add(_ row: Row) {
            if row.status == .resolved { resolved += 1; return }
            count[row.severity, default: 0] += 1
            if let a = row.amount {
                let meaning = ReportLegend.amountMeaning(row.code) ?? "\(row.code) 金额"
                amounts[meaning, default: Amount()].count += 1
                amounts[meaning, default: Amount()].sum += a
                amounts[meaning, default: Amount()].codes.insert(row.code)
            }
            if row.status == .new { new += 1 }
            if row.status == .acknowledged { acknowledged += 1 }
        }
    }

    /// One owner's part: open exceptions ERROR first, then WARN, then INFO; acknowledged ones after.
    package struct Section: Sendable {
        package var owner: Owner
        /// In `banks`: the bank the rows are routed to (`105 建设银行`), empty for none.
        package var bank = ""
        package var open: [Row]
        package var acknowledged: [Row]
        package var rows: [Row] { open + acknowledged }
    }

    package var asOf: Day
    package var previousRun: Day?
    package var region: String
    package var profile: String
    /// The region's name from the reference data (`赣州市`), and the scheme in words.
    package var city: String
    package var scheme: String
    package var files: DailySummary.Files
    package var warnings: [String]
    package var sections: [Section]
    /// Resolved by this date's run ("本次已解决").
    package var resolved: [Row]
    package var tallies: [Owner: Tally]
    package var total: Tally
    /// The BANK section split by the bank each exception is routed to (what each bank was sent),
    /// by bank code; exceptions routed to no bank last.
    package var banks: [Section]

    /// `routes`: the recipient of each exception key (outbound.md), for the bank column.
    /// `cityName`: the region's name from the reference data (`ReferenceData.cities`).
    package init(summary: DailySummary, routes: [String: String] = [:], bankNames: [String: String] = [:],
                cityName: String? = nil) {
        asOf = summary.asOf
        previousRun = summary.previousRun
        region = summary.region
        profile = summary.profile
        city = ReportLegend.cityName(summary.region, cityName)
        scheme = ReportLegend.schemeName(profile: summary.profile, city: cityName)
        files = summary.files
        warnings = summary.warnings
        let rows = summary.exceptions.map { Row($0, recipient: routes[$0.key], bankNames: bankNames) }.sorted(by: Self.order)
        sections = Self.owners.map { owner in
            let mine = rows.filter { $0.owner == owner && $0.status != .resolved }
            return Section(owner: owner, open: mine.filter { $0.status != .acknowledged },
                           acknowledged: mine.filter { $0.status == .acknowledged })
        }
        resolved = rows.filter { $0.status == .resolved }
            .sorted { (Self.ownerRank($0.owner), $0.severity.rank, $0.code, $0.key) < (Self.ownerRank($1.owner), $1.severity.rank, $1.code, $1.key) }
        var tallies: [Owner: Tally] = [:], total = Tally()
        for row in rows {
            tallies[row.owner, default: Tally()].add(row)
            total.add(row)
        }
        self.tallies = tallies
        self.total = total
        let bankSection = sections.first { $0.owner == .bank }
        let bankRows = bankSection?.rows ?? []
        let groups = Set(bankRows.map { $0.bank ?? "" })
        banks = groups.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }.map { bank in
            Section(owner: .bank, bank: bank, open: bankSection!.open.filter { ($0.bank ?? "") == bank },
                    acknowledged: bankSection!.acknowledged.filter { ($0.bank ?? "") == bank })
        }
    }

    /// `105 建设银行`; the code alone where the reference data has no name for it.
    package static func bankName(_ code: String, _ names: [String: String]) -> String {
        names[code].map { "\(code) \($0)" } ?? code
    }

    /// ERROR, WARN, INFO; then code; then key.
    static func order(_ a: Row, _ b: Row) -> Bool {
        (-a.severity.rank, a.code, a.key) < (-b.severity.rank, b.code, b.key)
    }

    static func ownerRank(_ owner: Owner) -> Int { owners.firstIndex(of: owner) ?? owners.count }

    /// The codes shown in the report, for the legend.
    package var codes: Set<ExceptionCode> { Set(allRows.map(\.code)) }

    /// Open exceptions of every owner, then the resolved ones: the rows of the CSV.
    package var allRows: [Row] { sections.flatMap(\.rows) + resolved }
}
