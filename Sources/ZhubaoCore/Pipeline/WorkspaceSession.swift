import Foundation
import ZhubaoSystem
import Logging

/// The preamble every job shares (issue 13), done once and always in this order: the workspace
/// is initialised → its settings load → what the job needs holds (a profile that subsidises
/// interest, a store on disk) → the run lock is taken → (`openStore`) the store is opened, the
/// run recorded in the registry and a claim run a kill interrupted finished. A job opens a
/// session, works with `settings` and the store, and closes it, which releases the lock.
final class WorkspaceSession {
    /// How the job takes the run lock.
    enum Locking: Sendable, Equatable {
        /// No lock: the job only reads (`explain`), and finishes no interrupted claim.
        case none
        /// Fails at once with `FileLock.LockError.held` when another run holds it.
        case fail
        /// Waits up to the seconds given, or `lock_wait_seconds` when nil (`exceptions ack`).
        case wait(seconds: Double?)
    }

    /// What must hold before the lock is taken; a job that does not need it stops there,
    /// touching nothing.
    struct Requirements: OptionSet, Sendable {
        let rawValue: Int
        /// The store exists: no command but `init` creates one (`StoreFault.missing`).
        static let store = Requirements(rawValue: 1)
        /// The profile subsidises interest (`ClaimJobError.noSubsidy`).
        static let subsidy = Requirements(rawValue: 2)
    }

    let workspace: Workspace
    let settings: Settings
    let logger: Logger
    private let lock: FileLock?

    init(workspace: Workspace, logger: Logger, locking: Locking, requires: Requirements = .store) throws {
        try workspace.requireInitialised()
        let settings = try Settings.load(root: workspace.root)
        if requires.contains(.subsidy), !settings.profile.subsidisesInterest {
            throw ClaimJobError.noSubsidy(settings.profile.name.rawValue)
        }
        if requires.contains(.store), !FileManager.default.fileExists(atPath: workspace.storePath) {
            throw StoreFault.missing(path: workspace.storePath)
        }
        switch locking {
        case .none: lock = nil
        case .fail: lock = try FileLock(path: workspace.lockPath)
        case .wait(let seconds):
            lock = try FileLock.waiting(path: workspace.lockPath, upTo: seconds ?? Double(settings.lockWaitSeconds))
        }
        self.workspace = workspace
        self.settings = settings
        self.logger = logger
    }

    /// Opens the store (checked, never created); under the lock, records the run in `registry`
    /// and finishes a claim run a kill interrupted, before the job reads anything.
    func openStore(registry: RunRegistry? = nil) throws -> Store {
        let store = try Store.open(path: workspace.storePath)
        guard lock != nil else { return store }
        registry?.begin()
        try store.buildDeferredIndexes(logger: logger)  // a bulk import killed before it built them
        try ClaimStaging(workspace: workspace, store: store, logger: logger).recover()
        return store
    }

    /// The daily computation of a date in this workspace, from `store`.
    func dailyReport(_ store: Store) -> DailyReport {
        DailyReport(workspace: workspace, store: store, settings: settings, logger: logger)
    }

    /// Releases the run lock (the kernel also drops it when the process ends).
    func close() { lock?.unlock() }
}

/// What every job is made with: the workspace it works in and its logger. A job (a subclass)
/// opens its `WorkspaceSession` when it runs.
package class WorkspaceJob {
    package let workspace: Workspace
    package let logger: Logger

    package init(workspace: Workspace, logger: Logger) {
        self.workspace = workspace
        self.logger = logger
    }
}

extension Workspace {
    /// Throws the usage error of a folder where `zhubao init` has not been run.
    func requireInitialised() throws {
        guard isInitialised else { throw ConfigError("\(configFile.path) 不存在：先运行 zhubao init") }
    }
}
