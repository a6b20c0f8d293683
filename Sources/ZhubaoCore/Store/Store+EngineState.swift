import GRDB

/// The engine state a `run` leaves for the next one (`engineState`, `engineLoan`).
extension Store {
    func engineState() throws -> EngineStateRecord? {
        try database.read { db in try EngineStateRecord.fetchOne(db) }
    }

    /// The highest claim run id (0 for none): a claim run recorded later changes E505.
    func lastClaimRunId() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM claimRun") ?? 0 }
    }

    /// Calls `body` with each loan's stored accrual and ELIG line (bank and text), except those
    /// of `loans` (computed again by the run), in order of loanNo.
    func eachEngineLoan(except loans: Set<String>,
                        _ body: (_ accrual: String?, _ bank: String?, _ line: String?) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT loanNo, accrual, eligBank, eligLine FROM engineLoan ORDER BY loanNo")
            while let row = try rows.next() {
                if loans.contains(row[0]) { continue }
                try body(row[1], row[2], row[3])
            }
        }
    }

    /// Replaces the state: the whole of it (`replacing` nil), or the rows of the loans a run
    /// computed again (their rows now `loans`).
    func saveEngineState(_ state: EngineStateRecord, loans: [EngineLoanRecord], replacing: Set<String>?) throws {
        try database.write { db in
            try EngineStateRecord.deleteAll(db)
            try state.insert(db)
            if let replacing {
                let statement = try db.makeStatement(sql: "DELETE FROM engineLoan WHERE loanNo = ?")
                for loanNo in replacing { try statement.execute(arguments: [loanNo]) }
            } else {
                try EngineLoanRecord.deleteAll(db)
            }
            // A city's tens of thousands of loans the bulk way (`FastInsertable`), not each
            // encoded through `Encodable` (most of these inserts' time in a profile).
            let insert = try PreparedInsert<EngineLoanRecord>(db, fileId: 0)
            defer { insert.close() }
            for loan in loans { try insert.insert(loan) }
            try insert.flush()
        }
    }

    /// Forgets the state (a run that computed without leaving one).
    func clearEngineState() throws {
        try database.write { db in
            try EngineStateRecord.deleteAll(db)
            try EngineLoanRecord.deleteAll(db)
        }
    }

    /// The loanNos of the claim approvals that no record names: E505 computes them every day
    /// (`ClaimRecovery`), whatever part of the city a run reads.
    func approvedLoansNamedByNoRecord() throws -> Set<String> {
        try database.read { db in
            try Set(String.fetchAll(db, sql: """
                SELECT DISTINCT a.loanNo FROM claimApproval a
                WHERE NOT EXISTS (SELECT 1 FROM drawdown r WHERE r.loanNo = a.loanNo)
                AND NOT EXISTS (SELECT 1 FROM bankTransaction r WHERE r.loanNo = a.loanNo)
                AND NOT EXISTS (SELECT 1 FROM claimLine r WHERE r.loanNo = a.loanNo)
                """))
        }
    }

    /// Every name of the ledger as of D (drawdowns, receipts, claim lines, register extracts
    /// with a valid ID number), for masking staff's notes (`NoteMasking`).
    func ledgerNames(asOf day: Day) throws -> Set<String> {
        try database.read { db in
            var names = Set<String>()
            for (table, extra) in [("drawdown", " AND r.status <> 'C'"), ("receipt", ""), ("claimLine", ""), ("participant", "")] {
                let rows = try String.fetchCursor(db, sql: """
                    SELECT DISTINCT r.name FROM \(table) r JOIN inputFile f ON f.id = r.fileId
                    WHERE f.status = 'IMPORTED' AND f.businessDate <= ? AND r.idValid = 1\(extra)
                    """, arguments: [day.iso])
                while let name = try rows.next() { names.insert(name) }
            }
            return names
        }
    }
}
