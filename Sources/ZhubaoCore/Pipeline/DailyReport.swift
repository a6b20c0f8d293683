import Foundation
import Logging
import ZhubaoSystem

/// Reconcile → outputs for one date: loads the ledger as of D from the store, runs the rule
/// families, applies the exception lifecycle and writes `out/daily/D/`. `run` and `rerun` both
/// come here, so what one writes for a date the other writes byte for byte.
package struct DailyReport {
    package let workspace: Workspace
    package let store: Store
    package let settings: Settings
    package let logger: Logger
    /// A build of the deferred indexes under way (`run` after a bulk intake): waited for before
    /// the first write, and before a next-day run's key queries.
    package var indexBuild: IndexBuild? = nil

    /// What a date's computation produced.
    package struct Result: Sendable {
        package var outcome: ExceptionLifecycle.Outcome
        package var summary: DailySummary
        package var folder: URL
        /// What the run would send (outbound.md); the outbox step of `run` compares and sends it.
        package var plan: OutboundPlan
        /// The outbox files the run wrote (empty for `rerun` and before the outbox step).
        package var sent: [OutboxFileRecord] = []
    }

    /// What a date's reconciliation found, before anything is read from or written to the
    /// store's lifecycle: computed from the ledger alone, so that a rerun can compute two dates
    /// at once (`RerunJob`), then written in date order.
    package struct Computed: Sendable {
        package let asOf: Day
        let findings: [Finding]
        let totals: DailySummary.Totals
        let basis: Basis

        /// Where the reports read the records behind the findings.
        enum Basis: Sendable {
            /// The whole ledger of the date (`run`; a rerun date read apart).
            case whole(Reconciliation)
            /// A rerun's history (`RangeEngine`): the records the reports name are selected from it.
            case range(RangeReports)
            /// The part of the city a next-day run computed, the rest carried (`NextDayRun`).
            case part(PartBasis)
        }

        init(asOf: Day, findings: [Finding], totals: DailySummary.Totals, basis: Basis) {
            self.asOf = asOf
            self.findings = findings
            self.totals = totals
            self.basis = basis
        }

        init(_ reconciliation: Reconciliation) {
            asOf = reconciliation.ledger.asOf
            findings = reconciliation.findings()
            totals = reconciliation.totals()
            basis = .whole(reconciliation)
        }

        init(asOf: Day, _ result: RangeEngine.DateResult, reports: RangeReports) {
            self.asOf = asOf
            findings = result.findings
            totals = result.totals
            basis = .range(reports)
        }

        /// Masks staff's notes by every name the ledger of D holds.
        func noteMasking() throws -> NoteMasking {
            switch basis {
            case .whole(let reconciliation): NoteMasking(ledger: reconciliation.ledger)
            case .range(let reports): NoteMasking(names: reports.history.names(asOf: asOf))
            case .part(let part): NoteMasking(names: try part.store.ledgerNames(asOf: asOf))
            }
        }

        /// What the date would send; the ELIG lists only from a whole ledger.
        func plan(_ outcome: ExceptionLifecycle.Outcome, sending: Bool) -> OutboundPlan {
            switch basis {
            case .whole(let reconciliation):
                return OutboundPlan(ledger: reconciliation.ledger, subsidy: reconciliation.context.subsidy, outcome: outcome, eligibility: sending)
            case .range(let reports):
                // A rerun sends nothing; the ELIG lists need the whole ledger.
                precondition(!sending, "only a date computed from its whole ledger sends")
                return OutboundPlan(ledger: reports.ledger(for: outcome.exceptions.map(\.finding), asOf: asOf), subsidy: nil,
                             outcome: outcome, eligibility: false)
            case .part(let part):
                var plan = OutboundPlan(ledger: part.reconciliation.ledger, subsidy: part.reconciliation.context.subsidy,
                                        outcome: outcome, eligibility: sending)
                guard plan.eligibilityYear != nil else { return plan }
                // Every bank's list: the recomputed loans' lines and the others' carried, by loanNo.
                for bank in part.banks where plan.eligibility[bank] == nil { plan.eligibility[bank] = [] }
                for (bank, lines) in part.carriedLines { plan.eligibility[bank, default: []] += lines }
                plan.eligibility = plan.eligibility.mapValues { $0.sorted { $0.fields[0] < $1.fields[0] } }
                return plan
            }
        }
    }

    /// `history` and `approvals`, when given (a rerun's, loaded once for its range), give the
    /// ledger and the claim approvals instead of the store. `fileCutoff`, when given (a rerun of
    /// a date `run` computed), limits what is read to the files that run saw; a run sees every
    /// file recorded so far. `sending` is false where nothing goes to the outbox (`rerun`): the
    /// plan then holds the routes the reports show, not the ELIG lists only `run` sends.
    /// `carrying` (`run`): D is computed from the state the last run left when it can be
    /// (`NextDayRun`), and leaves its own.
    package func produce(asOf: Day, from history: LedgerHistory? = nil, approvals: ClaimApprovalHistory? = nil,
                        fileCutoff: Int64? = nil, sending: Bool = true, carrying: Bool = false) throws -> Result {
        let computed = try carrying ? computeCarrying(asOf: asOf)
            : compute(asOf: asOf, from: history, approvals: approvals, fileCutoff: fileCutoff)
        try indexBuild?.wait()
        let result = try write(computed, fileCutoff: fileCutoff, sending: sending)
        if carrying { try saveEngineState(computed, result) }
        FreedAside.free(consume computed)
        return result
    }

    /// The reconciliation of D. With both `history` and `approvals` given it reads nothing from
    /// the store, and may run on any thread.
    package func compute(asOf: Day, from history: LedgerHistory? = nil, approvals: ClaimApprovalHistory? = nil,
                         fileCutoff: Int64? = nil) throws -> Computed {
        let ledger = try history?.ledger(asOf: asOf)
            ?? LedgerLoader(store: store, fileCutoff: fileCutoff).load(asOf: asOf, settings: settings)
        let approvals = try approvals?.latest(before: asOf) ?? store.latestApprovals(before: asOf)
        return Computed(Reconciliation(ledger: ledger, approvals: approvals))
    }

    /// The lifecycle of a computed date and its outputs in `out/daily/D/`: dates are written in
    /// order, each after the one before.
    package func write(_ computed: Computed, fileCutoff: Int64? = nil, sending: Bool = true) throws -> Result {
        let result = try record(computed, fileCutoff: fileCutoff, sending: sending)
        try render(result)
        return result
    }

    /// The lifecycle of a computed date, recorded in the store, and what its outputs will show.
    package func record(_ computed: Computed, fileCutoff: Int64? = nil, sending: Bool = true,
                        carried: ExceptionLifecycle.Carried? = nil) throws -> Result {
        let asOf = computed.asOf
        let cutoff = try fileCutoff ?? store.lastFileId()
        let outcome = try ExceptionLifecycle(store: store).record(computed.findings, asOf: asOf, fileCutoff: cutoff, carried: carried)
        var summary = DailySummary(asOf: asOf, profile: settings.profile.name.rawValue, region: settings.region)
        summary.previousRun = outcome.previousRun
        summary.exceptions = try NoteMasking.masking(outcome.exceptions, computed.noteMasking)  // staff's notes, for the masked reports
        summary.files = try store.fileCounts(receivedOn: asOf, cutoff: cutoff)
        summary.totals = computed.totals
        summary.warnings = try store.unread(asOf: asOf).map(\.warning) + warnings(asOf: asOf)
        summary.outbox = try store.outboxCounts(on: asOf)
        let plan = computed.plan(outcome, sending: sending)
        for warning in summary.warnings { logger.warning("\(warning)") }
        return Result(outcome: outcome, summary: summary, folder: workspace.daily(asOf), plan: plan)
    }

    /// The outputs of a recorded date in `out/daily/D/`, each file written whole (`AtomicFile`).
    /// Reads no store: `rerun` renders a date on a thread of its own while the next one is
    /// recorded (`RenderThread`).
    package func render(_ result: Result) throws {
        let (asOf, folder, outcome, summary, plan) = (result.summary.asOf, result.folder, result.outcome, result.summary, result.plan)
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
    }

    /// What the reader of the day's outputs must know about the reference data behind them.
    func warnings(asOf: Day) -> [String] {
        ReferenceWarnings(settings: settings).warnings(asOf: asOf)
    }
}
