import ZhubaoCore

/// The records the generator writes, one struct per detail line or element (formats.md).

struct GenDrawdown: Sendable {
    var loanNo: String
    var contractNo: String
    var bank: String
    var idNumber: String
    var name: String
    var annual: Bool
    var amount: Fen
    var rate: Rate
    var disbursedOn: Day
    var maturesOn: Day
    var coverFrom: YearMonth
    var coverTo: YearMonth
    var account: String
    /// The day a `C` line cancels it, if ever.
    var cancelledOn: Day?
    /// The planned drawdown it comes from.
    var planIndex = 0

    var isLive: Bool { cancelledOn == nil }
}

/// The months a receipt pays for, the contribution base where the profile has one, and the
/// amount: a piece of a planned drawdown, then the receipt that pays it.
struct GenContribution: Sendable {
    var periodFrom: YearMonth
    var periodTo: YearMonth
    var base: Fen?
    var amount: Fen
}

struct GenReceipt: Sendable {
    var ticketNo: String
    var idNumber: String
    var name: String
    var insuranceType: String
    var paid: GenContribution
    var paidOn: Day
    var loan: Bool
    var contractNo: String?
    var bankCode: String?
    var reverses: String?
    /// The business date of the TAX file that carries it.
    var fileDate: Day
}

struct GenTransaction: Sendable {
    enum Kind: String, Sendable { case pension = "P", voluntary = "V", early = "E", death = "D" }
    enum Result: String, Sendable { case success = "S", failed = "F", partly = "P" }

    var txnNo: String
    var bank: String
    var loanNo: String
    var contractNo: String
    var idNumber: String
    var name: String
    var date: Day
    var kind: Kind
    var due: Fen
    var principal: Fen
    var interest: Fen
    var result: Result
    var pension: Fen?
    var basicPension: Fen?
    var balanceAfter: Fen
    var account: String
}

struct GenCoBorrower: Sendable {
    var idNumber: String
    var name: String
    var relation: String
}

struct GenLoanApproval: Sendable {
    var approvalNo: String
    var approvedOn: Day
    var annual: Bool
    var bank: String
    var contractNo: String
    var consent: Bool?
    var coBorrowers: [GenCoBorrower]
}

/// A pension award as the register states it: the first month paid, the monthly amount and,
/// where the profile splits it out, the basic pension in it.
struct GenPensionAward: Sendable {
    var start: YearMonth
    var monthly: Fen
    var basic: Fen?
}

struct GenParticipant: Sendable {
    var asOf: Day
    var person: GenPerson
    var insuranceType: String
    var retirement: Day
    var contributionMonths: Int
    var ssc: String
    var loan: GenLoanApproval?
    var pension: GenPensionAward?
    var personalAccount: Fen?
    var death: Day?
}

struct GenHardshipRow: Sendable {
    var idNumber: String
    var name: String
    var category: String
    var county: String
    var certifiedOn: Day
    var endOn: Day?
    var endReason: String?
    /// 0 `2026-01-05`, 1 `2026/01/05`, 2 `2026/1/5`, 3 `20260105`.
    var dateStyle: Int
}

/// The subsidy of a drawdown in a year (rules.md §4): the window of subsidised days, its days,
/// 积数, the rate applied and the amount.
struct GenSubsidy: Sendable {
    var from: Day
    var to: Day
    var days: Int
    var accumulated: Fen
    var rate: Rate
    var amount: Fen
}

/// A bank's claim line: the drawdown, the year and the subsidy claimed for it.
struct GenClaimLine: Sendable {
    var drawdown: GenDrawdown
    var year: Int
    var claimed: GenSubsidy
}

/// One output file before it is written: who sends it, what, and for which day.
struct GenFileKey: Hashable, Comparable, Sendable {
    var sender: String
    var kind: InputKind
    var date: Day

    static func < (lhs: GenFileKey, rhs: GenFileKey) -> Bool {
        (lhs.date, lhs.sender, lhs.kind.rawValue) < (rhs.date, rhs.sender, rhs.kind.rawValue)
    }
}
