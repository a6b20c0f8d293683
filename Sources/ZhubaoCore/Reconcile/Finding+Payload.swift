import Foundation

/// A finding stored with a daily run, so that the next run can report it RESOLVED.
extension Finding {
    struct Payload: Decodable {
        /// A code outside the catalogue fails the decoding: the payload is then not read.
        var code: ExceptionCode
        var idNumber, contractNo, loanNo, ticketNo, txnNo, file: String?
        var year: Int?
        var month: String?
        var amount: Int64?
        var source: String
        var detail: String
    }

    /// The payload: written by the same writer, with the same subject fields, as the finding's
    /// line of exceptions.jsonl (`addSubject`); read back through `Payload`, which also reads
    /// the sorted-keys form stores written before kept.
    var payload: String {
        var o = JSONObject()
        o.add("code", code.rawValue)
        addSubject(to: &o)
        o.add("amount", amount.map { Int($0.value) })
        o.add("source", source)
        o.add("detail", detail)
        return o.text
    }

    /// The subject's fields, in the order every JSON that carries a finding gives them (null
    /// where absent).
    func addSubject(to o: inout JSONObject) {
        o.add("idNumber", subject.idNumber)
        o.add("contractNo", subject.contractNo)
        o.add("loanNo", subject.loanNo)
        o.add("ticketNo", subject.ticketNo)
        o.add("txnNo", subject.txnNo)
        o.add("file", subject.file)
        o.add("year", subject.year)
        o.add("month", subject.month?.iso)
    }

    init?(payload: String) {
        guard let p = try? JSONDecoder().decode(Payload.self, from: Data(payload.utf8)) else { return nil }
        self.init(code: p.code,
                  subject: Subject(idNumber: p.idNumber, contractNo: p.contractNo, loanNo: p.loanNo, ticketNo: p.ticketNo,
                                   txnNo: p.txnNo, file: p.file, year: p.year, month: p.month.flatMap { YearMonth(iso: $0) }),
                  amount: p.amount.map(Fen.init), source: p.source, detail: p.detail)
    }

    /// Simplified Chinese: what is wrong, and what to do.
    package var message: String {
        let entry = self.entry
        return detail.isEmpty ? "\(entry.title)。处理：\(entry.action)" : "\(entry.title)：\(detail)。处理：\(entry.action)"
    }
}
