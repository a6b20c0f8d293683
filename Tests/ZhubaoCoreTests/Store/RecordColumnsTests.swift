import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// Each table's columns are listed once, as its record's `Columns`: the record's coding keys,
/// the bulk insert's columns and binding, the fetch. These tests hold that list to the migrated
/// schema by name and order, and every bulk-inserted record type to a round trip through its
/// `bind(to:)`, with a different value in every column, so that a column bound out of place
/// fails by name.
@Suite struct RecordColumnsTests {
    static func tableColumns(_ table: String) throws -> [String] {
        let store = try Store()
        return try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { $0["name"] as String }
        }
    }

    static let records: [(any (ListsColumns & TableRecord).Type, String)] = [
        (ReceiptRecord.self, "receipt"), (ParticipantRecord.self, "participant"), (CoBorrowerRecord.self, "coBorrower"),
        (HardshipChunkRecord.self, "hardshipChunk"), (DrawdownRecord.self, "drawdown"),
        (BankTransactionRecord.self, "bankTransaction"), (ClaimLineRecord.self, "claimLine"),
        (InputFileRecord.self, "inputFile"), (DailyRunRecord.self, "dailyRun"), (DailyExceptionRecord.self, "dailyException"),
        (AcknowledgementRecord.self, "acknowledgement"), (ClaimRunRecord.self, "claimRun"),
        (ClaimApprovalRecord.self, "claimApproval"), (OutboxFileRecord.self, "outboxFile"), (RunRecord.self, "runLog"),
        (EngineStateRecord.self, "engineState"), (EngineLoanRecord.self, "engineLoan"),
        (DeferredIndexRecord.self, "deferredIndex"),
    ]

    @Test(arguments: records.indices)
    func recordColumnsAreTheMigratedTables(_ index: Int) throws {
        let (type, table) = Self.records[index]
        #expect(type.databaseTableName == table)
        let listed = columnNames(of: type), migrated = try Self.tableColumns(table)
        #expect(listed == migrated, "\(table): listed only \(listed.filter { !migrated.contains($0) }), migrated only \(migrated.filter { !listed.contains($0) })")
    }

    /// Every table the migrations create has a record here (`unreadFile` is written by SQL alone).
    @Test func everyTableHasItsRecord() throws {
        let tables = try Store().database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(Set(tables) == Set(Self.records.map(\.1) + ["unreadFile"]))
    }

    private func columnNames<R: ListsColumns>(of type: R.Type) -> [String] { R.columnNames }

    /// Inserts `record` the bulk way under a registered file and fetches it back with GRDB.
    static func roundTrip<R: FastInsertable & FetchableRecord & Equatable>(_ record: (Int64) -> R) throws -> (R, R) {
        let store = try Store()
        var sent: R?
        _ = try store.importFile(BulkInsertTests.file(), body: { sink in
            sent = record(sink.fileId)
            try sink.insertRow(sent!)
            return ImportOutcome()
        })
        let fetched = try store.database.read { db in try R.fetchOne(db, sql: "SELECT * FROM \(R.databaseTableName)") }
        return (try #require(sent), try #require(fetched))
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }
    static func month(_ text: String) -> YearMonth { YearMonth(iso: text)! }

    @Test func everyBulkRecordRoundTripsThroughItsBinding() throws {
        func same<R: FastInsertable & FetchableRecord & Equatable>(_ make: (Int64) -> R, id: WritableKeyPath<R, Int64?>) throws {
            var (sent, fetched) = try Self.roundTrip(make)
            #expect(fetched[keyPath: id] != nil)
            sent[keyPath: id] = nil
            fetched[keyPath: id] = nil
            #expect(sent == fetched)
        }
        try same({ ReceiptRecord(
            id: nil, fileId: $0, source: "s", ticketNo: "t", idNumber: "i", idValid: true, name: "n", insuranceType: .employees,
            periodFrom: Self.month("2026-01"), periodTo: Self.month("2026-02"), base: Fen(1), amount: Fen(2),
            paidOn: Self.day("2026-03-04"), channel: .loan, contractNo: "c", bankCode: "b", status: .reversal,
            reversesTicketNo: "r") }, id: \.id)
        try same({ HardshipChunkRecord(id: nil, fileId: $0, rowCount: 2, rows: Data([HardshipChunk.format, 0, 255])) }, id: \.id)
        try same({ DrawdownRecord(
            id: nil, fileId: $0, line: 7, bankCode: "b", loanNo: "l", contractNo: "c", idNumber: "i", idValid: true,
            name: "n", mode: .lump, amount: Fen(1), rate: Rate(units: 2), disbursedOn: Self.day("2026-01-02"),
            maturesOn: Self.day("2027-01-02"), coverFrom: Self.month("2026-01"), coverTo: Self.month("2026-12"),
            account: "a", status: .cancellation) }, id: \.id)
        try same({ BankTransactionRecord(
            id: nil, fileId: $0, line: 7, bankCode: "b", txnNo: "x", loanNo: "l", contractNo: "c", idNumber: "i",
            idValid: true, name: "n", txnDate: Self.day("2026-01-02"), kind: .earlyPayoff, due: Fen(1),
            principalPaid: Fen(2), interestPaid: Fen(3), result: .partial, pension: Fen(4), basicPension: Fen(5),
            balanceAfter: Fen(6), account: "a") }, id: \.id)
        try same({ ClaimLineRecord(
            id: nil, fileId: $0, line: 7, bankCode: "b", loanNo: "l", contractNo: "c", idNumber: "i", idValid: true,
            name: "n", year: 2026, fromDay: Self.day("2026-01-02"), toDay: Self.day("2026-12-31"), days: 3,
            accumulated: Fen(4), rate: Rate(units: 5), claimed: Fen(6)) }, id: \.id)
        try same({ ParticipantRecord(
            id: nil, fileId: $0, source: "s", asOf: Self.day("2026-01-02"), idNumber: "i", idValid: true, name: "n",
            gender: .female, birthDate: Self.day("1960-03-04"), insuranceType: .residents, county: "c",
            retirementDate: Self.day("2020-05-06"), contributionMonths: 7, sscAccount: "a", approvalNo: "p",
            approvedOn: Self.day("2025-08-09"), loanMode: .annual, loanBankCode: "b", contractNo: "k",
            basicPensionConsent: false, pensionStartMonth: Self.month("2021-10"), pensionMonthly: Fen(8),
            pensionBasic: Fen(9), personalAccountBalance: Fen(10), deathDate: Self.day("2026-11-12")) }, id: \.id)
    }

    /// The engine state's loans (no file, no id) through the store's saving of them.
    @Test func engineLoansRoundTripThroughTheirBinding() throws {
        let store = try Store()
        let loans = [EngineLoanRecord(loanNo: "L1", accrual: "a", eligBank: "B105", eligLine: "line"),
                     EngineLoanRecord(loanNo: "L2", accrual: nil, eligBank: nil, eligLine: nil)]
        let state = EngineStateRecord(asOf: "2026-04-30", lastFileId: 0, lastClaimRunId: 0, fingerprint: "f",
                                      totals: "{}", banks: "")
        try store.saveEngineState(state, loans: loans, replacing: nil)
        #expect(try store.database.read { db in try EngineLoanRecord.order(Column("loanNo")).fetchAll(db) } == loans)
    }

    /// A stored value that does not read as its type is an error, never a default.
    @Test(arguments: ["paidOn = '2026-02-30'", "paidOn = '20260115'", "periodFrom = '2026-13'", "amount = 'x'",
                      "amount = 1.5", "base = 'abc'", "status = 'normal'", "channel = 'BANK'"])
    func aStoredValueThatDoesNotReadIsAnError(_ assignment: String) throws {
        let store = try Store()
        _ = try store.importFile(BulkInsertTests.file(), body: { sink in
            try sink.insertRow(ReceiptRecord(
                id: nil, fileId: sink.fileId, source: "s", ticketNo: "t", idNumber: "i", idValid: true, name: "n",
                insuranceType: .residents, periodFrom: Self.month("2026-01"), periodTo: Self.month("2026-02"), base: nil,
                amount: Fen(2), paidOn: Self.day("2026-03-04"), channel: .selfPaid, contractNo: nil, bankCode: nil,
                status: .normal, reversesTicketNo: nil))
            return ImportOutcome()
        })
        #expect(try store.database.read { db in try ReceiptRecord.fetchAll(db) }.count == 1)
        try store.database.write { db in try db.execute(sql: "UPDATE receipt SET \(assignment)") }
        #expect(throws: (any Error).self) { try store.database.read { db in try ReceiptRecord.fetchAll(db) } }
    }
}

/// The migrations are shipped and never edited: the schema they make, as SQLite keeps it, is
/// `fixtures/schema/store.sql` byte for byte (written from the migrations' SQL as shipped).
@Suite struct MigrationsTests {
    @Test func makeTheSchemaAsShipped() throws {
        let dump = try Store().database.read(SchemaDump.text)
        if Golden.recording {  // a new migration: ZHUBAO_RECORD_GOLDEN=1 writes its schema
            try dump.write(to: SampleFiles.projectRoot.appendingPathComponent("fixtures/schema/store.sql"), atomically: true, encoding: .utf8)
        }
        let expected = try SchemaDump.shipped()
        #expect(dump == expected)
    }
}

/// The schema as SQLite keeps it, one object a paragraph in name order (as
/// `fixtures/schema/store.sql` holds it).
enum SchemaDump {
    static func text(_ db: Database) throws -> String {
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, tbl_name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY type, name
            """)
        return rows.map { row -> String in
            let (type, name, table, sql): (String, String, String, String) = (row["type"], row["name"], row["tbl_name"], row["sql"])
            return "-- \(type) \(name) on \(table)\n\(sql);\n\n"
        }.joined()
    }

    static func shipped() throws -> String {
        try String(contentsOf: SampleFiles.projectRoot.appendingPathComponent("fixtures/schema/store.sql"), encoding: .utf8)
    }
}
