import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// Plain hardship lines are checked and stored from their bytes; every other line goes the
/// ordinary way. The quick path must take only what the ordinary path stores unchanged, and
/// store it the same.
@Suite struct HardshipQuickPathTests {
    static let name = "MZ_HARD_360700_20260131_001.csv"
    static let header = "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因"

    static func quick() -> HardshipQuickPath {
        HardshipQuickPath(HardshipSpec(department: .civilAffairs))
    }

    /// Whether the quick path takes the line; a line it declines leaves the chunk as it was.
    static func takes(_ line: String) throws -> Bool {
        var chunk = HardshipChunk.Builder()
        var text = line
        let taken = text.withUTF8 { quick().take($0, number: 2, into: &chunk) }
        #expect(chunk.count == (taken ? 1 : 0))
        return taken
    }

    @Test(arguments: [
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,",
        "360702196703150030,𠮷大,特困人员,360702,2024/3/1,2026/01/20,正常退出",
        "11010519491231002X,钟淑堃,低收入家庭,360702,20240301,2026-01-20,撤销",
    ])
    func takesPlainValidLines(_ line: String) throws {
        #expect(try Self.takes(line))
    }

    @Test(arguments: [
        "360702196703150031,刘建国,最低生活保障对象,360702,2024-03-01,,",     // invalid ID: E003 the ordinary way
        "11010519491231002x,刘建国,最低生活保障对象,360702,2024-03-01,,",     // lower-case x: stored as X the ordinary way
        "360702196703150030,,最低生活保障对象,360702,2024-03-01,,",           // no name
        "360702196703150030,刘建国,脱贫户,360702,2024-03-01,,",               // another department's category
        "360702196703150030,刘建国,最低生活保障对象,36070,2024-03-01,,",      // county of five digits
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-02-30,,",     // no such day
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,2026.1.1,",
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,死亡",  // unknown end reason
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,",       // six fields
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,,",     // eight fields
        ",,,,,,",
        "360702196703150030,刘建\t国,最低生活保障对象,360702,2024-03-01,,",  // a tab: a control character
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,\u{0}",  // a NUL
        "360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,,\r",   // a CR not before LF
    ])
    func declinesEverythingElse(_ line: String) throws {
        #expect(try !Self.takes(line))
    }

    /// The same file imported with and without the quick path stores the same rows and says
    /// the same things.
    @Test func storesWhatTheOrdinaryPathStores() throws {
        let text = """
        \(Self.header)\r
        360702196703150030,"温,小玲",最低生活保障对象,360702,2024/3/1,,\r
        360721196601072026,钟淑堃,特困人员,360721,2022-05-10,2026/01/20,正常退出\r
        \r
        360731196908221041,𠮷大,低收入家庭,360731,20250601,2026-01-20,撤销\r
        11010519491231002x,刘建国,支出型贫困家庭,360702,2024-03-01,,\r
        360702196703150031,刘小,最低生活保障对象,360702,2024-03-01,,\r
        360702196703150030,李四,最低生活保障对象,360702,2024/12/31,2025/1/1,\r

        """
        let bytes = try ImportProbe.gb18030(text)
        let probe = try ImportProbe()
        func run(quick: Bool) throws -> (ImportOutcome, [HardshipRow]) {
            let (outcome, store) = try probe.importIntoStore(Self.name, bytes: bytes, importer: HardshipImporter(quick: quick))
            return (outcome, try store.database.read { db in try HardshipChunkRecord.storedRows(db) })
        }
        let (quickOutcome, quickRows) = try run(quick: true)
        let (plainOutcome, plainRows) = try run(quick: false)
        #expect(quickRows.count == 6 && quickOutcome.recordCount == 6)
        #expect(quickRows == plainRows)
        #expect(quickOutcome.diagnostics.items == plainOutcome.diagnostics.items)
        #expect(quickOutcome.diagnostics.items.map(\.code) == [.e003])
        #expect(quickRows.map(\.idNumber).contains("11010519491231002X"))
    }
}
