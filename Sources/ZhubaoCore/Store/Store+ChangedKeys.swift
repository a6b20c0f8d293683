import GRDB

/// What can have changed between the run of P and D (docs/engine-plan.md Option B): the keys of
/// every component whose findings or totals the run of D must compute again. The same changes
/// `RangeEngine+Events` lists for a rerun, read from the store with SQL, generously: a key too
/// many costs one component recomputed, a key missing would carry a stale finding
/// (`NextDayRunTests` compare with the whole city's computation on every date).
extension Store {
    struct Since: Sendable {
        /// The date of the run carried, the files and claim runs it had seen.
        var asOf: Day
        var lastFileId: Int64
        var lastClaimRunId: Int64
    }

    /// The keys of what changed in (P, D], not yet closed (`KeySet.closed`); nil when the change
    /// is one the next-day run does not take: a hardship snapshot arrived dated on or before P.
    func changedKeys(since: Since, asOf day: Day, settings: Settings) throws -> KeySet? {
        let p = since.asOf.iso, d = day.iso, w = settings.matchWindowDays, g = settings.deathGraceDays
        // A record counts from its file's business date (in (P, D]); a file taken since P counts
        // from its date (a late one: on or before P). Each part of the union reads an index: the
        // records of the new files by `fileId`, the others by the date compared (migration v8).
        let newFile = """
            SELECT f.id FROM inputFile f
            WHERE f.status = 'IMPORTED' AND f.businessDate <= :d AND (f.businessDate > :p OR f.id > :cut)
            """
        func between(_ column: String, shift: Int) -> String {
            "r.\(column) > '\((since.asOf - shift).iso)' AND r.\(column) <= '\((day - shift).iso)'"
        }
        let changed: [(table: String, dates: [String])] = [
            // Totals from disbursement; §6: pending until disbursedOn + W.
            ("drawdown", [between("disbursedOn", shift: 0), between("disbursedOn", shift: w)]),
            // Totals from payment; E303 from PaidOn + W.
            ("receipt", [between("paidOn", shift: 0), between("paidOn", shift: w)]),
            // Balances, E406 and the totals from a line's date.
            ("bankTransaction", [between("txnDate", shift: 0)]),
            // E409, E410 from death + grace.
            ("participant", [between("deathDate", shift: 0), between("deathDate", shift: g)]),
            ("claimLine", []),
            // A hardship list changes only the people whose rows differ (`changedSnapshotKeys`).
        ]
        var keys = KeySet()
        try database.read { db in
            let arguments: StatementArguments = ["p": p, "d": d, "cut": since.lastFileId]
            for (table, dates) in changed {
                let columns = KeySet.columns[table]!
                let selected = columns.map { "r.\($0.column)" }.joined(separator: ", ")
                let parts = ["SELECT \(selected) FROM \(table) r WHERE r.fileId IN (\(newFile))"] + dates.map {
                    """
                    SELECT \(selected) FROM \(table) r JOIN inputFile f ON f.id = r.fileId
                    WHERE \($0) AND f.status = 'IMPORTED' AND f.businessDate <= :d
                    """
                }
                try collect(db, into: &keys, columns, sql: parts.joined(separator: "\nUNION ALL\n"), arguments: arguments)
            }
            // Every component holding a finding at P: its findings are computed again, not carried.
            // (A record repeating a unique key (E004) held one, or is new: its ticket or
            // transaction number brings the record that stands into the part, `KeySet.closed`.)
            try collect(db, into: &keys, [("idNumber", .person), ("loanNo", .loan), ("contractNo", .contract),
                                          ("ticketNo", .ticket), ("txnNo", .txn)], sql: """
                SELECT json_extract(payload, '$.idNumber'), json_extract(payload, '$.loanNo'),
                       json_extract(payload, '$.contractNo'), json_extract(payload, '$.ticketNo'),
                       json_extract(payload, '$.txnNo') FROM dailyException WHERE asOf = ?
                """, arguments: [p])
            // E501–E503, E505 follow the subsidy as of D while a claim line or approval of D's
            // year or later exists; E505 counts approvals before D, and a new claim run's.
            try collect(db, into: &keys, [("loanNo", .loan)], sql: "SELECT loanNo FROM claimLine WHERE year >= ?",
                        arguments: [day.year])
            try collect(db, into: &keys, [("loanNo", .loan)], sql: """
                SELECT a.loanNo FROM claimApproval a JOIN claimRun c ON c.id = a.claimRunId
                WHERE a.year >= ? OR c.id > ? OR (c.asOf >= ? AND c.asOf <= ?)
                """, arguments: [day.year, since.lastClaimRunId, p, d])
        }
        guard let snapshots = try changedSnapshotKeys(since: since, asOf: day) else { return nil }
        keys.formUnion(snapshots)
        return keys
    }

    private func collect(_ db: Database, into keys: inout KeySet, _ columns: [(column: String, kind: KeySet.Kind)],
                         sql: String, arguments: StatementArguments = []) throws {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            for (index, column) in columns.enumerated() { keys.insert(column.kind, row[index]) }
        }
    }
}
