import GRDB

/// `outboxFile`, the record of what was sent (outbound.md: the record, not the folder, is the
/// truth).
extension Store {
    /// The last file of a kind recorded for a recipient and date (FDBK).
    func lastOutboxFile(kind: OutboundKind, recipient: String, date: Day) throws -> OutboxFileRecord? {
        try database.read { db in
            try OutboxFileRecord.filter(Column("kind") == kind.rawValue && Column("recipient") == recipient
                                            && Column("businessDate") == date.iso)
                .order(Column("seq").desc).fetchOne(db)
        }
    }

    /// The last ELIG of a year recorded for a recipient, whatever its date.
    func lastOutboxFile(kind: OutboundKind, recipient: String, year: Int) throws -> OutboxFileRecord? {
        try database.read { db in
            try OutboxFileRecord.filter(Column("kind") == kind.rawValue && Column("recipient") == recipient
                                            && Column("year") == year)
                .order(Column("businessDate").desc, Column("seq").desc).fetchOne(db)
        }
    }

    /// The highest SEQ used for a recipient, kind, region and date; 0 for none.
    func lastOutboxSeq(kind: OutboundKind, recipient: String, region: String, date: Day) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT max(seq) FROM outboxFile WHERE kind = ? AND recipient = ? AND region = ? AND businessDate = ?
                """, arguments: [kind.rawValue, recipient, region, date.iso]) ?? 0
        }
    }

    /// The recipients that were sent a file of a kind dated D.
    func outboxRecipients(kind: OutboundKind, on date: Day) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT recipient FROM outboxFile WHERE kind = ? AND businessDate = ?",
                                arguments: [kind.rawValue, date.iso])
        }
    }

    /// summary.json: the files dated D, by recipient and kind (every run of D: `rerun` agrees).
    func outboxCounts(on date: Day) throws -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for file in try outboxFiles(from: date, to: date) { counts[file.recipient, default: [:]][file.kind.rawValue, default: 0] += 1 }
        return counts
    }

    /// `zhubao outbox list`: the files recorded, filtered, in order of date, recipient, kind, SEQ.
    package func outboxFiles(recipient: String? = nil, kind: String? = nil, from: Day? = nil, to: Day? = nil) throws -> [OutboxFileRecord] {
        try database.read { db in
            var request = OutboxFileRecord.all()
            if let recipient { request = request.filter(Column("recipient") == recipient) }
            if let kind { request = request.filter(Column("kind") == kind) }
            if let from { request = request.filter(Column("businessDate") >= from.iso) }
            if let to { request = request.filter(Column("businessDate") <= to.iso) }
            return try request.order(Column("businessDate"), Column("recipient"), Column("kind"), Column("seq")).fetchAll(db)
        }
    }

    /// The outbox rows with ids above `id`, in order (the journal's).
    func outboxFiles(after id: Int64) throws -> [OutboxFileRecord] {
        try database.read { db in try OutboxFileRecord.filter(Column("id") > id).order(Column("id")).fetchAll(db) }
    }

    /// Records an outbox file, running `publish` inside the transaction (so that a file
    /// published is recorded, or the publication throws and nothing is); returns it with its id.
    @discardableResult
    func recordOutboxFile(_ file: OutboxFileRecord, publish: () throws -> Void) throws -> OutboxFileRecord {
        try database.write { db in
            var row = file
            try row.insert(db)
            try publish()
            return row
        }
    }
}
