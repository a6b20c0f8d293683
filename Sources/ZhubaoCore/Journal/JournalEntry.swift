import Foundation

/// One line of `state/journal.jsonl`: an action that decides an output and is in no input file
/// (README "The journal"). `prev` is the SHA-256 of the line before it (64 zeros on the first
/// line), so that an edit anywhere breaks the chain. The store's own rows are carried whole, with
/// their ids, so that `zhubao rebuild` puts back exactly what the store held.
package struct JournalEntry: Codable, Sendable, Equatable {
    package enum Action: String, Codable, Sendable {
        /// A daily run: the files it took in (and any a killed run left unjournaled), then the
        /// dates whose daily outputs it computed.
        case run
        /// `zhubao rerun`: the dates it recomputed.
        case rerun
        /// `zhubao exceptions ack`.
        case ack
        /// A claim run and its approvals.
        case claim
    }

    /// SHA-256 (hex) of the previous line's bytes, without its newline.
    package var prev: String
    package var action: Action
    /// When the action was journaled, ISO 8601 UTC (information only: rebuild uses the rows' own stamps).
    package var at: String
    /// The as-of date of a run.
    package var asOf: String?
    /// The registry rows the store recorded since the last journaled one, in id order.
    package var files: [InputFileRecord]?
    /// A run's files left unread in the inbox (exit 74), which its date's report names; on a
    /// `run` line always (empty when none), so that a later run of the date clears them too.
    package var unread: [UnreadFile]?
    /// The files written to `outbox/` since the last journaled one (their store records), in id order.
    package var outbox: [OutboxFileRecord]?
    /// The dates whose daily outputs (and exception lifecycle) were computed, in order.
    package var days: [String]?
    package var ack: AcknowledgementRecord?
    package var claimRun: ClaimRunRecord?
    package var approvals: [ClaimApprovalRecord]?

    package init(action: Action, at: Date = Date(), asOf: String? = nil) {
        self.prev = ""
        self.action = action
        self.at = ISO8601DateFormatter().string(from: at)
        self.asOf = asOf
    }

    /// The line's bytes (no newline): sorted keys, so the same entry is always the same line.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static func decode(_ line: Data) throws -> JournalEntry {
        try JSONDecoder().decode(JournalEntry.self, from: line)
    }
}
