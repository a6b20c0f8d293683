import ZhubaoSystem

/// An exception of the catalogue (rules.md §7) found as of a date: data flowing to the
/// renderers, never an error thrown.
public struct Finding: Sendable, Equatable {
    public var code: ExceptionCode
    public var subject: Subject
    public var amount: Fen?
    /// `FILE:LINE` or `FILE:/xpath`.
    public var source: String
    /// Simplified Chinese: what is wrong, with the numbers that show it.
    public var detail: String

    public init(code: ExceptionCode, subject: Subject, amount: Fen? = nil, source: String, detail: String) {
        self.code = code
        self.subject = subject
        self.amount = amount
        self.source = source
        self.detail = detail
    }

    public var entry: Catalogue.Entry { Catalogue.entry(code) }
    public var severity: Diagnostic.Severity { entry.severity }
    public var owner: Owner { entry.owner }

    /// The stable key (outputs.md): the code and the identifiers of its subject, so that the
    /// same problem found again is the same exception.
    public var key: String {
        ([code.rawValue] + entry.keyFields.compactMap { subject.value(of: $0) }).joined(separator: "|")
    }

    /// What the subject of an exception is (outputs.md "exceptions.jsonl").
    public struct Subject: Sendable, Equatable {
        public var idNumber: String?
        public var contractNo: String?
        public var loanNo: String?
        public var ticketNo: String?
        public var txnNo: String?
        public var file: String?
        public var year: Int?
        public var month: YearMonth?

        public init(idNumber: String? = nil, contractNo: String? = nil, loanNo: String? = nil,
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

        public enum Field: String, Sendable {
            case idNumber, contractNo, loanNo, ticketNo, txnNo, file, year, month
        }

        public func value(of field: Field) -> String? {
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
        public static func drawdown(_ d: Drawdown) -> Subject {
            Subject(idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo)
        }

        /// The subject of a transaction's exceptions.
        public static func transaction(_ t: Transaction) -> Subject {
            Subject(idNumber: t.idNumber, contractNo: t.contractNo, loanNo: t.loanNo, txnNo: t.txnNo)
        }

        /// The subject of a receipt's exceptions.
        public static func receipt(_ r: Receipt) -> Subject {
            Subject(idNumber: r.idNumber, contractNo: r.contractNo, ticketNo: r.ticketNo)
        }
    }
}
