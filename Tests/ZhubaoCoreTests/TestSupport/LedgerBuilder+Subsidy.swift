import Testing
@testable import ZhubaoCore

/// Helpers for the tests of balances, certification, subsidy, interest, deaths and claims.
extension LedgerBuilder {
    typealias HardshipRow = (id: String, category: String, certified: String, ends: String?, revoked: Bool)

    /// One row of a hardship list.
    static func row(_ id: String = borrower, _ category: String = "DB", since: String, ends: String? = nil,
                    revoked: Bool = false) -> HardshipRow {
        (id, category, since, ends, revoked)
    }

    /// A department's list of one date naming one person in one category.
    mutating func certify(_ id: String = borrower, _ category: String = "DB", since: String, listedOn date: String,
                          department: String = "MZ", ends: String? = nil, revoked: Bool = false) {
        snapshot(department, date: date, [Self.row(id, category, since: since, ends: ends, revoked: revoked)])
    }

    /// The spec's sample (outputs.md, samples/): 刘建国 in the register with contract C1, his
    /// annual drawdown L1 of 8904.00 at 3.0000 % disbursed 2026-01-15, maturing 2027-01-14, and
    /// the MZ list of 2026-01-31 certifying him 最低生活保障对象 (DB) since 2024-03-01.
    mutating func sample(rate: String = "3.0000", certified: Bool = true) {
        participant()
        drawdown("L1", rate: rate)
        if certified { certify(since: "2024-03-01", listedOn: "2026-01-31") }
    }

    /// The families' shared inputs, built the way the daily run builds them.
    func subsidy() -> Subsidy { Subsidy(ledger: ledger) }
}

/// `detail` is shown as is in the human-readable reports: it must never carry an ID number, a
/// name or an account number (outputs.md, masking).
func expectNoPersonalData(_ findings: [Finding], sourceLocation: SourceLocation = #_sourceLocation) {
    for finding in findings {
        for secret in [LedgerBuilder.borrower, LedgerBuilder.otherPerson, "刘建国", "6217002030001234567",
                       "36070001199000000001"] {
            #expect(!finding.detail.contains(secret), "\(finding.code) detail: \(finding.detail)",
                    sourceLocation: sourceLocation)
        }
    }
}
