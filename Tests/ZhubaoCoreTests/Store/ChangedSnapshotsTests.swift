import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// The next-day run's comparison of a department's new snapshot with the one before
/// (`Store.changedSnapshotKeys`, rules.md §3): the borrowers whose rows differ — listed in one
/// only, listed with other fields, or with the same rows in another order (of two rows of one
/// person and category the later counts) — and no one else.
@Suite struct ChangedSnapshotsTests {
    static let long = "3607021990010100110000000000AB"  // 30 bytes: compared as bytes, not packed

    func store() throws -> Store {
        let store = try Store()
        try store.database.write { db in
            func file(_ id: Int, _ kind: String, _ date: String) throws {
                try db.execute(sql: """
                    INSERT INTO inputFile (id, name, sha256, size, sender, kind, region, businessDate, seq, status, receivedAt, receivedOn)
                    VALUES (?, ?, ?, 1, ?, ?, '360700', ?, 1, 'IMPORTED', '2026-03-10T00:00:00Z', ?)
                    """, arguments: [id, "f\(id)", "h\(id)", kind == "HARD" ? "MZ" : "B105", kind, date, date])
            }
            try file(1, "HARD", "2026-03-01")
            try file(2, "DISB", "2026-03-01")
            try file(3, "HARD", "2026-03-10")
            for (line, id) in ["A", "B", "C", "D", "E", "F", Self.long].enumerated() {
                try db.execute(sql: """
                    INSERT INTO drawdown (fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, mode, amount,
                        rate, disbursedOn, maturesOn, coverFrom, coverTo, account, status)
                    VALUES (2, ?, '105', ?, ?, ?, 1, '某', 'T', 100, 1, '2026-01-01', '2027-01-01', '2026-01', '2026-12', 'x', 'N')
                    """, arguments: [line + 1, "L\(line)", "C\(line)", id])
            }
            var line = [1: 0, 3: 0]
            var chunks = [1: HardshipChunk.Builder(), 3: HardshipChunk.Builder()]
            func row(_ file: Int, _ id: String, _ category: HardshipCategory, _ certified: String, ends: String? = nil,
                     reason: HardshipEndReason? = nil) {
                line[file]! += 1
                chunks[file]!.append(HardshipRow(line: line[file]!, idNumber: id, idValid: true, name: "某", category: category,
                                                 county: "360702", certifiedOn: Day(iso: certified)!, endsOn: ends.map { Day(iso: $0)! },
                                                 endReason: reason))
            }
            // The snapshot before (P = 2026-03-05) and the new one.
            row(1, "A", .db, "2026-01-01")
            row(1, "B", .db, "2026-01-01")
            row(1, "B", .db, "2026-02-01")
            row(1, "C", .db, "2026-01-01")
            row(1, "D", .db, "2026-01-01")
            row(1, "F", .db, "2026-01-01")
            row(1, "F", .tk, "2026-01-01", ends: "2026-06-01")
            row(1, Self.long, .db, "2026-01-01")
            row(1, "N", .db, "2026-01-01")
            row(3, "F", .db, "2026-01-01")  // F: the same rows, the other line numbers
            row(3, "F", .tk, "2026-01-01", ends: "2026-06-01")
            row(3, "N", .tk, "2026-01-01")  // not a borrower
            row(3, "E", .db, "2026-01-01")  // E: new
            row(3, "B", .db, "2026-02-01")  // B: the same two rows, the other order
            row(3, "B", .db, "2026-01-01")
            row(3, "C", .db, "2026-01-01", reason: .revoked)  // C: ended
            row(3, "A", .db, "2026-01-01")
            row(3, Self.long, .tk, "2026-01-01")  // the long ID: another category
            // D: no longer listed
            for file in [1, 3] {
                var chunk = chunks[file]!.take(fileId: Int64(file))
                try chunk.insert(db)
            }
        }
        return store
    }

    let since = Store.Since(asOf: Day(iso: "2026-03-05")!, lastFileId: 2, lastClaimRunId: 0)

    @Test func theBorrowersWhoseRowsDiffer() throws {
        let keys = try #require(try store().changedSnapshotKeys(since: since, asOf: Day(iso: "2026-03-10")!))
        #expect(keys.persons == ["B", "C", "D", "E", Self.long])
        #expect(keys.loans.isEmpty && keys.contracts.isEmpty)
    }

    @Test func nothingBeforeTheNewSnapshotsDate() throws {
        let keys = try #require(try store().changedSnapshotKeys(since: since, asOf: Day(iso: "2026-03-09")!))
        #expect(keys.isEmpty)
    }

    /// A snapshot that arrives dated on or before the last run changes a series already
    /// computed: the run computes the whole city.
    @Test func aLateSnapshotTurnsTheRunWhole() throws {
        let store = try store()
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO inputFile (id, name, sha256, size, sender, kind, region, businessDate, seq, status, receivedAt, receivedOn)
                VALUES (4, 'f4', 'h4', 1, 'MZ', 'HARD', '360700', '2026-03-04', 1, 'IMPORTED', '2026-03-10T00:00:00Z', '2026-03-10')
                """)
        }
        #expect(try store.changedSnapshotKeys(since: since, asOf: Day(iso: "2026-03-10")!) == nil)
    }
}

/// `TextKey`: the text as its bytes, packed or not.
@Suite struct TextKeyTests {
    @Test(arguments: ["", "A", "360702199001010011", String(repeating: "9", count: 24), String(repeating: "9", count: 25), "赖𠮷 ∙ ok"])
    func givesBackItsText(_ text: String) throws {
        #expect(TextKey(text).string == text)
        // Read from a row of SQLite (as the scans read it), the same key as made from the String.
        let read = try DatabaseQueue().read { db -> TextKey? in
            let statement = try db.makeStatement(sql: "SELECT ?")
            try statement.setArguments([text])
            let cursor = try Row.fetchCursor(statement)
            _ = try cursor.next()
            return withExtendedLifetime(cursor) { TextKey(statement.sqliteStatement, column: 0) }
        }
        #expect(read == TextKey(text))
        #expect(read != TextKey(text + "0"))
    }

    @Test func textsThatDifferOnlyInTrailingZeroBytesDiffer() {
        #expect(TextKey("A") != TextKey("A\u{0}"))
        #expect(Set([TextKey("A"), TextKey("A\u{0}"), TextKey("A")]).count == 2)
    }
}
