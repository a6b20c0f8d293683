import Foundation
import Logging
import ZhubaoSystem

/// `zhubao exceptions ack` (outputs.md): waits for a run that holds the lock (up to
/// `lock_wait_seconds`), resolves the key or short id, adds the acknowledgement to the store and
/// the journal.
package final class AcknowledgeJob: WorkspaceJob {
    /// Returns the full key acknowledged. `waitSeconds` overrides the setting. `registry`, when
    /// given, records the run once the lock is held and the store opened.
    @discardableResult
    package func run(key typed: String, note: String, by: String, on day: Day,
                    waitSeconds: Double? = nil, registry: RunRegistry? = nil, now: Date = Date()) throws -> String {
        let session = try WorkspaceSession(workspace: workspace, logger: logger, locking: .wait(seconds: waitSeconds), requires: [])
        defer { session.close() }
        let store = try session.openStore(registry: registry)
        guard let key = try ExceptionListing(store: store).resolve(typed) else { throw AcknowledgeError.unknownKey(typed) }
        let ack = try ExceptionLifecycle(store: store).acknowledge(key: key, note: note, by: by, on: day, now: now)
        try Journal(workspace: workspace).record(.ack, store: store, ack: ack, now: now)
        logger.info("exception acknowledged", metadata: ["shortID": "\(ShortID.of(key: key))", "effectiveOn": "\(day.iso)"])
        return key
    }
}

package enum AcknowledgeError: Error, CustomStringConvertible {
    case unknownKey(String)

    package var description: String {
        switch self {
        case .unknownKey(let key):
            return "没有哪次日常运行发现过键或短编号为 \(key) 的异常：请从 exceptions.jsonl、报告或 zhubao exceptions list 中复制完整的键或 10 位短编号"
        }
    }
}
