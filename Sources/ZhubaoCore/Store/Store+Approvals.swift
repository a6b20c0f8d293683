import GRDB

/// The claim runs of `zhubao claim` and what each approved (for E505, the metrics, the journal).
extension Store {
    /// For each drawdown and year, the approval of the latest claim run with an as-of date
    /// before `asOf` (every run when nil), sorted by loan and year.
    func latestApprovals(before asOf: Day? = nil) throws -> [ClaimRecovery.Approval] {
        try approvalHistory(before: asOf).latest(before: asOf)
    }

    /// Every approval of the claim runs with an as-of date before `asOf` (every run when nil),
    /// in order of the runs' as-of date, then id: read once for a rerun's whole range.
    func approvalHistory(before asOf: Day? = nil) throws -> ClaimApprovalHistory {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.loanNo, a.year, a.approved, r.asOf FROM claimApproval a JOIN claimRun r ON r.id = a.claimRunId
                WHERE ? IS NULL OR r.asOf < ? ORDER BY r.asOf, r.id
                """, arguments: [asOf?.iso, asOf?.iso])
            return ClaimApprovalHistory(approvals: try rows.map { row in
                ClaimRecovery.Approval(loanNo: row["loanNo"], year: row["year"], approved: Fen(row["approved"]),
                                       asOf: try StoredValueError.reading("claimRun") { try row.day("asOf") })
            })
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
    func claimRuns(state: ClaimRunRecord.State, year: Int? = nil) throws -> [ClaimRunRecord] {
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

/// The approvals of the claim runs, in order of their as-of date, then id (E505): a value the
/// reconcile context takes, read once for a date or for a rerun's range.
package struct ClaimApprovalHistory: Sendable {
    let approvals: [ClaimRecovery.Approval]

    /// For each drawdown and year, the approval of the latest claim run with an as-of date
    /// before D (every run when nil), in order of `loanNo|year`.
    func latest(before asOf: Day?) -> [ClaimRecovery.Approval] {
        var latest: [String: ClaimRecovery.Approval] = [:]
        for approval in approvals where asOf.map({ approval.asOf < $0 }) ?? true {
            latest["\(approval.loanNo)|\(approval.year)"] = approval
        }
        return latest.keys.sorted().map { latest[$0]! }
    }
}
