import Foundation
import GRDB

/// The life of an exception across daily runs (rules.md §7, last paragraphs; outputs.md
/// `status`): NEW the day it is first found, OPEN while it is found again, RESOLVED in the run
/// that no longer finds it, ACKNOWLEDGED once staff have noted it. The state of each run is kept
/// in the store, so that recomputing a date from the same store gives the same bytes.
public struct ExceptionLifecycle {
    public enum Status: String, Sendable, CaseIterable {
        case new = "NEW", open = "OPEN", acknowledged = "ACKNOWLEDGED", resolved = "RESOLVED"
    }

    /// One line of the daily report.
    public struct Reported: Sendable {
        public var finding: Finding
        public var status: Status
        public var firstSeen: Day
        public var acknowledgement: AcknowledgementRecord?
        /// Every acknowledgement that applies on the date, oldest first (the last is `acknowledgement`).
        public var history: [AcknowledgementRecord] = []
        public var key: String { finding.key }
    }

    /// The result of a date's run, sorted by key.
    public struct Outcome: Sendable {
        public var asOf: Day
        public var previousRun: Day?
        public var exceptions: [Reported]
    }

    let store: Store

    public init(store: Store) { self.store = store }

    /// Applies the lifecycle to what the rules found as of `asOf` and records it.
    /// `fileCutoff` is the highest file id the computation saw (kept for `rerun`).
    public func record(_ findings: [Finding], asOf: Day, fileCutoff: Int64? = nil, now: Date = Date()) throws -> Outcome {
        try store.database.write { db in
            let previous = try String.fetchOne(db, sql: "SELECT max(asOf) FROM dailyRun WHERE asOf < ?", arguments: [asOf.iso])
            var open: [String: DailyExceptionRecord] = [:]
            if let previous {
                for row in try DailyExceptionRecord.filter(Column("asOf") == previous).fetchAll(db) { open[row.key] = row }
            }
            let histories = try acknowledgementHistories(db, asOf: asOf)
            let acknowledgements = histories.compactMapValues(\.last)
            var found: [String: Finding] = [:]
            for finding in findings where found[finding.key] == nil {
                // E001 and E002 stay open until acknowledged (rules.md §7).
                if ["E001", "E002"].contains(finding.code), acknowledgements[finding.key] != nil { continue }
                found[finding.key] = finding
            }
            var reported: [Reported] = []
            for (key, finding) in found {
                let firstSeen = open[key].flatMap { Day(iso: $0.firstSeen) } ?? asOf
                let ack = acknowledgements[key]
                let status: Status = ack != nil ? .acknowledged : (firstSeen == asOf ? .new : .open)
                reported.append(Reported(finding: finding, status: status, firstSeen: firstSeen, acknowledgement: ack,
                                         history: histories[key] ?? []))
            }
            for (key, row) in open where found[key] == nil {
                guard let finding = Finding(payload: row.payload) else { continue }
                reported.append(Reported(finding: finding, status: .resolved, firstSeen: Day(iso: row.firstSeen) ?? asOf,
                                         acknowledgement: acknowledgements[key], history: histories[key] ?? []))
            }
            reported.sort { $0.key < $1.key }
            try db.execute(sql: "DELETE FROM dailyRun WHERE asOf = ?", arguments: [asOf.iso])
            try DailyRunRecord(asOf: asOf.iso, computedAt: ISO8601DateFormatter().string(from: now), lastFileId: fileCutoff).insert(db)
            for item in reported where item.status != .resolved {
                try DailyExceptionRecord(asOf: asOf.iso, key: item.key, firstSeen: item.firstSeen.iso,
                                         payload: item.finding.payload).insert(db)
            }
            return Outcome(asOf: asOf, previousRun: previous.flatMap { Day(iso: $0) }, exceptions: reported)
        }
    }

    /// The acknowledgements of each key that apply on `asOf`, oldest first: a second one adds to
    /// the history, the last is the one in force.
    func acknowledgementHistories(_ db: Database, asOf: Day) throws -> [String: [AcknowledgementRecord]] {
        var histories: [String: [AcknowledgementRecord]] = [:]
        for ack in try AcknowledgementRecord.filter(Column("effectiveOn") <= asOf.iso).order(Column("id")).fetchAll(db) {
            histories[ack.key, default: []].append(ack)
        }
        return histories
    }

    /// Records staff's acknowledgement of a key, effective from `on`: a row of its own, so that a
    /// second acknowledgement adds to the history and never replaces the first.
    @discardableResult
    public func acknowledge(key: String, note: String, by: String, on day: Day, now: Date = Date()) throws -> AcknowledgementRecord {
        try store.database.write { db in
            var ack = AcknowledgementRecord(id: nil, key: key, note: note, byName: by,
                                            at: ISO8601DateFormatter().string(from: now), effectiveOn: day.iso)
            try ack.insert(db)
            return ack
        }
    }
}
