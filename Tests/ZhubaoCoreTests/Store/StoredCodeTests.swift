import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// The coded columns of the registry, the outbox and the claim runs are typed (issue 13): they
/// are stored as the spellings they had as strings, and a stored text outside the list does not
/// read back — an error, never a default.
@Suite struct StoredCodeTests {
    static func file() -> InputFileRecord {
        InputFileRecord(id: nil, name: "B105_DISB_360700_20260115_001.txt", sha256: "x", size: 1, sender: .bank(code: "105"),
                        kind: .disbursements, region: "360700", businessDate: "2026-01-15", seq: 1, status: .imported,
                        recordCount: 0, receivedAt: "t", receivedOn: "2026-01-15")
    }

    static func outbox() -> OutboxFileRecord {
        OutboxFileRecord(id: nil, name: "FDBK_360700_20260115_001.txt", recipient: "B105", kind: .feedback, region: "360700",
                         businessDate: "2026-01-15", seq: 1, year: nil, lineCount: 0, total: 0, sha256: "s", linesSha256: "l",
                         runAsOf: "2026-01-15", writtenAt: "t")
    }

    static func claimRun() -> ClaimRunRecord {
        ClaimRunRecord(id: nil, year: 2026, bankCode: nil, asOf: "2027-01-20", createdAt: "t", state: .staged, files: "[]", forced: false)
    }

    /// A store holding one row of each, written through the records.
    static func store() throws -> Store {
        let store = try Store()
        try store.database.write { db in
            var file = file(), outbox = outbox(), run = claimRun()
            try file.insert(db)
            try outbox.insert(db)
            try run.insert(db)
        }
        return store
    }

    @Test func codesAreStoredAsTheirSpellings() throws {
        let store = try Self.store()
        let stored = try store.database.read { db in
            [try Row.fetchOne(db, sql: "SELECT sender || ' ' || kind FROM inputFile")?[0] as String?,
             try Row.fetchOne(db, sql: "SELECT kind FROM outboxFile")?[0] as String?,
             try Row.fetchOne(db, sql: "SELECT state FROM claimRun")?[0] as String?]
        }
        #expect(stored == ["B105 DISB", "FDBK", "STAGED"])
        let read = try store.database.read { db in
            (try InputFileRecord.fetchOne(db), try OutboxFileRecord.fetchOne(db), try ClaimRunRecord.fetchOne(db))
        }
        #expect(read.0?.sender == .bank(code: "105") && read.0?.kind == .disbursements)
        #expect(read.1?.kind == .feedback && read.2?.state == .staged)
        #expect(try store.claimRuns(state: .staged).count == 1 && store.claimRuns(state: .done).isEmpty)
    }

    /// Each update stores a text outside its column's list (past the migrations' CHECKs, as a
    /// damaged or hand-edited store could hold): the record does not read.
    @Test(arguments: [
        ("inputFile", "sender = 'B10'"), ("inputFile", "sender = 'b105'"), ("inputFile", "sender = 'BANK'"),
        ("inputFile", "kind = 'disb'"), ("inputFile", "kind = 'XML'"),
        ("outboxFile", "kind = 'fdbk'"), ("claimRun", "state = 'done'"),
    ])
    func aStoredCodeOutsideItsListIsAnError(_ table: String, _ assignment: String) throws {
        let store = try Self.store()
        try store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE \(table) SET \(assignment)")
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        #expect(throws: (any Error).self) {
            try store.database.read { db in
                _ = (try InputFileRecord.fetchAll(db), try OutboxFileRecord.fetchAll(db), try ClaimRunRecord.fetchAll(db))
            }
        }
    }

    /// The raw reads of the loader (`Row.code`) name the column of a code outside the list.
    @Test func aRawReadOfACodeOutsideItsListNamesTheColumn() throws {
        let store = try Self.store()
        try store.database.write { db in try db.execute(sql: "UPDATE inputFile SET sender = 'B1'") }
        let row = try #require(try store.database.read { db in try Row.fetchOne(db, sql: "SELECT sender, kind FROM inputFile") })
        #expect(try row.code("kind") as InputKind == .disbursements)
        #expect(throws: StoredValueError(table: "", column: "sender")) { try row.code("sender") as Sender }
    }
}
