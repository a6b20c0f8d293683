import GRDB

/// The claim runs of `zhubao claim` and what each approved (for E505, the metrics, the journal).
extension Store {
    /// For each drawdown and year, the approval of the latest claim run with an as-of date
    /// before `asOf` (every run when nil), sorted by loan and year.
    func latestApprovals(before asOf: Day? = nil) throws -> [ClaimRecovery.Approval] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.loanNo, a.year, a.approved, r.asOf FROM claimApproval a JOIN claimRun r ON r.id = a.claimRunId
                WHERE ? IS NULL OR r.asOf < ? ORDER BY r.asOf, r.id
                """, arguments: [asOf?.iso, asOf?.iso])
            var latest: [String: ClaimRecovery.Approval] = [:]
            for row in rows {
                let loanNo: String = row["loanNo"], year: Int = row["year"]
                latest["\(loanNo)|\(year)"] = ClaimRecovery.Approval(loanNo: loanNo, year: year, approved: Fen(row["approved"]),
                                                                    asOf: Day(iso: row["asOf"] as String)!)
            }
            return latest.keys.sorted().map { latest[$0]! }
        }
    }

    /// The last finished claim run of the year that covered `bank` (any run when `bank` is nil:
    /// a run over every bank replaces every bank's claim).
    func lastClaimRun(year: Int, bank: String?) throws -> ClaimRunRecord? {
        try database.read { db in
            try ClaimRunRecord.fetchOne(db, sql: """
                SELECT * FROM claimRun WHERE year = ? AND state = 'DONE' AND (? IS NULL OR bankCode IS NULL OR bankCode = ?)
                ORDER BY id DESC LIMIT 1
                """, arguments: [year, bank, bank])
        }
    }

    /// The claim runs in `state` (`ClaimRunRecord.done` or `.staged`), of `year` when given,
    /// oldest first.
    func claimRuns(state: String, year: Int? = nil) throws -> [ClaimRunRecord] {
        try database.read { db in
            var request = ClaimRunRecord.filter(Column("state") == state)
            if let year { request = request.filter(Column("year") == year) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// What the claim run `id` approved, in the order recorded.
    func approvals(ofClaimRun id: Int64?) throws -> [ClaimApprovalRecord] {
        try database.read { db in
            try ClaimApprovalRecord.filter(Column("claimRunId") == id).order(Column("id")).fetchAll(db)
        }
    }

    /// Records a claim run and its approvals (theirs set to the run's id) in one transaction;
    /// returns them with their ids.
    func insertClaimRun(_ run: ClaimRunRecord,
                               approvals: [ClaimApprovalRecord]) throws -> (ClaimRunRecord, [ClaimApprovalRecord]) {
        try database.write { db in
            var run = run, recorded = approvals
            try run.insert(db)
            for index in recorded.indices {
                recorded[index].claimRunId = run.id!
                try recorded[index].insert(db)
            }
            return (run, recorded)
        }
    }

    /// Marks the claim run `id` finished.
    func markClaimRunDone(_ id: Int64?) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE claimRun SET state = ? WHERE id = ?", arguments: [ClaimRunRecord.done, id])
        }
    }
}
