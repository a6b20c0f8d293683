import Foundation
import Testing
@testable import ZhubaoCore

@Suite struct LedgerLoaderTests {
    /// The ledger loads hardship rows of borrowers only (rules never look at anyone else), but a
    /// non-borrower's row with an invalid ID still raises E003.
    @Test func hardshipRowsOfNonBorrowersAreLeftOutButTheirInvalidIDsStillRaiseE003() throws {
        let ws = try TemporaryWorkspace()
        try ws.deliver("B105_DISB_360700_20260115_001.txt", try ImportProbe.gb18030("""
            H|105|360700|DISB|20260115|B1|1.0
            D|L1|C1|360702196703150030|刘建国|A|8904.00|3.0000|20260115|20270114|202601|202612|ACC|N
            T|1|8904.00

            """))
        try ws.deliver("MZ_HARD_360700_20260131_001.csv", try ImportProbe.gb18030("""
            身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因
            360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,
            360731196908221041,钟淑堃,特困人员,360731,2024-03-01,,
            360731196908221042,某某,特困人员,360731,2024-03-01,,

            """))
        let (report, store) = try ws.intake(asOf: "2026-02-01")
        #expect(report.count(.imported) == 2)
        let ledger = try LedgerLoader(store: store).load(asOf: Day(iso: "2026-02-01")!, settings: ws.settings)
        let rows = try #require(ledger.snapshots["MZ"]?.first).rows
        #expect(rows.map(\.idNumber) == ["360702196703150030"])
        let e003 = ledger.intakeFindings.filter { $0.code == .e003 }
        #expect(e003.map(\.source) == ["MZ_HARD_360700_20260131_001.csv:4"])
    }

    /// A coded field the store holds outside its code's list (the import writes only valid ones)
    /// is a corrupt store: the loader throws `StoredValueError` naming the table and column.
    @Test(arguments: [("drawdown", "mode"), ("drawdown", "status")])
    func aStoredCodeOutsideItsListIsAStoredValueError(_ table: String, _ column: String) throws {
        let ws = try TemporaryWorkspace()
        try ws.deliver("B105_DISB_360700_20260115_001.txt", try ImportProbe.gb18030("""
            H|105|360700|DISB|20260115|B1|1.0
            D|L1|C1|360702196703150030|刘建国|A|8904.00|3.0000|20260115|20270114|202601|202612|ACC|N
            T|1|8904.00

            """))
        let (_, store) = try ws.intake(asOf: "2026-02-01")
        #expect(try LedgerLoader(store: store).load(asOf: Day(iso: "2026-02-01")!, settings: ws.settings).drawdowns.map(\.mode) == [.annual])
        try store.database.write { db in try db.execute(sql: "UPDATE \(table) SET \(column) = 'X'") }
        #expect(throws: StoredValueError(table: table, column: column)) {
            try LedgerLoader(store: store).load(asOf: Day(iso: "2026-02-01")!, settings: ws.settings)
        }
    }
}
