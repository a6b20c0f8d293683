@testable import ZhubaoCore

/// Helpers for the tests of DrawdownRules (rules.md §5, §7 E201–E208, E601) and Matching
/// (rules.md §6, §7 E301–E305).
extension LedgerBuilder {
    /// DrawdownRules' findings of the ledger built so far.
    var drawdownFindings: [Finding] { DrawdownRules.findings(ledger) }

    /// The match of rules.md §6 of the ledger built so far.
    var matching: Matching { Matching(ledger) }

    /// Matching's findings (E301–E305) of the ledger built so far.
    var matchingFindings: [Finding] { Matching.findings(ledger) }

    /// Sets (or adds) the minimum monthly base of a year, as `zhubao.toml` may.
    mutating func minimumBase(_ year: Int, _ yuan: String, province: String = "360000") {
        history.settings.reference.minimumBase[province, default: [:]][year] = fen(yuan)
    }

    /// Moves the as-of date (the same records, read on another day).
    mutating func reread(asOf iso: String) {
        asOf = d(iso)
    }
}
