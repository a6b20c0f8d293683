import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// What the next-day run recomputes (`Store.changedKeys`, docs/engine-plan.md Option B), each
/// reason on its own: the run of P = 2026-03-05 is carried to D = 2026-03-10, W = 10 days
/// (rules.md §6), a death's grace 30 days (E409, E410).
@Suite struct ChangedKeysTests {
    static let since = Store.Since(asOf: Day(iso: "2026-03-05")!, lastFileId: 10, lastClaimRunId: 1)
    static let day = Day(iso: "2026-03-10")!

    /// Inserts a row; every NOT NULL column without a default that `values` does not name gets
    /// a placeholder (0 or "x").
    static func insert(_ db: Database, _ table: String, _ values: [String: DatabaseValueConvertible]) throws {
        var row = values
        for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
            let name: String = column["name"], notNull: Bool = column["notnull"], key: Int = column["pk"]
            guard row[name] == nil, notNull, key == 0, (column["dflt_value"] as String?) == nil else { continue }
            row[name] = (column["type"] as String) == "INTEGER" ? 0 : "x"
        }
        let names = row.keys.sorted()
        try db.execute(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(names.map { row[$0]! }))
    }

    func keys() throws -> KeySet {
        let store = try Store()
        try store.database.write { db in
            for (id, kind, date) in [(1, "DISB", "2026-01-02"), (2, "RCPT", "2026-01-02"), (3, "DEDU", "2026-01-02"),
                                     (4, "PART", "2026-01-02"), (5, "CLAIM", "2026-01-15"),
                                     (11, "DISB", "2026-03-08"), (12, "DISB", "2026-03-01"), (13, "DISB", "2026-03-11")] {
                try Self.insert(db, "inputFile", ["id": id, "name": "f\(id)", "sha256": "h\(id)", "kind": kind,
                                                  "businessDate": date, "status": "IMPORTED"])
            }
            func drawdown(_ file: Int, _ loan: String, disbursed: String) throws {
                try Self.insert(db, "drawdown", ["fileId": file, "loanNo": loan, "contractNo": "C" + loan, "idNumber": "P" + loan,
                                                 "idValid": 1, "disbursedOn": disbursed])
            }
            try drawdown(1, "LWINDOW", disbursed: "2026-02-28")  // D − W: its match window ends today
            try drawdown(1, "LOLD", disbursed: "2026-02-01")
            try drawdown(1, "LTODAY", disbursed: "2026-03-07")  // disbursed in (P, D]
            try drawdown(11, "LNEWFILE", disbursed: "2026-01-05")  // a file dated in (P, D]
            try drawdown(12, "LLATE", disbursed: "2026-01-05")  // a file dated before P, taken since
            try drawdown(13, "LFUTURE", disbursed: "2026-03-07")  // a file dated after D
            for (ticket, paid) in [("TWINDOW", "2026-02-25"), ("TOLD", "2026-01-01")] {
                try Self.insert(db, "receipt", ["fileId": 2, "ticketNo": ticket, "idNumber": "P" + ticket, "idValid": 1, "paidOn": paid])
            }
            for (txn, loan, date) in [("XNEW", "LTXN", "2026-03-06"), ("XP", "LTXNP", "2026-03-05")] {
                try Self.insert(db, "bankTransaction", ["fileId": 3, "txnNo": txn, "loanNo": loan, "idNumber": "P" + loan,
                                                        "idValid": 1, "txnDate": date])
            }
            for (person, death) in [("DGRACE", "2026-02-06"), ("DOLD", "2026-01-01")] {
                try Self.insert(db, "participant", ["fileId": 4, "idNumber": person, "idValid": 1, "contractNo": "C" + person,
                                                    "deathDate": death])
            }
            for (loan, year) in [("LCLAIM26", 2026), ("LCLAIM25", 2025)] {
                try Self.insert(db, "claimLine", ["fileId": 5, "loanNo": loan, "idNumber": "P" + loan, "idValid": 1, "year": year])
            }
            for (run, asOf, loan) in [(1, "2026-01-20", "LAPPSEEN"), (2, "2026-01-21", "LAPPNEW")] {
                try Self.insert(db, "claimRun", ["id": run, "year": 2025, "asOf": asOf])
                try Self.insert(db, "claimApproval", ["claimRunId": run, "loanNo": loan, "year": 2025])
            }
            for (asOf, loan) in [("2026-03-05", "LEXC"), ("2026-03-04", "LEXCBEFORE")] {
                try Self.insert(db, "dailyRun", ["asOf": asOf, "computedAt": "x"])
                try Self.insert(db, "dailyException", ["asOf": asOf, "key": "E406|" + loan, "firstSeen": asOf,
                                                       "payload": #"{"loanNo":"\#(loan)","idNumber":"P\#(loan)","ticketNo":"T\#(loan)"}"#])
            }
        }
        return try #require(try store.changedKeys(since: Self.since, asOf: Self.day, settings: Settings.defaults(profile: .ganzhou2021)))
    }

    @Test func eachReasonBringsItsKeysAndNoOther() throws {
        let keys = try keys()
        #expect(keys.loans == ["LWINDOW", "LTODAY", "LNEWFILE", "LLATE", "LTXN", "LCLAIM26", "LAPPNEW", "LEXC"])
        #expect(keys.tickets == ["TWINDOW", "TLEXC"])
        #expect(keys.txns == ["XNEW"])
        #expect(keys.persons == ["PLWINDOW", "PLTODAY", "PLNEWFILE", "PLLATE", "PTWINDOW", "PLTXN", "DGRACE", "PLEXC"])
        #expect(keys.contracts == ["CLWINDOW", "CLTODAY", "CLNEWFILE", "CLLATE", "CDGRACE"])
    }
}
