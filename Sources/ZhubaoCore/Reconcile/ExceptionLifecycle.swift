import Foundation

/// The life of an exception across daily runs (rules.md §7, last paragraphs; outputs.md
/// `status`): NEW the day it is first found, OPEN while it is found again, RESOLVED in the run
/// that no longer finds it, ACKNOWLEDGED once staff have noted it. The state of each run is kept
/// in the store, so that recomputing a date from the same store gives the same bytes.
package struct ExceptionLifecycle {
    package enum Status: String, Sendable, CaseIterable {
        case new = "NEW", open = "OPEN", acknowledged = "ACKNOWLEDGED", resolved = "RESOLVED"
    }

    /// One line of the daily report.
    package struct Reported: Sendable {
        /// The finding; its key is computed once, here (a day's lists sort and look up by it).
        package var finding: Finding { didSet { key = finding.key } }
        package var status: Status
        package var firstSeen: Day
        package var acknowledgement: AcknowledgementRecord?
        /// Every acknowledgement that applies on the date, oldest first (the last is `acknowledgement`).
        package var history: [AcknowledgementRecord] = []
        package private(set) var key: String

        package init(finding: Finding, status: Status, firstSeen: Day, acknowledgement: AcknowledgementRecord?,
                     history: [AcknowledgementRecord] = []) {
            self.finding = finding
            self.status = status
            self.firstSeen = firstSeen
            self.acknowledgement = acknowledgement
            self.history = history
            key = finding.key
        }
    }

    /// The result of a date's run, sorted by key.
    package struct Outcome: Sendable {
        package var asOf: Day
        package var previousRun: Day?
        package var exceptions: [Reported]
        /// What this run leaves open, for the next run of the same process (`rerun`).
        package var carried: Carried?
    }

    /// What a run stored of a key: the day it was first found, and the finding (nil when its
    /// payload no longer decodes).
    struct Stored: Sendable {
        var firstSeen: Day
        var finding: Finding?
        /// The payload this process wrote for the finding (nil for one read from the store).
        var payload: String?

        init(firstSeen: Day, finding: Finding?, payload: String? = nil) {
            self.firstSeen = firstSeen
            self.finding = finding
            self.payload = payload
        }

        init(_ row: DailyExceptionRecord, asOf: Day) {
            self.init(firstSeen: Day(iso: row.firstSeen) ?? asOf, finding: Finding(payload: row.payload))
        }
    }

    /// The lifecycle's decision, the one place it is made (a pure function; `record` and
    /// `ExceptionListing` both ask here). `found`: the findings of `asOf`, one per key;
    /// `stored`: what the run before left open, by key; `acknowledgements`: each key's, oldest
    /// first, that apply on `asOf`. A key found is ACKNOWLEDGED when acknowledged, else NEW when
    /// first seen on `asOf` (seen before: the first day stored), else OPEN; a key stored and not
    /// found is RESOLVED. Sorted by key.
    static func statuses(found: [Finding], stored: [String: Stored],
                                acknowledgements: [String: [AcknowledgementRecord]], asOf: Day) -> [Reported] {
        var reported: [Reported] = []
        var foundKeys = Set<String>()
        for finding in found {
            let key = finding.key
            foundKeys.insert(key)
            let firstSeen = stored[key]?.firstSeen ?? asOf
            let ack = acknowledgements[key]?.last
            reported.append(Reported(finding: finding, status: ack != nil ? .acknowledged : (firstSeen == asOf ? .new : .open),
                                     firstSeen: firstSeen, acknowledgement: ack, history: acknowledgements[key] ?? []))
        }
        for (key, row) in stored where !foundKeys.contains(key) {
            guard let finding = row.finding else { continue }
            reported.append(Reported(finding: finding, status: .resolved, firstSeen: row.firstSeen,
                                     acknowledgement: acknowledgements[key]?.last, history: acknowledgements[key] ?? []))
        }
        return reported.sorted { $0.key < $1.key }
    }

    /// What the rules found, one finding per key (the first), less the E001 and E002 findings
    /// staff have acknowledged: those stay open only until acknowledged (rules.md §7).
    static func reportable(_ findings: [Finding], acknowledged: Set<String>) -> [Finding] {
        var seen: Set<String> = []
        return findings.filter { finding in
            guard seen.insert(finding.key).inserted else { return false }
            return !(fileFaults.contains(finding.code) && acknowledged.contains(finding.key))
        }
    }

    /// The codes of a delivery's fault (E001 rejected, E002 conflicting), from the registry's statuses.
    static let fileFaults = Set([InputFileRecord.Status.rejected, .conflict].compactMap(\.exceptionCode))

    let store: Store

    package init(store: Store) { self.store = store }

    /// What a run left open, as the next run reads it: `rerun` keeps it in memory from one
    /// date to the next instead of reading and decoding the rows it has just written.
    package struct Carried: Sendable {
        let day: Day
        /// Each open key's first day, finding and the payload written for it: a finding found
        /// again unchanged is written with the same payload, not encoded again.
        let open: [String: Stored]
    }

    /// Applies the lifecycle to what the rules found as of `asOf` and records it.
    /// `fileCutoff` is the highest file id the computation saw (kept for `rerun`). `carried`:
    /// what a run left open, used when it is the run before `asOf` (else the store is read).
    package func record(_ findings: [Finding], asOf: Day, fileCutoff: Int64? = nil, now: Date = Date(),
                        carried: Carried? = nil) throws -> Outcome {
        let previous = try store.lastDailyRun(before: asOf)
        var stored: [String: Stored] = [:]
        if let carried, carried.day == previous {
            stored = carried.open
        } else {
            for row in try previous.map(store.dailyExceptions(of:)) ?? [] { stored[row.key] = Stored(row, asOf: asOf) }
        }
        let histories = try store.acknowledgementHistories(asOf: asOf)
        let found = Self.reportable(findings, acknowledged: Set(histories.keys))
        let reported = Self.statuses(found: found, stored: stored, acknowledgements: histories, asOf: asOf)
        var carriedOpen: [String: Stored] = [:]
        let open = reported.filter { $0.status != .resolved }.map { item in
            let known = stored[item.key]
            let payload = known.flatMap { $0.finding == item.finding ? $0.payload : nil } ?? item.finding.payload
            carriedOpen[item.key] = Stored(firstSeen: item.firstSeen, finding: item.finding, payload: payload)
            return DailyExceptionRecord(asOf: asOf.iso, key: item.key, firstSeen: item.firstSeen.iso, payload: payload)
        }
        try store.recordDailyRun(DailyRunRecord(asOf: asOf.iso, computedAt: ISO8601DateFormatter().string(from: now),
                                                lastFileId: fileCutoff), open: open)
        return Outcome(asOf: asOf, previousRun: previous, exceptions: reported, carried: Carried(day: asOf, open: carriedOpen))
    }

    /// Records staff's acknowledgement of a key, effective from `on`: a row of its own, so that a
    /// second acknowledgement adds to the history and never replaces the first.
    @discardableResult
    package func acknowledge(key: String, note: String, by: String, on day: Day, now: Date = Date()) throws -> AcknowledgementRecord {
        try store.inserted(AcknowledgementRecord(id: nil, key: key, note: note, byName: by,
                                               at: ISO8601DateFormatter().string(from: now), effectiveOn: day.iso))
    }
}
