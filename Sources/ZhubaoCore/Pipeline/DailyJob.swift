import Foundation
import Logging

/// The daily job (`zhubao run`): intake → import → store → reconcile → outputs, under the
/// run lock. Each hand-over between stages is a named value: `IntakeReport` from intake,
/// `DailyRunResult` to the caller.
public struct DailyJob {
    public let workspace: Workspace
    public let logger: Logger

    public init(workspace: Workspace, logger: Logger) {
        self.workspace = workspace
        self.logger = logger
    }

    /// Runs the job for `asOf`. Throws `FileLock.LockError.held` at once, touching nothing,
    /// when another run holds the lock.
    /// With `intakeOnly`, the inbox is taken but no daily outputs are computed.
    public func run(asOf: Day, intakeOnly: Bool = false, now: Date = Date()) throws -> DailyRunResult {
        guard workspace.isInitialised else {
            throw ConfigError("\(workspace.configFile.path) 不存在：先运行 zhubao init")
        }
        let lock = try FileLock(path: workspace.lockPath)
        defer { lock.unlock() }
        let settings = try Settings.load(root: workspace.root)
        try workspace.createFolders()
        let store = try Store(path: workspace.storePath)
        try ClaimStaging(workspace: workspace, store: store, logger: logger).recover()  // a killed claim: finish it
        let started = Date()
        logger.info("run started", metadata: ["asOf": "\(asOf.iso)", "profile": "\(settings.profile.name.rawValue)"])
        let intake = Intake(workspace: workspace, store: store,
                            context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()),
                            logger: logger)
        let report = try intake.run(asOf: asOf, now: now)
        let daily = intakeOnly ? nil
            : try DailyReport(workspace: workspace, store: store, settings: settings, logger: logger).produce(asOf: asOf)
        let result = DailyRunResult(asOf: asOf, intake: report, daily: daily)
        try Journal(workspace: workspace).record(.run, store: store, asOf: asOf, days: intakeOnly ? [] : [asOf], now: now)
        try RunMetrics(result: result, seconds: Date().timeIntervalSince(started)).write(to: workspace.metrics)
        logger.info("run finished", metadata: [
            "imported": "\(report.count(.imported))", "rejected": "\(report.count(.rejected) + report.count(.conflict))",
            "alreadyRecorded": "\(report.count(.alreadyRecorded))", "ignored": "\(report.ignored.count)",
        ])
        return result
    }
}

/// What a daily run hands back to the command line.
public struct DailyRunResult: Sendable {
    public let asOf: Day
    public let intake: IntakeReport
    /// nil for an intake-only run.
    public let daily: DailyReport.Result?

    /// sysexits: 65 when a file was rejected in this run, else 0 (business exceptions are not a failure).
    public var exitCode: Int32 { intake.rejectedAny ? 65 : 0 }
}
