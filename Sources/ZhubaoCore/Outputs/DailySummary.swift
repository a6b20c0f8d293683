/// `summary.json` (outputs.md): counts by code, severity, owner and status; the files of the
/// date; the year-to-date totals. Everything here is computed from the store, so that `rerun`
/// writes the same bytes.
package struct DailySummary: Sendable {
    package struct Files: Sendable {
        /// Files taken by the run of this date, by what became of them.
        package var imported = 0, rejected = 0, conflicts = 0
        /// Files in the store whose business date is after this date: they count from their own date.
        package var notYetEffective = 0
    }

    package struct Totals: Sendable, Equatable {
        package var drawdowns = 0
        package var drawdownAmount = Fen.zero
        package var receipts = 0
        package var receiptAmount = Fen.zero
        package var repayments = 0
        package var principalRepaid = Fen.zero
        package var interestRepaid = Fen.zero
        /// Subsidy accrued from 1 January of the date's year to the date (ganzhou-2021).
        package var subsidyAccrued: Fen?
    }

    package var asOf: Day
    package var profile: String
    package var region: String
    package var previousRun: Day?
    package var files = Files()
    package var totals = Totals()
    package var warnings: [String] = []
    package var exceptions: [ExceptionLifecycle.Reported] = []
    /// Files written to `outbox/` dated this date, by recipient and kind (outbound.md).
    package var outbox: [String: [String: Int]] = [:]

    package init(asOf: Day, profile: String, region: String) {
        self.asOf = asOf
        self.profile = profile
        self.region = region
    }

    package func render() -> String {
        var byCode: [String: Int] = [:], bySeverity: [String: Int] = [:], byOwner: [String: Int] = [:], byStatus: [String: Int] = [:]
        for item in exceptions {
            byStatus[item.status.rawValue, default: 0] += 1
            guard item.status != .resolved else { continue }
            byCode[item.finding.code.rawValue, default: 0] += 1
            bySeverity[item.finding.severity.rawValue, default: 0] += 1
            byOwner[item.finding.owner.rawValue, default: 0] += 1
        }
        var f = JSONObject()
        f.add("imported", files.imported)
        f.add("rejected", files.rejected)
        f.add("conflicts", files.conflicts)
        f.add("notYetEffective", files.notYetEffective)
        var t = JSONObject()
        t.add("drawdowns", totals.drawdowns)
        t.add("drawdownAmount", totals.drawdownAmount.yuan)
        t.add("receipts", totals.receipts)
        t.add("receiptAmount", totals.receiptAmount.yuan)
        t.add("repayments", totals.repayments)
        t.add("principalRepaid", totals.principalRepaid.yuan)
        t.add("interestRepaid", totals.interestRepaid.yuan)
        t.add("subsidyAccruedYearToDate", totals.subsidyAccrued?.yuan)
        var o = JSONObject()
        o.add("asOf", asOf.iso)
        o.add("profile", profile)
        o.add("region", region)
        o.add("previousRun", previousRun?.iso)
        o.add("open", exceptions.filter { $0.status != .resolved }.count)
        o.add("byCode", raw: JSONText.counts(byCode))
        o.add("bySeverity", raw: JSONText.counts(bySeverity))
        o.add("byOwner", raw: JSONText.counts(byOwner))
        o.add("byStatus", raw: JSONText.counts(byStatus))
        o.add("files", raw: f.text)
        o.add("totals", raw: t.text)
        o.add("outbox", raw: JSONText.nestedCounts(outbox))
        o.add("warnings", raw: "[" + warnings.map(JSONText.quote).joined(separator: ",") + "]")
        return o.text + "\n"
    }
}
