import Foundation

/// A finding stored with a daily run, so that the next run can report it RESOLVED.
extension Finding {
    struct Payload: Codable {
        var code: String
        var idNumber, contractNo, loanNo, ticketNo, txnNo, file: String?
        var year: Int?
        var month: String?
        var amount: Int64?
        var source: String
        var detail: String
    }

    var payload: String {
        let p = Payload(code: code, idNumber: subject.idNumber, contractNo: subject.contractNo, loanNo: subject.loanNo,
                        ticketNo: subject.ticketNo, txnNo: subject.txnNo, file: subject.file, year: subject.year,
                        month: subject.month?.iso, amount: amount?.value, source: source, detail: detail)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(p), as: UTF8.self)
    }

    init?(payload: String) {
        guard let p = try? JSONDecoder().decode(Payload.self, from: Data(payload.utf8)) else { return nil }
        self.init(code: p.code,
                  subject: Subject(idNumber: p.idNumber, contractNo: p.contractNo, loanNo: p.loanNo, ticketNo: p.ticketNo,
                                   txnNo: p.txnNo, file: p.file, year: p.year, month: p.month.flatMap { YearMonth(iso: $0) }),
                  amount: p.amount.map(Fen.init), source: p.source, detail: p.detail)
    }

    /// Simplified Chinese: what is wrong, and what to do.
    public var message: String {
        let entry = self.entry
        return detail.isEmpty ? "\(entry.title)。处理：\(entry.action)" : "\(entry.title)：\(detail)。处理：\(entry.action)"
    }
}
