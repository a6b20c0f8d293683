import GRDB

/// The migration "v1 imported records" (shipped: never edited; see `Migrations`). Its SQL is
/// put together from the column groups the tables share, statement for statement the text it
/// shipped with (`MigrationsTests` compares the schema with `fixtures/schema/store.sql`).
extension Migrations {
    /// The records of the six input kinds. Every row keeps its file and its line or XPath;
    /// nothing is unique here, because which of two rows with one key stands depends on the
    /// as-of date (rules.md §1: files count in the order of business date, then name).
    static func createRecordTables(_ db: Database) throws {
        let ofFile = ["id INTEGER PRIMARY KEY", "fileId INTEGER NOT NULL REFERENCES inputFile(id)"]
        let person = ["idNumber TEXT NOT NULL", "idValid INTEGER NOT NULL", "name TEXT NOT NULL"]
        let bankLine = ofFile + ["line INTEGER NOT NULL", "bankCode TEXT NOT NULL"]
        let loan = ["loanNo TEXT NOT NULL", "contractNo TEXT NOT NULL"]
        try db.execute(sql: [
            table("receipt", ofFile + ["source TEXT NOT NULL", "ticketNo TEXT NOT NULL"] + person + [
                "insuranceType TEXT NOT NULL", "periodFrom TEXT NOT NULL", "periodTo TEXT NOT NULL", "base INTEGER",
                "amount INTEGER NOT NULL", "paidOn TEXT NOT NULL", "channel TEXT NOT NULL", "contractNo TEXT",
                "bankCode TEXT", "status TEXT NOT NULL", "reversesTicketNo TEXT"]),
            table("participant", ofFile + ["source TEXT NOT NULL", "asOf TEXT NOT NULL"] + person + [
                "gender TEXT NOT NULL", "birthDate TEXT NOT NULL", "insuranceType TEXT NOT NULL", "county TEXT NOT NULL",
                "retirementDate TEXT NOT NULL", "contributionMonths INTEGER NOT NULL", "sscAccount TEXT NOT NULL",
                "approvalNo TEXT", "approvedOn TEXT", "loanMode TEXT", "loanBankCode TEXT", "contractNo TEXT",
                "basicPensionConsent INTEGER", "pensionStartMonth TEXT", "pensionMonthly INTEGER", "pensionBasic INTEGER",
                "personalAccountBalance INTEGER", "deathDate TEXT"]),
            table("coBorrower", ["id INTEGER PRIMARY KEY", "participantId INTEGER NOT NULL REFERENCES participant(id)",
                                 "idNumber TEXT NOT NULL", "name TEXT NOT NULL", "relation TEXT NOT NULL"],
                  indexedBy: "participantId", named: "coBorrowerByParticipant"),
            table("hardshipRow", ofFile + ["line INTEGER NOT NULL", "department TEXT NOT NULL"] + person + [
                "category TEXT NOT NULL", "county TEXT NOT NULL", "certifiedOn TEXT NOT NULL", "endsOn TEXT",
                "endReason TEXT"]),
            table("drawdown", bankLine + loan + person + [
                "mode TEXT NOT NULL", "amount INTEGER NOT NULL", "rate INTEGER NOT NULL", "disbursedOn TEXT NOT NULL",
                "maturesOn TEXT NOT NULL", "coverFrom TEXT NOT NULL", "coverTo TEXT NOT NULL", "account TEXT NOT NULL",
                "status TEXT NOT NULL"]),
            table("bankTransaction", bankLine + ["txnNo TEXT NOT NULL"] + loan + person + [
                "txnDate TEXT NOT NULL", "kind TEXT NOT NULL", "due INTEGER NOT NULL", "principalPaid INTEGER NOT NULL",
                "interestPaid INTEGER NOT NULL", "result TEXT NOT NULL", "pension INTEGER", "basicPension INTEGER",
                "balanceAfter INTEGER NOT NULL", "account TEXT NOT NULL"]),
            table("claimLine", bankLine + loan + person + [
                "year INTEGER NOT NULL", "fromDay TEXT NOT NULL", "toDay TEXT NOT NULL", "days INTEGER NOT NULL",
                "accumulated INTEGER NOT NULL", "rate INTEGER NOT NULL", "claimed INTEGER NOT NULL"]),
        ].joined())
    }

    /// `CREATE TABLE name (…)` with one column a line, and its index (by default on `fileId`).
    private static func table(_ name: String, _ columns: [String], indexedBy column: String = "fileId",
                              named index: String? = nil) -> String {
        "CREATE TABLE \(name) (\n" + columns.map { "    " + $0 }.joined(separator: ",\n") + "\n);\n"
            + "CREATE INDEX \(index ?? name + "ByFile") ON \(name)(\(column));\n"
    }
}
