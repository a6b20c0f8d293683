import GRDB

/// The store's schema, one named migration at a time. A migration that has shipped is never
/// edited: a change is a new migration (GRDB "Migrations", "Recommended Practices").
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 input file registry", migrate: createFileRegistry)
        migrator.registerMigration("v1 imported records", migrate: createRecordTables)
        migrator.registerMigration("v1 exception lifecycle and claims", migrate: createLifecycleTables)
        migrator.registerMigration("v2 files each daily run saw") { db in
            try db.execute(sql: "ALTER TABLE dailyRun ADD COLUMN lastFileId INTEGER")
        }
        migrator.registerMigration("v3 run registry", migrate: createRunRegistry)
        migrator.registerMigration("v4 inbox files left unread", migrate: createUnreadFiles)
        migrator.registerMigration("v5 outbox files", migrate: createOutboxTable)
        migrator.registerMigration("v6 claim run staging", migrate: addClaimRunStaging)
        migrator.registerMigration("v7 record keys and engine state", migrate: addEngineState)
        migrator.registerMigration("v8 record dates", migrate: addRecordDates)
        migrator.registerMigration("v9 deferred indexes", migrate: addDeferredIndexes)
        migrator.registerMigration("v10 partial key indexes", migrate: makeKeyIndexesPartial)
        migrator.registerMigration("v11 hardship lists in chunks", migrate: storeHardshipListsInChunks)
        return migrator
    }

    /// Every file that reached the inbox: one row per distinct (name, bytes).
    static func createFileRegistry(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inputFile (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                sender TEXT,
                kind TEXT,
                region TEXT,
                businessDate TEXT,
                seq INTEGER,
                status TEXT NOT NULL CHECK (status IN ('IMPORTED', 'REJECTED', 'CONFLICT')),
                reason TEXT,
                recordCount INTEGER NOT NULL DEFAULT 0,
                receivedAt TEXT NOT NULL,
                receivedOn TEXT NOT NULL,
                UNIQUE (name, sha256)
            );
            CREATE INDEX inputFileByName ON inputFile(name);
            CREATE INDEX inputFileByDate ON inputFile(businessDate, name);
            """)
    }

    /// What the daily runs found (for NEW / OPEN / RESOLVED), staff's acknowledgements, and
    /// what `zhubao claim` approved (for E505).
    static func createLifecycleTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dailyRun (
                asOf TEXT PRIMARY KEY,
                computedAt TEXT NOT NULL
            );
            CREATE TABLE dailyException (
                asOf TEXT NOT NULL REFERENCES dailyRun(asOf) ON DELETE CASCADE,
                key TEXT NOT NULL,
                firstSeen TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (asOf, key)
            ) WITHOUT ROWID;
            CREATE TABLE acknowledgement (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL,
                note TEXT NOT NULL,
                byName TEXT NOT NULL,
                at TEXT NOT NULL,
                effectiveOn TEXT NOT NULL
            );
            CREATE INDEX acknowledgementByKey ON acknowledgement(key);
            CREATE TABLE claimRun (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                bankCode TEXT,
                asOf TEXT NOT NULL,
                createdAt TEXT NOT NULL
            );
            CREATE TABLE claimApproval (
                id INTEGER PRIMARY KEY,
                claimRunId INTEGER NOT NULL REFERENCES claimRun(id),
                bankCode TEXT NOT NULL,
                loanNo TEXT NOT NULL,
                year INTEGER NOT NULL,
                computed INTEGER NOT NULL,
                claimed INTEGER,
                approved INTEGER NOT NULL
            );
            CREATE INDEX claimApprovalByLoan ON claimApproval(loanNo, year);
            """)
    }

    /// One row per command that changed the workspace (issue 16).
    static func createRunRegistry(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE runLog (
                id INTEGER PRIMARY KEY,
                command TEXT NOT NULL,
                arguments TEXT NOT NULL,
                asOf TEXT,
                host TEXT NOT NULL,
                pid INTEGER NOT NULL,
                startedAt TEXT NOT NULL,
                endedAt TEXT,
                status TEXT NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'KILLED')),
                exitCode INTEGER,
                filesImported INTEGER NOT NULL DEFAULT 0,
                filesRejected INTEGER NOT NULL DEFAULT 0,
                filesUnreadable INTEGER NOT NULL DEFAULT 0,
                exceptions TEXT
            )
            """)
    }

    /// The inbox files a run could not take (left in the inbox, exit 74), by the run's date, so
    /// that `rerun` names them in the daily report as `run` did.
    static func createUnreadFiles(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE unreadFile (
                asOf TEXT NOT NULL,
                name TEXT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (asOf, name)
            );
            """)
    }

    /// Every file written to `outbox/` (outbound.md): this record, not the folder, is the truth.
    /// `linesSha256` is the SHA-256 of the detail lines alone, which a later run compares with.
    static func createOutboxTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outboxFile (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                recipient TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('FDBK', 'ELIG')),
                region TEXT NOT NULL,
                businessDate TEXT NOT NULL,
                seq INTEGER NOT NULL,
                year INTEGER,
                lineCount INTEGER NOT NULL,
                total INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                linesSha256 TEXT NOT NULL,
                runAsOf TEXT NOT NULL,
                writtenAt TEXT NOT NULL,
                UNIQUE (recipient, name)
            );
            CREATE INDEX outboxFileByDate ON outboxFile(businessDate, recipient, kind);
            """)
    }

    /// A claim run is all or nothing (outputs.md `zhubao claim`): it is recorded STAGED with the
    /// files it writes (and the as-of date of the run each replaces) before any file moves into
    /// place, and DONE after the last; a command that finds a STAGED run finishes it.
    static func addClaimRunStaging(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE claimRun ADD COLUMN state TEXT NOT NULL DEFAULT 'DONE' CHECK (state IN ('STAGED', 'DONE'));
            ALTER TABLE claimRun ADD COLUMN files TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE claimRun ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX claimRunByYear ON claimRun(year, id);
            """)
    }
}
