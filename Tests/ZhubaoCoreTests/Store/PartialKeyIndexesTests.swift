import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// Migration v10: the key indexes on mostly empty columns hold only the rows with a key, the
/// key queries still use them, and a store that v9 left waiting for their build gets them.
@Suite struct PartialKeyIndexesTests {
    static func plan(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> String {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
            .map { $0["detail"] as String }.joined(separator: "\n")
    }

    /// The queries `KeySet.closed` asks (every key column of the table, `IN` a JSON list, joined
    /// by OR) search each partial index, and find the rows by it.
    @Test func theKeyQueriesUseThem() throws {
        let store = try Store()
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO inputFile (id, name, sha256, size, status, receivedAt, receivedOn) VALUES (1, 'f', 'x', 0, 'IMPORTED', 'now', '2026-01-06');
                INSERT INTO receipt (fileId, source, ticketNo, idNumber, idValid, name, insuranceType, periodFrom, periodTo,
                                     amount, paidOn, channel, contractNo, status, reversesTicketNo)
                VALUES (1, 'TAX', 'T1', 'P1', 1, 'n', 'I', '2026-01', '2026-03', 100, '2026-01-05', 'C', NULL, 'NORMAL', NULL),
                       (1, 'TAX', 'T2', 'P2', 1, 'n', 'I', '2026-01', '2026-03', 100, '2026-01-05', 'C', 'K2', 'NORMAL', NULL),
                       (1, 'TAX', 'T3', 'P2', 1, 'n', 'I', '2026-01', '2026-03', -100, '2026-01-06', 'C', 'K2', 'REVERSAL', 'T2')
                """)
        }
        var keys = KeySet()
        keys.insert(.contract, "K2")
        keys.insert(.ticket, "T2")
        let (condition, arguments) = try #require(keys.condition("receipt"))
        let sql = "SELECT r.ticketNo FROM receipt r WHERE \(condition) ORDER BY r.ticketNo"
        try store.database.read { db in
            let plan = try Self.plan(db, sql, arguments)
            #expect(plan.contains("receiptByContractNo"), "\(plan)")
            #expect(plan.contains("receiptByReversesTicketNo"), "\(plan)")
            #expect(try String.fetchAll(db, sql: sql, arguments: arguments) == ["T2", "T3"])
            // Only the rows with a key are in them.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM receipt INDEXED BY receiptByContractNo WHERE contractNo IS NOT NULL") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM receipt INDEXED BY receiptByReversesTicketNo WHERE reversesTicketNo IS NOT NULL") == 1)
            // The register's query, of the same shape, searches its partial contract index too.
            let (registerCondition, registerArguments) = try #require(keys.condition("participant"))
            let registerPlan = try Self.plan(db, "SELECT r.idNumber FROM participant r WHERE \(registerCondition)", registerArguments)
            #expect(registerPlan.contains("participantByContractNo"), "\(registerPlan)")
        }
    }

    /// A v9 store whose bulk intake was killed after dropping the indexes (`deferredIndex`
    /// naming them with their old SQL) migrates to the partial ones, and nothing of the three
    /// waits any more; the other deferred indexes still do.
    @Test func aStoreWaitingForTheirBuildGetsThePartialOnes() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v9 deferred indexes")
        try queue.write { db in
            for name in ["receiptByContractNo", "participantByContractNo", "receiptByIdNumber"] {
                let sql = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]))
                try db.execute(sql: "INSERT INTO deferredIndex (name, sql) VALUES (?, ?); DROP INDEX \(name)", arguments: [name, sql])
            }
        }
        try Migrations.migrator.migrate(queue)
        try queue.read { db in
            for index in Migrations.partialKeyIndexes {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [index.name])
                #expect(sql == "CREATE INDEX \(index.name) ON \(index.table)(\(index.column)) WHERE \(index.column) IS NOT NULL")
            }
            #expect(try String.fetchAll(db, sql: "SELECT name FROM deferredIndex") == ["receiptByIdNumber"])
        }
    }
}
