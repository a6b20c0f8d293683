import Foundation
import Logging
import ZhubaoSystem

/// `zhubao run --dry-run` (issue 16): what `run` would do now, done on a throwaway copy
/// (`ScratchCopy`): the inbox is read through the same intake (files opened once, staged,
/// imported into the copy of the store) but nothing is moved, no name or marker removed, and the
/// daily outputs are computed in the copy. The workspace — inbox, archive, quarantine, out,
/// outbox, state, metrics, the run registry — is left byte for byte as it was. Takes the run
/// lock like a run, so that it never races one.
package final class DryRunJob: WorkspaceJob {
    package struct Result: Sendable {
        package let asOf: Day
        package let intake: IntakeReport
        /// nil with `--intake-only`.
        package let daily: DailyReport.Result?

        /// The exit code `run` would give (0, 65 or 74).
        package var wouldExit: Int32 { intake.exitCode }
    }

    package func run(asOf: Day, intakeOnly: Bool = false, now: Date = Date()) throws -> Result {
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .fail)
        defer { session.close() }
        let settings = session.settings
        let scratch = try ScratchCopy(of: workspace)
        defer { scratch.remove() }
        let store = try Store.open(path: scratch.workspace.storePath)
        logger.info("dry run started: nothing in the workspace is changed", metadata: ["asOf": "\(asOf.iso)"])
        let intake = Intake(workspace: scratch.workspace, store: store,
                            context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()),
                            logger: logger, inbox: workspace.inbox, placesFiles: false)
        let report = try intake.run(asOf: asOf, now: now)
        try store.recordUnread(report.unread, asOf: asOf)
        let daily = intakeOnly ? nil
            : try DailyReport(workspace: scratch.workspace, store: store, settings: settings, logger: logger).produce(asOf: asOf)
        try store.close()
        return Result(asOf: asOf, intake: report, daily: daily)
    }
}
