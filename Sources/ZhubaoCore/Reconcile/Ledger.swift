/// Everything known as of a date D (rules.md preamble): the records of the files whose business
/// date is on or before D, after the checks of rules.md §1 — records with an invalid ID number
/// and records repeating a unique key are set aside (they raise E003 and E004 and take part in
/// nothing else). The rule families read only this.
///
/// Built by `LedgerLoader` from the store; tests build it by hand.
package struct Ledger: Sendable {
    package var asOf: Day
    package var settings: Settings
    /// Drawdowns (DISB status N), cancelled ones included with `cancelled` set.
    package var drawdowns: [Drawdown] = []
    package var receipts: [Receipt] = []
    package var transactions: [Transaction] = []
    package var claimLines: [ClaimLine] = []
    /// Register extracts per person, in order of `asOf`.
    package var register = Register()
    /// Hardship snapshots per department, in order of date.
    package var snapshots: [String: [HardshipSnapshot]] = [:]
    /// Files rejected or in conflict (E001, E002), and what rules.md §1 set aside (E003, E004).
    package var intakeFindings: [Finding] = []
    /// The interners of the records' keys (`Ledger.interned()`).
    package var keys = LedgerKeys()

    package init(asOf: Day, settings: Settings) {
        self.asOf = asOf
        self.settings = settings
    }
}

/// A drawdown (借据), formats.md §4.
package struct Drawdown: Sendable, Equatable {
    package var loanNo: String, contractNo: String, idNumber: String, bankCode: String
    /// `A` annual or `L` lump sum, its amount and its rate.
    package var mode: DrawdownMode, amount: Fen, rate: Rate
    /// Disbursed, maturing, and the contribution months it pays for.
    package var disbursedOn: Day, maturesOn: Day, coverFrom: YearMonth, coverTo: YearMonth
    package var account: String
    /// A DISB status C for this loanNo is known as of D (rules.md §2): takes part in nothing.
    package var cancelled: Bool
    /// `FILE:LINE`.
    package var source: String
    package var name: String
    /// The interned ID number, loanNo and contract number.
    package var keys = RecordKeys()

    package var isAnnual: Bool { mode == .annual }
}

/// A contribution receipt, formats.md §1.
package struct Receipt: Sendable, Equatable {
    package var ticketNo: String, idNumber: String, name: String
    package var insuranceType: InsuranceType
    /// The contribution months paid for; `base` is absent for the residents' scheme.
    package var periodFrom: YearMonth, periodTo: YearMonth, base: Fen?
    package var amount: Fen, paidOn: Day
    /// `LOAN` (with the loan's contract and bank) or `SELF`.
    package var channel: ReceiptChannel, contractNo: String?, bankCode: String?
    /// `NORMAL`, or `REVERSAL` of the receipt `reversesTicketNo`.
    package var status: ReceiptStatus, reversesTicketNo: String?
    /// A reversal known as of D names this receipt.
    package var reversed: Bool
    package var source: String
    /// The interned ID number and contract number.
    package var keys = RecordKeys()

    package var isLoanReceipt: Bool { channel == .loan && status == .normal }
}

/// A repayment or deduction, formats.md §5. Only those of a drawdown known as of D and not
/// cancelled are in the ledger (rules.md §2).
package struct Transaction: Sendable, Equatable {
    package var txnNo: String
    package var loanNo: String
    package var contractNo: String
    package var idNumber: String
    package var txnDate: Day
    /// `P` pension deduction, `V` voluntary, `E` early payoff, `D` after death.
    package var kind: TransactionKind
    package var due: Fen
    package var principalPaid: Fen
    package var interestPaid: Fen
    /// `S`, `F` or `P`.
    package var result: TransactionResult
    package var pension: Fen?
    package var basicPension: Fen?
    package var balanceAfter: Fen
    package var account: String
    package var source: String
    /// The interned ID number, loanNo and contract number.
    package var keys = RecordKeys()

    /// S or P: money was collected (rules.md §2).
    package var collected: Bool { result == .succeeded || result == .partial }
    package var isPensionDeduction: Bool { kind == .pensionDeduction }
}

/// A bank's claim line, formats.md §6.
package struct ClaimLine: Sendable, Equatable {
    package var bankCode: String, loanNo: String, contractNo: String, idNumber: String, name: String
    /// The claim year and the interest period claimed.
    package var year: Int, from: Day, to: Day
    package var days: Int
    package var accumulated: Fen
    package var rate: Rate
    package var claimed: Fen
    package var file: String
    package var source: String
    /// The interned ID number, loanNo and contract number.
    package var keys = RecordKeys()
}

/// One person's record in one register extract, formats.md §2.
package struct Participant: Sendable, Equatable {
    package var asOf: Day
    package var idNumber: String
    package var name: String
    package var retirementDate: Day
    package var contributionMonths: Int
    package var sscAccount: String
    package var loan: ApprovedLoan?
    package var pension: Pension?
    package var personalAccountBalance: Fen?
    package var deathDate: Day?
    package var source: String
    /// The interned ID number and the approved loan's contract number.
    package var keys = RecordKeys()

    package struct ApprovedLoan: Sendable, Equatable {
        package var approvalNo: String
        package var approvedOn: Day
        package var mode: LoanMode
        package var bankCode: String
        package var contractNo: String
        package var basicPensionConsent: Bool
        /// The relation of each co-borrower.
        package var coBorrowerRelations: [CoBorrowerRelation]
    }

    package struct Pension: Sendable, Equatable {
        package var startMonth: YearMonth
        package var monthly: Fen
        package var basic: Fen?
        /// rules.md §2: the first day of `StartMonth`.
        package var start: Day { startMonth.firstDay }
    }
}

/// One department's snapshot of its hardship list on one date (the highest SEQ of that date).
package struct HardshipSnapshot: Sendable, Equatable {
    package var department: String
    package var date: Day
    package var file: String
    package var rows: [Row]

    package struct Row: Sendable, Equatable {
        package var idNumber: String
        package var category: HardshipCategory
        package var certifiedOn: Day
        package var endsOn: Day?
        package var revoked: Bool
        package var line: Int
    }
}
