import Foundation

/// Journaling from the store. The store commits first and the journal line follows; a kill in
/// between leaves rows the journal lacks, so every journal write first takes up what the store
/// holds and the journal does not (registry rows, computed dates, acknowledgements, finished
/// claim runs) — nothing is left out for long, and nothing is journaled twice.
extension Journal {
    /// What the journal already holds, by store id (and computed dates).
    struct Known {
        var maxFileId: Int64 = 0
        var maxOutboxId: Int64 = 0
        var ackIds: Set<Int64> = []
        var claimRunIds: Set<Int64> = []
        var days: Set<String> = []
    }

    /// The part of a `JournalEntry` that `known()` reads (the ids, the dates), with the fields
    /// every entry has (a line without them is not an entry, as before): each run reads every
    /// line of the journal, and decoding whole records was most of that.
    private struct KnownEntry: Decodable {
        struct Identified: Decodable { var id: Int64? }
        var prev: String
        var action: JournalEntry.Action
        var at: String
        var files: [Identified]?
        var outbox: [Identified]?
        var days: [String]?
        var ack: Identified?
        var claimRun: Identified?
    }

    /// A line that does not decode is passed over here (`verify` reports it): a damaged journal
    /// must not stop the daily job.
    func known() throws -> Known {
        var known = Known()
        let decoder = JSONDecoder()
        for entry in try lines().lines.compactMap({ try? decoder.decode(KnownEntry.self, from: $0) }) {
            for file in entry.files ?? [] { known.maxFileId = max(known.maxFileId, file.id ?? 0) }
            for file in entry.outbox ?? [] { known.maxOutboxId = max(known.maxOutboxId, file.id ?? 0) }
            known.days.formUnion(entry.days ?? [])
            if let id = entry.ack?.id { known.ackIds.insert(id) }
            if let id = entry.claimRun?.id { known.claimRunIds.insert(id) }
        }
        return known
    }

    /// Whether the claim run `id` is journaled.
    func holdsClaimRun(_ id: Int64) throws -> Bool { try known().claimRunIds.contains(id) }

    /// Appends `action` (with `ack` or `claim` where it is one), carrying the registry rows and
    /// computed dates not journaled yet, then `days` (the dates this action computed).
    /// Acknowledgements and finished claim runs the journal lacks go first, each on its line.
    package func record(_ action: JournalEntry.Action, store: Store, asOf: Day? = nil, days: [Day] = [],
                       ack: AcknowledgementRecord? = nil, claim: (ClaimRunRecord, [ClaimApprovalRecord])? = nil,
                       now: Date = Date()) throws {
        let known = try known()
        let pending = (files: try store.files(after: known.maxFileId),
                       outbox: try store.outboxFiles(after: known.maxOutboxId),
                       days: try store.dailyRunDays().filter { !known.days.contains($0) },
                       acks: try store.acknowledgements().filter { !known.ackIds.contains($0.id ?? 0) },
                       claims: try store.claimRuns(state: ClaimRunRecord.done).filter { !known.claimRunIds.contains($0.id ?? 0) })
        for missing in pending.acks where missing.id != ack?.id {
            var entry = JournalEntry(action: .ack, at: now)
            entry.ack = missing
            try append(entry)
        }
        for missing in pending.claims where missing.id != claim?.0.id {
            var entry = JournalEntry(action: .claim, at: now)
            entry.claimRun = missing
            entry.approvals = try store.approvals(ofClaimRun: missing.id)
            try append(entry)
        }
        var entry = JournalEntry(action: action, at: now, asOf: asOf?.iso)
        if !pending.files.isEmpty { entry.files = pending.files }
        if !pending.outbox.isEmpty { entry.outbox = pending.outbox }
        if action == .run, let asOf { entry.unread = try store.unread(asOf: asOf) }
        var allDays = pending.days.filter { day in !days.contains { $0.iso == day } }
        allDays += days.map(\.iso)
        if !allDays.isEmpty { entry.days = allDays }
        entry.ack = ack
        entry.claimRun = claim?.0
        entry.approvals = claim?.1
        if action == .run, asOf == nil, entry.files == nil, entry.days == nil, entry.outbox == nil { return }  // `catchUp` with nothing left
        try append(entry)
    }

    /// Journals what the store holds and the journal lacks, and nothing else (before `rebuild
    /// --force` replaces a store that can still be read).
    package func catchUp(store: Store, now: Date = Date()) throws {
        try record(.run, store: store, now: now)
    }
}
