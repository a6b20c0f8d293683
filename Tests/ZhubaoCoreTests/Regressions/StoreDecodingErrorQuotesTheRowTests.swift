import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// Found in review (session 6): when a typed record does not decode (a stored code outside its
/// list, a damaged store), GRDB's `RowDecodingError` describes itself with the whole row, and the
/// command logged that description as an internal error. A row holds ID numbers and names, and
/// personal data never goes to logs: the error is now a `StoredValueError` naming the table and
/// the column only, with outputs.md's exit code for a damaged store (74).
@Suite struct StoreDecodingErrorQuotesTheRowTests {
    /// An inbox name carrying an ID number (anybody can name a file), in a row whose kind is damaged.
    static let idNumber = "36070219800101001X"

    static func damagedStore() throws -> Store {
        let store = try Store()
        try store.database.write { db in
            var file = StoredCodeTests.file()
            file.name = "\(idNumber)_DISB_360700_20260115_001.txt"
            try file.insert(db)
        }
        try store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE inputFile SET kind = 'disb'")
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        return store
    }

    @Test func theErrorNamesTableAndColumnButNotTheRow() throws {
        let store = try Self.damagedStore()
        var caught: (any Error)?
        do {
            _ = try store.database.read { db in try InputFileRecord.fetchAll(db) }
        } catch {
            caught = error
        }
        let error = try #require(caught)
        // What GRDB says by itself: the row, ID number included (why this test exists).
        #expect(String(describing: error).contains(Self.idNumber))
        let safe = try #require(StoredValueError(decoding: error))
        #expect(safe == StoredValueError(table: "inputFile", column: "kind"))
        #expect(!safe.description.contains(Self.idNumber))
    }

    @Test func otherErrorsAreNotStoredValueErrors() {
        #expect(StoredValueError(decoding: CocoaError(.fileNoSuchFile)) == nil)
        let own = StoredValueError(table: "receipt", column: "amount")
        #expect(StoredValueError(decoding: own) == own)
    }
}
