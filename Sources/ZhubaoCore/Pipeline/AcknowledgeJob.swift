import Foundation
import Logging
import ZhubaoSystem

/// `zhubao exceptions ack` (outputs.md): waits for a run that holds the lock (up to
/// `lock_wait_seconds`), resolves the key or short id, adds the acknowledgement to the store and
/// the journal.
public struct AcknowledgeJob {
    public let workspace: Workspace
    public let logger: Logger

    public init(workspace: Workspace, logger: Logger) {
        self.workspace = workspace
        self.logger = logger
    }

    /// Returns the full key acknowledged. `waitSeconds` overrides the setting. `registry`, when
    /// given, records the run once the lock is held and the store opened.
    @discardableResult
    public func run(key typed: String, note: String, by: String, on day: Day,
                    waitSeconds: Double? = nil, registry: RunRegistry? = nil, now: Date = Date()) throws -> String {
        guard workspace.isInitialised else { throw ConfigError("\(workspace.configFile.path) 不存在：先运行 zhubao init") }
        let settings = try Settings.load(root: workspace.root)
        let lock = try FileLock.waiting(path: workspace.lockPath, upTo: waitSeconds ?? Double(settings.lockWaitSeconds))
        defer { lock.unlock() }
        let store = try Store.open(path: workspace.storePath)
        registry?.begin()
        try ClaimStaging(workspace: workspace, store: store, logger: logger).recover()
        guard let key = try ExceptionListing(store: store).resolve(typed) else { throw AcknowledgeError.unknownKey(typed) }
        let ack = try ExceptionLifecycle(store: store).acknowledge(key: key, note: note, by: by, on: day, now: now)
        try Journal(workspace: workspace).record(.ack, store: store, ack: ack, now: now)
        logger.info("exception acknowledged", metadata: ["shortID": "\(ShortID.of(key: key))", "effectiveOn": "\(day.iso)"])
        return key
    }
}

public enum AcknowledgeError: Error, CustomStringConvertible {
    case unknownKey(String)

    public var description: String {
        switch self {
        case .unknownKey(let key):
            return "没有哪次日常运行发现过键或短编号为 \(key) 的异常：请从 exceptions.jsonl、报告或 zhubao exceptions list 中复制完整的键或 10 位短编号"
        }
    }
}
