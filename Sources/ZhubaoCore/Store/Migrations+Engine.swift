import GRDB

/// The migration "v7 record keys and engine state" (issue 14, docs/engine-plan.md Option B).
extension Migrations {
    /// Indexes on the keys that tie records together (the ID, loan, contract, ticket and
    /// transaction numbers; `Partitions`), so that the next-day run reads the records of the few
    /// borrowers whose findings can have changed instead of the whole store, and partial indexes
    /// on the rows with an invalid ID number (E003). `engineState` and `engineLoan` keep what the
    /// last run computed for the whole city that the next one carries for the borrowers it does
    /// not read: the year's totals, the banks, and each drawdown's accrual and ELIG line. Both
    /// are a cache: a run that finds them missing or stale computes the whole city and writes
    /// them anew.
    static func addEngineState(_ db: Database) throws {
        var statements: [String] = []
        let keyed: [(table: String, columns: [String])] = [
            ("drawdown", ["idNumber", "loanNo", "contractNo"]), ("receipt", ["idNumber", "contractNo", "ticketNo", "reversesTicketNo"]),
            ("bankTransaction", ["idNumber", "loanNo", "txnNo"]), ("claimLine", ["loanNo"]),
            ("participant", ["idNumber", "contractNo"]), ("hardshipRow", ["idNumber"]),
        ]
        for (table, columns) in keyed {
            for column in columns {
                statements.append("CREATE INDEX \(table)By\(column.prefix(1).uppercased() + column.dropFirst()) ON \(table)(\(column))")
            }
            statements.append("CREATE INDEX \(table)InvalidID ON \(table)(idValid) WHERE idValid = 0")
        }
        statements.append("""
            CREATE TABLE engineState (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                asOf TEXT NOT NULL,
                lastFileId INTEGER NOT NULL,
                lastClaimRunId INTEGER NOT NULL,
                fingerprint TEXT NOT NULL,
                totals TEXT NOT NULL,
                banks TEXT NOT NULL
            )
            """)
        statements.append("""
            CREATE TABLE engineLoan (
                loanNo TEXT PRIMARY KEY,
                accrual TEXT,
                eligBank TEXT,
                eligLine TEXT
            ) WITHOUT ROWID
            """)
        try db.execute(sql: statements.joined(separator: ";\n"))
    }
}

/// The migration "v8 record dates" (issue 14, docs/engine-plan.md Option B).
extension Migrations {
    /// Indexes on the dates a rule compares with D (a drawdown's disbursement, a receipt's
    /// payment, a bank line's date, a death), so that the next-day run finds the records whose
    /// window or grace period ends between the last run and today without reading every record
    /// of the store (`Store.changedKeys`). Deaths are few: that index holds only the rows with one.
    static func addRecordDates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX drawdownByDisbursedOn ON drawdown(disbursedOn);
            CREATE INDEX receiptByPaidOn ON receipt(paidOn);
            CREATE INDEX bankTransactionByTxnDate ON bankTransaction(txnDate);
            CREATE INDEX participantByDeathDate ON participant(deathDate) WHERE deathDate IS NOT NULL
            """)
    }
}

/// The migration "v9 deferred indexes" (issue 14: the whole inbox in one run).
extension Migrations {
    /// The key and date indexes a bulk import drops and builds again once its last batch has
    /// committed (`Store+DeferredIndexes.swift`): each one's `CREATE INDEX` waits here, written
    /// in the transaction that drops it, until the transaction that builds it again deletes it.
    /// A run killed between the two leaves the rows, and the next run that opens the store under
    /// the lock builds what they name.
    static func addDeferredIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE deferredIndex (
                name TEXT PRIMARY KEY,
                sql TEXT NOT NULL
            ) WITHOUT ROWID
            """)
    }
}

/// The migration "v10 partial key indexes" (issue 14).
extension Migrations {
    /// The three key indexes of v7 on columns that are mostly empty — a receipt's contract (a
    /// contribution paid without a loan has none), the ticket a receipt reverses (only a
    /// reversal has one), a register record's contract (only a borrower has one) — hold only
    /// the rows that have the key. Every query on them names a key (`KeySet`: `IN`, which
    /// implies `IS NOT NULL`, so SQLite still uses them); the rows without one were never
    /// looked up, and cost every insert, every bulk build (a quarter of a second each for a
    /// million receipts without a loan) and the store's bytes. A build the v9 table still waits
    /// for is replaced: the index is made here.
    static let partialKeyIndexes: [(name: String, table: String, column: String)] = [
        ("receiptByContractNo", "receipt", "contractNo"),
        ("receiptByReversesTicketNo", "receipt", "reversesTicketNo"),
        ("participantByContractNo", "participant", "contractNo"),
    ]

    static func makeKeyIndexesPartial(_ db: Database) throws {
        for index in partialKeyIndexes {
            try db.execute(sql: """
                DROP INDEX IF EXISTS \(index.name);
                DELETE FROM deferredIndex WHERE name = '\(index.name)';
                CREATE INDEX \(index.name) ON \(index.table)(\(index.column)) WHERE \(index.column) IS NOT NULL
                """)
        }
    }
}
