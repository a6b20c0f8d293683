import ZhubaoCore

/// A drawdown as planned, before numbering: when, what it covers and the receipts that pay
/// the contribution with it.
struct GenPlannedDrawdown: Sendable {
    typealias Piece = GenContribution

    var date: Day
    var coverFrom: YearMonth
    var coverTo: YearMonth
    var pieces: [Piece]
    var maturesOn: Day
    var rate: Rate
    var toSSC: Bool
    /// Disbursed, then cancelled (C line) a few days later and disbursed again.
    var cancelledAndRedone = false

    var amount: Fen { pieces.reduce(Fen.zero) { $0 + $1.amount } }
}

/// What a fault or the random mix asks of a borrower's life story.
struct GenShape: Sendable {
    enum Mode: Sendable { case any, annual, lump }
    enum Pension: Sendable { case any, none, early(months: Int) }
    enum Hardship: Sendable { case random, never, eligible }

    var mode = Mode.any
    var pension = Pension.any
    var hardship = Hardship.random
    var death = false
    var young = false
    /// A drawdown in a year that a CLAIM file covers.
    var claimYear = false
}

/// One borrower: identity, loan, life events, and the records made from them.
struct GenBorrower: Sendable {
    let index: Int
    var person: GenPerson
    var insuranceType: String
    var retirement: Day
    var initialMonths: Int
    var ssc: String
    var annual: Bool
    var bank: String
    var approvalBank: String
    var approved = true
    var approvedOn: Day
    var contractNo = ""
    var approvalNo = ""
    var consent: Bool?
    var coBorrowers: [GenCoBorrower] = []
    var plan: [GenPlannedDrawdown] = []
    var pensionAwardedOn: Day?
    var pensionStart: YearMonth?
    var pensionMonthly = Fen.zero
    var pensionBasic: Fen?
    var death: Day?
    var deathReportedOn: Day?
    var personalAccount: Fen?
    var certs: [GenCertification] = []
    var fault: GenFault?
    /// Voluntary repayment and early payoff days (non-hardship borrowers only).
    var voluntaryOn: Day?
    var payoffOn: Day?
    var selfPays = false

    // Made from the plan.
    var drawdowns: [GenDrawdown] = []
    var ledgers: [GenLedger] = []
    var receipts: [GenReceipt] = []
    var transactions: [GenTransaction] = []
    var claims: [GenClaimLine] = []
    var register: [GenParticipant] = []

    var everCertified: Bool { !certs.isEmpty }
    var pensionStartDay: Day? { pensionStart?.firstDay }
    var pensionAward: GenPensionAward? {
        pensionStart.map { GenPensionAward(start: $0, monthly: pensionMonthly, basic: pensionBasic) }
    }
    var firstDrawdown: Day? { plan.first?.date }
}
