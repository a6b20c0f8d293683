import Foundation
import Testing
@testable import ZhubaoCore

/// Regression: in a full `swift test` (session 14), `NextDayRunTests` found one day's
/// exceptions.xlsx differing from the whole city's in two bytes, every other output equal.
/// ZIPFoundation dates each entry through `gmtime`, whose buffer glibc shares with `localtime`,
/// which swift-log calls for every log line: a line logged on another thread meanwhile dated an
/// entry with its own time of day. `XLSXWorkbook.pinningEntryDates` sets every entry's date again.
@Suite struct XLSXEntryDateRaceTests {
    let workbook = XLSXWorkbook(sheets: [
        .init(name: "汇总", widths: [12, 30], rows: [[.header("代码"), .header("说明")], [.text("E201"), .amount(Fen(123_456))]]),
        .init(name: "B105", widths: [20], rows: [[.header("借据号")], [.text("L-0001")], [.date(Day(iso: "2026-04-08")!)]]),
    ])

    /// Every (offset of the time field) of the entries' local headers and central records.
    static func dateFields(_ bytes: [UInt8]) -> [Int] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let end = bytes.count - 22
        var fields: [Int] = [], entry = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            fields += [entry + 12, u32(entry + 42) + 10]
            entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32)
        }
        return fields
    }

    @Test func everyEntryIsDatedTheDOSEpochAgainWhateverItSaid() throws {
        let pinned = [UInt8](try workbook.data())
        let fields = Self.dateFields(pinned)
        #expect(fields.count == 2 * 7)  // [Content_Types].xml, .rels, workbook, its rels, styles, two sheets
        for field in fields { #expect(Array(pinned[field..<field + 4]) == [0, 0, 33, 0]) }
        // Dated with the time of a log line (11:34:56 on 2026-12-07), as the race left it:
        var raced = pinned
        for field in fields { raced.replaceSubrange(field..<field + 4, with: [0x5C, 0x5C, 0x87, 0x5D]) }
        #expect(raced != pinned)
        #expect([UInt8](try XLSXWorkbook.pinningEntryDates(Data(raced))) == pinned)
    }

    @Test func aWorkbookZippedWhileAnotherThreadLogsIsTheSameBytes() throws {
        let expected = try workbook.data()
        let stop = Stopping()
        // What swift-log's StreamLogHandler does for each line's timestamp, as fast as it can.
        let logging = Thread {
            var now = time(nil)
            while !stop.isSet {
                now += 7_261
                _ = localtime(&now)
            }
        }
        logging.start()
        defer { stop.set() }
        for _ in 0..<300 { #expect(try workbook.data() == expected) }
    }

    final class Stopping: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
