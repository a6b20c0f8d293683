/// Everything known as of a date D (rules.md preamble): the records of the files whose business
/// date is on or before D, after the checks of rules.md §1 — records with an invalid ID number
/// and records repeating a unique key are set aside (they raise E003 and E004 and take part in
/// nothing else). The rule families read only this.
///
/// Built by `LedgerLoader` from the store; tests build it by hand.
public struct Ledger: Sendable {
    public var asOf: Day
    public var settings: Settings
    /// Drawdowns (DISB status N), cancelled ones included with `cancelled` set.
    public var drawdowns: [Drawdown] = []
    public var receipts: [Receipt] = []
    public var transactions: [Transaction] = []
    public var claimLines: [ClaimLine] = []
    /// Register extracts per person, in order of `asOf` (then file order).
    public var register: [String: [Participant]] = [:]
    /// Hardship snapshots per department, in order of date.
    public var snapshots: [String: [HardshipSnapshot]] = [:]
    /// Files rejected or in conflict (E001, E002), and what rules.md §1 set aside (E003, E004).
    public var intakeFindings: [Finding] = []

    public init(asOf: Day, settings: Settings) {
        self.asOf = asOf
        self.settings = settings
    }
}

/// A drawdown (借据), formats.md §4.
public struct Drawdown: Sendable, Equatable {
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    public var bankCode: String
    /// `A` annual or `L` lump sum.
    public var mode: DrawdownMode
    public var amount: Fen
    public var rate: Rate
    public var disbursedOn: Day
    public var maturesOn: Day
    public var coverFrom: YearMonth
    public var coverTo: YearMonth
    public var account: String
    /// A DISB status C for this loanNo is known as of D (rules.md §2): takes part in nothing.
    public var cancelled: Bool
    /// `FILE:LINE`.
    public var source: String
    public var name: String

    public var isAnnual: Bool { mode == .annual }
}

/// A contribution receipt, formats.md §1.
public struct Receipt: Sendable, Equatable {
    public var ticketNo: String
    public var idNumber: String
    public var name: String
    public var insuranceType: InsuranceType
    public var periodFrom: YearMonth
    public var periodTo: YearMonth
    public var base: Fen?
    public var amount: Fen
    public var paidOn: Day
    /// `LOAN` or `SELF`.
    public var channel: ReceiptChannel
    public var contractNo: String?
    public var bankCode: String?
    /// `NORMAL` or `REVERSAL`.
    public var status: ReceiptStatus
    public var reversesTicketNo: String?
    /// A reversal known as of D names this receipt.
    public var reversed: Bool
    public var source: String

    public var isLoanReceipt: Bool { channel == .loan && status == .normal }
}

/// A repayment or deduction, formats.md §5. Only those of a drawdown known as of D and not
/// cancelled are in the ledger (rules.md §2).
public struct Transaction: Sendable, Equatable {
    public var txnNo: String
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    public var txnDate: Day
    /// `P` pension deduction, `V` voluntary, `E` early payoff, `D` after death.
    public var kind: TransactionKind
    public var due: Fen
    public var principalPaid: Fen
    public var interestPaid: Fen
    /// `S`, `F` or `P`.
    public var result: TransactionResult
    public var pension: Fen?
    public var basicPension: Fen?
    public var balanceAfter: Fen
    public var account: String
    public var source: String

    /// S or P: money was collected (rules.md §2).
    public var collected: Bool { result == .succeeded || result == .partial }
    public var isPensionDeduction: Bool { kind == .pensionDeduction }
}

/// A bank's claim line, formats.md §6.
public struct ClaimLine: Sendable, Equatable {
    public var bankCode: String
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    public var name: String
    public var year: Int
    public var from: Day
    public var to: Day
    public var days: Int
    public var accumulated: Fen
    public var rate: Rate
    public var claimed: Fen
    public var file: String
    public var source: String
}

/// One person's record in one register extract, formats.md §2.
public struct Participant: Sendable, Equatable {
    public var asOf: Day
    public var idNumber: String
    public var name: String
    public var retirementDate: Day
    public var contributionMonths: Int
    public var sscAccount: String
    public var loan: ApprovedLoan?
    public var pension: Pension?
    public var personalAccountBalance: Fen?
    public var deathDate: Day?
    public var source: String

    public struct ApprovedLoan: Sendable, Equatable {
        public var approvalNo: String
        public var approvedOn: Day
        public var mode: String
        public var bankCode: String
        public var contractNo: String
        public var basicPensionConsent: Bool
        /// `CHILD` or `GUARANTOR` of each co-borrower.
        public var coBorrowerRelations: [String]
    }

    public struct Pension: Sendable, Equatable {
        public var startMonth: YearMonth
        public var monthly: Fen
        public var basic: Fen?
        /// rules.md §2: the first day of `StartMonth`.
        public var start: Day { startMonth.firstDay }
    }
}

/// One department's snapshot of its hardship list on one date (the highest SEQ of that date).
public struct HardshipSnapshot: Sendable, Equatable {
    public var department: String
    public var date: Day
    public var file: String
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var idNumber: String
        /// Category code (`TK`, `DB`, …).
        public var category: String
        public var certifiedOn: Day
        public var endsOn: Day?
        public var revoked: Bool
        public var line: Int
    }
}
