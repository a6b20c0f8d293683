import Foundation
import Logging
import ZhubaoSystem

/// The daily job (`zhubao run`): intake → import → store → reconcile → outputs, under the
/// run lock. Each hand-over between stages is a named value: `IntakeReport` from intake,
/// `DailyRunResult` to the caller.
package final class DailyJob: WorkspaceJob {
    /// Runs the job for `asOf`. Throws `FileLock.LockError.held` at once, touching nothing,
    /// when another run holds the lock.
    /// With `intakeOnly`, the inbox is taken but no daily outputs are computed.
    /// `registry`, when given, records the run once the lock is held.
    /// `defersIndexes` forces the intake's choice (`Intake.defersIndexes`; tests).
    package func run(asOf: Day, intakeOnly: Bool = false, registry: RunRegistry? = nil, now: Date = Date(),
                     defersIndexes: Bool? = nil) throws -> DailyRunResult {
        // The store is guarded before the lock: `run` never creates one (only `init` does), and
        // a missing, empty or damaged one stops the run before the inbox is touched.
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .fail)
        defer { session.close() }
        let settings = session.settings, store = try session.openStore(registry: registry)
        try workspace.createFolders()
        for path in workspace.removeStaleTemporaries() {
            logger.info("removed a temporary file a killed run left", metadata: ["path": "\(SafeName.logged(path: path))"])
        }
        logger.info("run started", metadata: ["asOf": "\(asOf.iso)", "profile": "\(settings.profile.name.rawValue)"])
        let intake = Intake(workspace: workspace, store: store,
                            context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()),
                            logger: logger, defersIndexes: defersIndexes, buildsIndexes: intakeOnly)
        let report = try intake.run(asOf: asOf, now: now)
        try store.recordUnread(report.unread, asOf: asOf)
        // A bulk intake's indexes are built on a second connection while the ledger is read
        // (`IndexBuild`); waited for before the first write, and before the lock goes.
        let build = try store.startBuildingDeferredIndexes(logger: logger)
        defer { try? build?.wait() }
        var reporting = session.dailyReport(store)
        reporting.indexBuild = build
        var daily = intakeOnly ? nil : try reporting.produce(asOf: asOf, carrying: true)  // waits for the build
        // outbound.md: only `run` writes to the outbox, after the daily report.
        daily = try daily.map { try Outbox(workspace: workspace, store: store, settings: settings, logger: logger).send($0) }
        let result = DailyRunResult(asOf: asOf, intake: report, daily: daily)
        try Journal(workspace: workspace).record(.run, store: store, asOf: asOf, days: intakeOnly ? [] : [asOf], now: now)
        logger.info("run finished", metadata: [
            "imported": "\(report.count(.imported))", "rejected": "\(report.count(.rejected) + report.count(.conflict))",
            "alreadyRecorded": "\(report.count(.alreadyRecorded))", "ignored": "\(report.ignored.count)",
            "unread": "\(report.unread.count)",
        ])
        return result
    }
}

/// What a daily run hands back to the command line.
package struct DailyRunResult: Sendable {
    package let asOf: Day
    package let intake: IntakeReport
    /// nil for an intake-only run.
    package let daily: DailyReport.Result?

    /// sysexits: 74 when a file was left unread, 65 when one was rejected, else 0
    /// (`IntakeReport.exitCode`).
    package var exitCode: Int32 { intake.exitCode }
}
