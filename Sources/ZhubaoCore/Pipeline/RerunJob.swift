import Foundation
import Logging

/// `zhubao rerun`: recomputes the daily outputs of a range of dates from the store, in order,
/// under the run lock, reading no inbox.
public struct RerunJob {
    public let workspace: Workspace
    public let logger: Logger

    public init(workspace: Workspace, logger: Logger) {
        self.workspace = workspace
        self.logger = logger
    }

    @discardableResult
    public func run(from: Day, to: Day) throws -> [Day] {
        guard workspace.isInitialised else {
            throw ConfigError("\(workspace.configFile.path) 不存在：先运行 zhubao init")
        }
        let lock = try FileLock(path: workspace.lockPath)
        defer { lock.unlock() }
        let settings = try Settings.load(root: workspace.root)
        let store = try Store(path: workspace.storePath)
        let report = DailyReport(workspace: workspace, store: store, settings: settings, logger: logger)
        let days = Array(from...to)
        // One read of the store for the whole range: each date's ledger is selected from it.
        let history = try LedgerLoader(store: store).history(through: to, settings: settings)
        for day in days { _ = try report.produce(asOf: day, from: history) }
        try Journal(workspace: workspace).record(.rerun, store: store, days: days)
        return days
    }
}
