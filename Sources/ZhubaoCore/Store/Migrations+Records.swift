import GRDB

/// The migration "v1 imported records" (shipped: never edited; see `Migrations`).
extension Migrations {
    /// The records of the six input kinds. Every row keeps its file and its line or XPath;
    /// nothing is unique here, because which of two rows with one key stands depends on the
    /// as-of date (rules.md §1: files count in the order of business date, then name).
    static func createRecordTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE receipt (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                source TEXT NOT NULL,
                ticketNo TEXT NOT NULL,
                idNumber TEXT NOT NULL,
                idValid INTEGER NOT NULL,
                name TEXT NOT NULL,
                insuranceType TEXT NOT NULL,
                periodFrom TEXT NOT NULL,
                periodTo TEXT NOT NULL,
                base INTEGER,
                amount INTEGER NOT NULL,
                paidOn TEXT NOT NULL,
                channel TEXT NOT NULL,
                contractNo TEXT,
                bankCode TEXT,
                status TEXT NOT NULL,
                reversesTicketNo TEXT
            );
            CREATE INDEX receiptByFile ON receipt(fileId);
            CREATE TABLE participant (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                source TEXT NOT NULL,
                asOf TEXT NOT NULL,
                idNumber TEXT NOT NULL,
                idValid INTEGER NOT NULL,
                name TEXT NOT NULL,
                gender TEXT NOT NULL,
                birthDate TEXT NOT NULL,
                insuranceType TEXT NOT NULL,
                county TEXT NOT NULL,
                retirementDate TEXT NOT NULL,
                contributionMonths INTEGER NOT NULL,
                sscAccount TEXT NOT NULL,
                approvalNo TEXT,
                approvedOn TEXT,
                loanMode TEXT,
                loanBankCode TEXT,
                contractNo TEXT,
                basicPensionConsent INTEGER,
                pensionStartMonth TEXT,
                pensionMonthly INTEGER,
                pensionBasic INTEGER,
                personalAccountBalance INTEGER,
                deathDate TEXT
            );
            CREATE INDEX participantByFile ON participant(fileId);
            CREATE TABLE coBorrower (
                id INTEGER PRIMARY KEY,
                participantId INTEGER NOT NULL REFERENCES participant(id),
                idNumber TEXT NOT NULL,
                name TEXT NOT NULL,
                relation TEXT NOT NULL
            );
            CREATE INDEX coBorrowerByParticipant ON coBorrower(participantId);
            CREATE TABLE hardshipRow (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                line INTEGER NOT NULL,
                department TEXT NOT NULL,
                idNumber TEXT NOT NULL,
                idValid INTEGER NOT NULL,
                name TEXT NOT NULL,
                category TEXT NOT NULL,
                county TEXT NOT NULL,
                certifiedOn TEXT NOT NULL,
                endsOn TEXT,
                endReason TEXT
            );
            CREATE INDEX hardshipRowByFile ON hardshipRow(fileId);
            CREATE TABLE drawdown (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                line INTEGER NOT NULL,
                bankCode TEXT NOT NULL,
                loanNo TEXT NOT NULL,
                contractNo TEXT NOT NULL,
                idNumber TEXT NOT NULL,
                idValid INTEGER NOT NULL,
                name TEXT NOT NULL,
                mode TEXT NOT NULL,
                amount INTEGER NOT NULL,
                rate INTEGER NOT NULL,
                disbursedOn TEXT NOT NULL,
                maturesOn TEXT NOT NULL,
                coverFrom TEXT NOT NULL,
                coverTo TEXT NOT NULL,
                account TEXT NOT NULL,
                status TEXT NOT NULL
            );
            CREATE INDEX drawdownByFile ON drawdown(fileId);
            CREATE TABLE bankTransaction (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                line INTEGER NOT NULL,
                bankCode TEXT NOT NULL,
                txnNo TEXT NOT NULL,
                loanNo TEXT NOT NULL,
                contractNo TEXT NOT NULL,
                idNumber TEXT NOT NULL,
                idValid INTEGER NOT NULL,
                name TEXT NOT NULL,
                txnDate TEXT NOT NULL,
                kind TEXT NOT NULL,
                due INTEGER NOT NULL,
                principalPaid INTEGER NOT NULL,
                interestPaid INTEGER NOT NULL,
                result TEXT NOT NULL,
                pension INTEGER,
                basicPension INTEGER,
                balanceAfter INTEGER NOT NULL,
                account TEXT NOT NULL
            );
            CREATE INDEX bankTransactionByFile ON bankTransaction(fileId);
            CREATE TABLE claimLine (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                line INTEGER NOT NULL,
                bankCode TEXT NOT NULL,
                loanNo TEXT NOT NULL,
                contractNo TEXT NOT NULL,
                idNumber TEXT NOT NULL,
                idValid INTEGER NOT NULL,
                name TEXT NOT NULL,
                year INTEGER NOT NULL,
                fromDay TEXT NOT NULL,
                toDay TEXT NOT NULL,
                days INTEGER NOT NULL,
                accumulated INTEGER NOT NULL,
                rate INTEGER NOT NULL,
                claimed INTEGER NOT NULL
            );
            CREATE INDEX claimLineByFile ON claimLine(fileId);
            """)
    }
}
