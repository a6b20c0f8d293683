/// rules.md §4: the subsidy of one drawdown for one calendar year, as it appears on a line of
/// the claim for the finance bureau (outputs.md `SUBSIDY_CLAIM_*.xml`) and beside a bank's
/// claim line (E501–E504).
public struct SubsidyLine: Sendable, Equatable {
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    /// The borrower's name in the register as of D.
    public var name: String
    public var bankCode: String
    public var year: Int
    /// The first and the last subsidised day (`From`, `To`).
    public var from: Day
    public var to: Day
    /// The number of subsidised days.
    public var days: Int
    /// 积数: the sum of the balances over the subsidised days.
    public var accumulated: Fen
    public var contractRate: Rate
    /// The cap of rules.md §5 on the disbursement date, and where it comes from.
    public var cap: Rate
    public var capBasis: String
    /// The applied rate: the lower of the contract rate and the cap.
    public var rate: Rate
    /// accumulated × rate ÷ 360, rounded half up once.
    public var computed: Fen
    /// The category codes held on the eligibility day, sorted.
    public var categories: [String]
    /// The day whose certification made the borrower eligible in the year.
    public var eligibilityDay: Day
    /// The drawdown's `FILE:LINE`.
    public var source: String

    /// The arithmetic, in the words finance staff use: `积数 3125304.00 × 3.0000% ÷ 360`.
    public var formula: String {
        "积数 \(accumulated.yuan) × \(rate.percent)% ÷ 360"
    }

    /// The applied rate and why: the contract rate, or the cap where the contract rate is above it.
    public var rateNote: String {
        rate < contractRate
            ? "合同利率 \(contractRate.percent)% 高于上限，按 \(capBasis) \(rate.percent)% 计"
            : "按合同利率 \(rate.percent)% 计"
    }
}
