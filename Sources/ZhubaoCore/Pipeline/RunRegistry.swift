import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The run registry (issue 16): every command that changes the workspace is recorded in the
/// store's `runLog` when it starts and again when it ends — command and options, as-of date,
/// host, start and end, exit code, files imported, rejected and unreadable, open exceptions by
/// code. A row still RUNNING whose process is gone was killed: the next command marks it
/// KILLED and says so in its log. Nothing is recorded where there is no store (a run refused
/// before one exists leaves its trace in the log and the metrics only).
package final class RunRegistry: @unchecked Sendable {
    private let storePath: String
    private var store: Store?
    private let logger: Logger
    private var row: RunRecord?

    /// What the command reports before it ends.
    package var filesImported = 0, filesRejected = 0, filesUnreadable = 0
    package var exceptionsByCode: [String: Int]?

    private let start: RunRecord

    /// Prepares the record of `command` (its arguments as typed); nothing is opened or written
    /// until the command holds the run lock (`begin`), so that a command locked out (75) never
    /// writes to a store another run is using, and `init` and `rebuild` record into the store
    /// they made.
    package init(workspace: Workspace, command: String, arguments: [String], asOf: Day?, logger: Logger, now: Date = Date()) {
        self.logger = logger
        storePath = workspace.storePath
        start = RunRecord(id: nil, command: command, arguments: JSONText.array(arguments), asOf: asOf?.iso,
                          host: ProcessInfo.processInfo.hostName, pid: Int64(getpid()),
                          startedAt: Self.timestamp(now), endedAt: nil, status: .running, exitCode: nil)
    }

    /// The store at the workspace's path when `begin` is called (the header check only: the
    /// command itself checks the store before it uses it); nil where there is none.
    private func openStore() -> Store? {
        if store == nil, let opened = try? Store.open(path: storePath, quickCheckLimit: 0) {
            // The end is written after the lock is released: wait for a run that took it meanwhile.
            try? opened.waitForWriters(milliseconds: 10_000)
            store = opened
        }
        return store
    }

    /// Records the start; called by the job once it holds the run lock (and, for `init` and
    /// `rebuild`, once the store is in place). Marks the runs left RUNNING by processes that
    /// are gone as KILLED, and says so in the log. Any failure to record is logged and never
    /// stops the command.
    package func begin() {
        guard row == nil, let store = openStore() else { return }
        do {
            let started = try store.startRun(start, isGone: Self.isGone)
            Self.report(killed: started.killed, logger: logger)
            row = started.run
        } catch {
            logger.warning("运行记录未能写入（run registry）", metadata: ["error": "\(error)"])
        }
    }

    /// Ends the record with the command's exit code.
    package func finish(exitCode: Int32, now: Date = Date()) {
        guard let store, var record = row else { return }
        record.endedAt = Self.timestamp(now)
        record.status = .done
        record.exitCode = Int64(exitCode)
        record.filesImported = Int64(filesImported)
        record.filesRejected = Int64(filesRejected)
        record.filesUnreadable = Int64(filesUnreadable)
        record.exceptions = exceptionsByCode.map(JSONText.counts)
        do {
            try store.endRun(record)
        } catch {
            logger.warning("运行记录未能更新（run registry）", metadata: ["error": "\(error)"])
        }
    }

    /// A row RUNNING on this host whose process no longer exists: killed.
    static func isGone(_ record: RunRecord) -> Bool {
        record.host == ProcessInfo.processInfo.hostName && !processExists(record.pid)
    }

    static func report(killed: [RunRecord], logger: Logger) {
        for record in killed {
            logger.warning("上次运行未正常结束（可能被终止）：请查看 zhubao runs", metadata: [
                "run": "\(record.id ?? 0)", "command": "\(record.command)", "started": "\(record.startedAt)",
            ])
        }
    }

    static func processExists(_ pid: Int64) -> Bool {
        pid == Int64(getpid()) || kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The last `count` runs, newest first (killed ones marked as such first).
    package static func last(_ count: Int, in workspace: Workspace, logger: Logger) throws -> [RunRecord] {
        let found = try Store.open(path: workspace.storePath).lastRuns(count, isGone: isGone)
        report(killed: found.killed, logger: logger)
        return found.runs
    }
}
