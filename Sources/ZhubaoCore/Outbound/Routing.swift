/// outbound.md "Feedback": to whom an exception goes back — one recipient (the folder's name
/// under `outbox/`: `B105`, `TAX`, `MZ`, `XC`, `JY`, `SI`), or none. Built once per ledger, so
/// the FDBK files and the reports' bank column route alike.
package struct Routing: Sendable {
    /// The SENDER of the DISB file of each drawdown's `N` line, by loanNo.
    let drawdownSender: [String: String]
    /// The SENDER of the DISB file of each contract's earliest lump-sum `N` line (E206).
    let lumpSumSender: [String: String]
    /// The SENDER of the DEDU file holding each transaction, by txnNo.
    let transactionSender: [String: String]
    /// The SENDER of the DEDU file of a person's month's first kind-P line with result S or P (E401).
    let pensionMonthSender: [PersonMonth: String]
    /// The SENDER of the CLAIM file holding the claim line, by `loanNo|year`.
    let claimSender: [String: String]

    /// The routes of every record of the ledger.
    package init(ledger: Ledger) {
        self.init(ledger: ledger, wanted: nil)
    }

    /// The routes of the records these findings name, only (a daily run routes a few hundred
    /// exceptions over hundreds of thousands of records): the same recipients for them.
    package init(ledger: Ledger, for findings: [Finding]) {
        self.init(ledger: ledger, wanted: Wanted(findings))
    }

    /// The keys the findings to be routed name, by rule; nil in `init`: every key.
    struct Wanted {
        var loans: Set<String> = [], contracts: Set<String> = [], txns: Set<String> = [], claims: Set<String> = []
        var months: Set<PersonMonth> = []

        init(_ findings: [Finding]) {
            for finding in findings {
                let s = finding.subject
                switch Routing.rule(for: finding.code) {
                case .drawdownBank: if let loanNo = s.loanNo { loans.insert(loanNo) }
                case .contractLumpSumBank: if let contract = s.contractNo { contracts.insert(contract) }
                case .transactionBank: if let txnNo = s.txnNo { txns.insert(txnNo) }
                case .pensionMonthBank:
                    if let id = s.idNumber, let month = s.month { months.insert(PersonMonth(idNumber: id, month: month)) }
                case .claimBank: if let loanNo = s.loanNo, let year = s.year { claims.insert("\(loanNo)|\(year)") }
                case .fileSender, .tax, .none: break
                }
            }
        }
    }

    struct PersonMonth: Hashable {
        var idNumber: String
        var month: YearMonth
    }

    init(ledger: Ledger, wanted: Wanted?) {
        var senders = Senders()
        func sender(_ source: String) -> String? { senders.sender(ofSource: source) }
        var drawdowns: [String: String] = [:]
        for d in ledger.drawdowns where wanted?.loans.contains(d.loanNo) ?? true && drawdowns[d.loanNo] == nil {
            drawdowns[d.loanNo] = sender(d.source)
        }
        drawdownSender = drawdowns
        var lumpSums: [String: String] = [:]
        let lump = ledger.drawdowns.filter { $0.mode == .lump && wanted?.contracts.contains($0.contractNo) ?? true }
        // Cancelled drawdowns are not in E206's sum: a contract's earliest live lump sum decides;
        // one whose lump sums are all cancelled (no E206 can arise) keeps its earliest cancelled one.
        for d in lump.sorted(by: Self.disbursementOrder(cancelledLast: true)) where lumpSums[d.contractNo] == nil {
            lumpSums[d.contractNo] = sender(d.source)
        }
        lumpSumSender = lumpSums
        var transactions: [String: String] = [:], months: [PersonMonth: (Day, String, String?)] = [:]
        for t in ledger.transactions {
            if wanted?.txns.contains(t.txnNo) ?? true, transactions[t.txnNo] == nil { transactions[t.txnNo] = sender(t.source) }
            guard t.isPensionDeduction, t.collected else { continue }
            let key = PersonMonth(idNumber: t.idNumber, month: t.txnDate.month)
            guard wanted?.months.contains(key) ?? true else { continue }
            if let kept = months[key], (kept.0, kept.1) <= (t.txnDate, t.txnNo) { continue }
            months[key] = (t.txnDate, t.txnNo, sender(t.source))
        }
        transactionSender = transactions
        pensionMonthSender = months.compactMapValues(\.2)
        var claims: [String: String] = [:]
        for c in ledger.claimLines {
            let key = "\(c.loanNo)|\(c.year)"
            guard wanted?.claims.contains(key) ?? true, claims[key] == nil else { continue }
            claims[key] = sender(c.file)
        }
        claimSender = claims
    }

    /// The recipient of an exception (outbound.md's table), nil for none.
    package func recipient(of finding: Finding) -> String? {
        let s = finding.subject
        switch Self.rule(for: finding.code) {
        case .fileSender: return s.file.flatMap(Self.sender(ofFile:))
        case .drawdownBank: return s.loanNo.flatMap { drawdownSender[$0] }
        case .contractLumpSumBank: return s.contractNo.flatMap { lumpSumSender[$0] }
        case .transactionBank: return s.txnNo.flatMap { transactionSender[$0] }
        case .pensionMonthBank:
            guard let id = s.idNumber, let month = s.month else { return nil }
            return pensionMonthSender[PersonMonth(idNumber: id, month: month)]
        case .claimBank:
            guard let loanNo = s.loanNo, let year = s.year else { return nil }
            return claimSender["\(loanNo)|\(year)"]
        case .tax: return "TAX"
        case .none: return nil
        }
    }

    /// The rows of outbound.md's routing table.
    package enum Rule: Sendable, Equatable {
        case fileSender, drawdownBank, contractLumpSumBank, transactionBank, pensionMonthBank, claimBank, tax, none
    }

    package static func rule(for code: ExceptionCode) -> Rule {
        switch code {
        case .e001, .e002, .e003, .e004: return .fileSender
        case .e203, .e204, .e205, .e207, .e208, .e301, .e302, .e406: return .drawdownBank
        case .e206: return .contractLumpSumBank
        case .e402, .e403, .e404, .e405, .e407, .e408: return .transactionBank
        case .e401: return .pensionMonthBank
        case .e501, .e502, .e503, .e504: return .claimBank
        case .e303, .e304: return .tax
        default: return .none
        }
    }

    /// The SENDER part of a file name (`B105`, `TAX`, …); nil when the name does not parse.
    package static func sender(ofFile file: String) -> String? {
        guard case .success(let name) = FileName.parse(file) else { return nil }
        return name.sender.description
    }

    /// The SENDERs of sources, each file name parsed once (many records share a file).
    struct Senders {
        private var known: [String: String?] = [:]

        mutating func sender(ofSource source: String) -> String? {
            let file = Routing.file(ofSource: source)
            if let found = known[file] { return found }
            let found = Routing.sender(ofFile: file)
            known[file] = found
            return found
        }
    }

    /// The SENDER of the file of a `FILE:LINE` source.
    static func sender(ofSource source: String) -> String? { sender(ofFile: file(ofSource: source)) }

    /// The file of a `FILE:LINE` source (a name without a line is the file itself).
    static func file(ofSource source: String) -> String {
        guard let colon = source.lastIndex(of: ":") else { return source }
        return String(source[..<colon])
    }

    /// By disbursement date, then loanNo (cancelled ones after every live one when asked).
    static func disbursementOrder(cancelledLast: Bool) -> (Drawdown, Drawdown) -> Bool {
        { a, b in
            let ca = cancelledLast && a.cancelled ? 1 : 0, cb = cancelledLast && b.cancelled ? 1 : 0
            return (ca, a.disbursedOn, a.loanNo) < (cb, b.disbursedOn, b.loanNo)
        }
    }
}
