import Foundation
import GRDB
import Logging

/// Reconcile → outputs for one date: loads the ledger as of D from the store, runs the rule
/// families, applies the exception lifecycle and writes `out/daily/D/`. `run` and `rerun` both
/// come here, so what one writes for a date the other writes byte for byte.
public struct DailyReport {
    public let workspace: Workspace
    public let store: Store
    public let settings: Settings
    public let logger: Logger

    public init(workspace: Workspace, store: Store, settings: Settings, logger: Logger) {
        self.workspace = workspace
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    /// What a date's computation produced.
    public struct Result: Sendable {
        public var outcome: ExceptionLifecycle.Outcome
        public var summary: DailySummary
        public var folder: URL
        /// What the run would send (outbound.md); the outbox step of `run` compares and sends it.
        public var plan: OutboundPlan
        /// The outbox files the run wrote (empty for `rerun` and before the outbox step).
        public var sent: [OutboxFileRecord] = []
    }

    /// `history` and `approvals`, when given (a rerun's, loaded once for its range), give the
    /// ledger and the claim approvals instead of the store. `fileCutoff`, when given (a rerun of
    /// a date `run` computed), limits what is read to the files that run saw; a run sees every
    /// file recorded so far.
    public func produce(asOf: Day, from history: LedgerHistory? = nil, approvals: ClaimApprovals.History? = nil,
                        fileCutoff: Int64? = nil) throws -> Result {
        let cutoff = try fileCutoff ?? store.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM inputFile") } ?? 0
        let ledger = try history?.ledger(asOf: asOf)
            ?? LedgerLoader(store: store, fileCutoff: fileCutoff).load(asOf: asOf, settings: settings)
        let approvals = try approvals?.latest(before: asOf) ?? ClaimApprovals(store: store).latest(before: asOf)
        let reconciliation = Reconciliation(ledger: ledger, approvals: approvals)
        let findings = reconciliation.findings()
        let outcome = try ExceptionLifecycle(store: store).record(findings, asOf: asOf, fileCutoff: cutoff)
        var summary = DailySummary(asOf: asOf, profile: settings.profile.name.rawValue, region: settings.region)
        summary.previousRun = outcome.previousRun
        summary.exceptions = NoteMasking.masking(outcome.exceptions, ledger: ledger)  // staff's notes, for the masked reports
        summary.files = try fileCounts(asOf: asOf, cutoff: cutoff)
        summary.totals = reconciliation.totals()
        summary.warnings = try store.unread(asOf: asOf).map(\.warning) + warnings(asOf: asOf)
        summary.outbox = try OutboxRecords(store: store).counts(on: asOf)
        let plan = OutboundPlan(ledger: ledger, subsidy: reconciliation.context.subsidy, outcome: outcome)
        for warning in summary.warnings { logger.warning("\(warning)") }
        let folder = workspace.daily(asOf)
        try FileModes.makeFolder(folder)
        // Machine-readable outputs carry full personal data: owner and group only (outputs.md).
        try AtomicFile.write(ExceptionsJSONL.render(outcome), to: folder.appendingPathComponent("exceptions.jsonl"), mode: 0o640)
        try AtomicFile.write(summary.render(), to: folder.appendingPathComponent("summary.json"), mode: 0o640)
        // Human-readable outputs (masked): 0640 too, like the rest of the folder.
        let report = ExceptionReport(summary: summary, routes: plan.routes, bankNames: settings.reference.bankNames,
                                     cityName: settings.reference.cities[settings.region]?.name)
        try AtomicFile.write(ExceptionsHTML.render(report), to: folder.appendingPathComponent("exceptions.html"), mode: 0o640)
        try AtomicFile.write(try ExceptionsXLSX.render(report), to: folder.appendingPathComponent("exceptions.xlsx"), mode: 0o640)
        try AtomicFile.write(ExceptionsCSV.render(report), to: folder.appendingPathComponent("exceptions.csv"), mode: 0o640)
        logger.info("daily outputs written", metadata: [
            "asOf": "\(asOf.iso)", "open": "\(outcome.exceptions.filter { $0.status != .resolved }.count)",
            "new": "\(outcome.exceptions.filter { $0.status == .new }.count)",
            "resolved": "\(outcome.exceptions.filter { $0.status == .resolved }.count)",
        ])
        return Result(outcome: outcome, summary: summary, folder: folder, plan: plan)
    }

    /// The files taken by the run of this date, from the store; `notYetEffective` of those the
    /// run had seen (ids up to `cutoff`).
    func fileCounts(asOf: Day, cutoff: Int64) throws -> DailySummary.Files {
        try store.database.read { db in
            var files = DailySummary.Files()
            let rows = try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM inputFile WHERE receivedOn = ? AND id <= ? GROUP BY status",
                                        arguments: [asOf.iso, cutoff])
            for row in rows {
                switch row["status"] as String {
                case "IMPORTED": files.imported = row["n"]
                case "REJECTED": files.rejected = row["n"]
                default: files.conflicts = row["n"]
                }
            }
            files.notYetEffective = try Int.fetchOne(db, sql: "SELECT count(*) FROM inputFile WHERE status = 'IMPORTED' AND businessDate > ? AND id <= ?",
                                                     arguments: [asOf.iso, cutoff]) ?? 0
            return files
        }
    }

    /// What the reader of the day's outputs must know about the reference data behind them.
    func warnings(asOf: Day) -> [String] {
        ReferenceWarnings(settings: settings).warnings(asOf: asOf)
    }
}

/// What `zhubao claim` runs approved, for E505: read from the store once (for a date, or for a
/// rerun's whole range), then a value the reconcile context takes.
public struct ClaimApprovals {
    let store: Store

    /// Every approval of the claim runs with an as-of date before `asOf`, in order of the runs'
    /// as-of date, then id.
    func history(before asOf: Day) throws -> History {
        try store.database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.loanNo, a.year, a.approved, r.asOf FROM claimApproval a JOIN claimRun r ON r.id = a.claimRunId
                WHERE r.asOf < ? ORDER BY r.asOf, r.id
                """, arguments: [asOf.iso])
            return History(approvals: try rows.map { row in
                ClaimRecovery.Approval(loanNo: row["loanNo"], year: row["year"], approved: Fen(row["approved"]),
                                       asOf: try StoredValueError.reading("claimRun") { try row.day("asOf") })
            })
        }
    }

    /// For each drawdown and year, the approval of the latest claim run with an as-of date before D.
    func latest(before asOf: Day) throws -> [ClaimRecovery.Approval] {
        try history(before: asOf).latest(before: asOf)
    }

    /// Approvals in order of their claim run (as-of date, then id).
    public struct History: Sendable {
        let approvals: [ClaimRecovery.Approval]

        /// For each drawdown and year, the approval of the latest claim run with an as-of date
        /// before D, in order of `loanNo|year`.
        func latest(before asOf: Day) -> [ClaimRecovery.Approval] {
            var latest: [String: ClaimRecovery.Approval] = [:]
            for approval in approvals where approval.asOf < asOf { latest["\(approval.loanNo)|\(approval.year)"] = approval }
            return latest.keys.sorted().map { latest[$0]! }
        }
    }
}
