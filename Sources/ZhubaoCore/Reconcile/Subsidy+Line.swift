/// rules.md §4: the subsidy of one drawdown for one calendar year, as it appears on a line of
/// the claim for the finance bureau (outputs.md `SUBSIDY_CLAIM_*.xml`) and beside a bank's
/// claim line (E501–E504).
package struct SubsidyLine: Sendable, Equatable {
    package var loanNo: String
    package var contractNo: String
    package var idNumber: String
    /// The borrower's name in the register as of D.
    package var name: String
    package var bankCode: String
    package var year: Int
    /// The first and the last subsidised day (`From`, `To`).
    package var from: Day
    package var to: Day
    /// The number of subsidised days.
    package var days: Int
    /// 积数: the sum of the balances over the subsidised days.
    package var accumulated: Fen
    package var contractRate: Rate
    /// The cap of rules.md §5 on the disbursement date, and where it comes from.
    package var cap: Rate
    package var capBasis: String
    /// The applied rate: the lower of the contract rate and the cap.
    package var rate: Rate
    /// accumulated × rate ÷ 360, rounded half up once.
    package var computed: Fen
    /// The category codes held on the eligibility day, sorted.
    package var categories: [String]
    /// The day whose certification made the borrower eligible in the year.
    package var eligibilityDay: Day
    /// The drawdown's `FILE:LINE`.
    package var source: String

    /// The arithmetic, in the words finance staff use: `积数 3125304.00 × 3.0000% ÷ 360`.
    package var formula: String {
        "积数 \(accumulated.yuan) × \(rate.percent)% ÷ 360"
    }

    /// The applied rate and why: the contract rate, or the cap where the contract rate is above it.
    package var rateNote: String {
        rate < contractRate
            ? "合同利率 \(contractRate.percent)% 高于上限，按 \(capBasis) \(rate.percent)% 计"
            : "按合同利率 \(rate.percent)% 计"
    }
}
