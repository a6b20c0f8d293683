import ZhubaoSystem

/// An exception of the catalogue (rules.md §7) found as of a date: data flowing to the
/// renderers, never an error thrown.
package struct Finding: Sendable, Equatable {
    package var code: ExceptionCode
    package var subject: Subject
    package var amount: Fen?
    /// `FILE:LINE` or `FILE:/xpath`.
    package var source: String
    /// Simplified Chinese: what is wrong, with the numbers that show it.
    package var detail: String

    package init(code: ExceptionCode, subject: Subject, amount: Fen? = nil, source: String, detail: String) {
        self.code = code
        self.subject = subject
        self.amount = amount
        self.source = source
        self.detail = detail
    }

    package var entry: Catalogue.Entry { Catalogue.entry(code) }
    package var severity: Diagnostic.Severity { entry.severity }
    package var owner: Owner { entry.owner }

    /// A finding of an amount that is not what it may be: when `actual` and `expected` fail
    /// `acceptable`, the finding's amount is `actual − expected` and `detail` says so from it
    /// (E205's excess over the minimum contribution, E407's bank balance off the computed one).
    package static func gap(_ code: ExceptionCode, _ subject: Subject, source: String, actual: Fen, expected: Fen,
                            acceptable: (Fen, Fen) -> Bool, detail: (Fen) -> String) -> Finding? {
        guard !acceptable(actual, expected) else { return nil }
        let difference = actual - expected
        return Finding(code: code, subject: subject, amount: difference, source: source, detail: detail(difference))
    }

    /// The stable key (outputs.md): the code and the identifiers of its subject, so that the
    /// same problem found again is the same exception.
    package var key: String {
        ([code.rawValue] + entry.keyFields.compactMap { subject.value(of: $0) }).joined(separator: "|")
    }

    /// What the subject of an exception is (outputs.md "exceptions.jsonl").
    package struct Subject: Sendable, Equatable {
        package var idNumber: String?
        package var contractNo: String?
        package var loanNo: String?
        package var ticketNo: String?
        package var txnNo: String?
        package var file: String?
        package var year: Int?
        package var month: YearMonth?

        package init(idNumber: String? = nil, contractNo: String? = nil, loanNo: String? = nil,
                    ticketNo: String? = nil, txnNo: String? = nil, file: String? = nil,
                    year: Int? = nil, month: YearMonth? = nil) {
            self.idNumber = idNumber
            self.contractNo = contractNo
            self.loanNo = loanNo
            self.ticketNo = ticketNo
            self.txnNo = txnNo
            self.file = file
            self.year = year
            self.month = month
        }

        package enum Field: String, Sendable {
            case idNumber, contractNo, loanNo, ticketNo, txnNo, file, year, month
        }

        package func value(of field: Field) -> String? {
            switch field {
            case .idNumber: return idNumber
            case .contractNo: return contractNo
            case .loanNo: return loanNo
            case .ticketNo: return ticketNo
            case .txnNo: return txnNo
            case .file: return file
            case .year: return year.map(String.init)
            case .month: return month?.iso
            }
        }

        /// The subject of a drawdown's exceptions.
        package static func drawdown(_ d: Drawdown) -> Subject {
            Subject(idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo)
        }

        /// The subject of a transaction's exceptions.
        package static func transaction(_ t: Transaction) -> Subject {
            Subject(idNumber: t.idNumber, contractNo: t.contractNo, loanNo: t.loanNo, txnNo: t.txnNo)
        }

        /// The subject of a receipt's exceptions.
        package static func receipt(_ r: Receipt) -> Subject {
            Subject(idNumber: r.idNumber, contractNo: r.contractNo, ticketNo: r.ticketNo)
        }
    }
}
