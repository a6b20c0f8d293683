import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// The generator writes its files a window at a time, making every borrower's records again for
/// each window (`GenWorld+Windows.swift`): how many records a window holds changes its memory,
/// never its bytes.
@Suite struct GeneratorWindowsTests {
    /// Every record fault (each copy goes into a later file, possibly another window), every
    /// business and file fault, edge cases and gzip: all that a pass must make alike.
    static func options(recordsPerPass: Int) -> GeneratorOptions {
        var options = GeneratorOptions(profile: .ganzhou2021, borrowers: 40, from: Day(iso: "2025-10-01"),
                                       to: Day(iso: "2026-03-31"), seed: 5,
                                       faults: .list([.duplicateTicket: 2, .duplicateLoan: 2, .duplicateTxn: 2,
                                                      .duplicateParticipant: 2, .invalidID: 3, .noReceipt: 1,
                                                      .overClaim: 1, .wrongCount: 1, .threeDecimals: 1]),
                                       gzip: .some, edgeCases: true)
        options.recordsPerPass = recordsPerPass
        return options
    }

    @Test func windowsGiveTheSameBytes() throws {
        let whole = GenFixture.temporaryDirectory("win-whole"), cut = GenFixture.temporaryDirectory("win-cut")
        defer { try? FileManager.default.removeItem(at: whole); try? FileManager.default.removeItem(at: cut) }
        let one = try CityGenerator(options: Self.options(recordsPerPass: 1_000_000)).write(to: whole)
        // One record a window: every file is a window of its own, made in a pass of its own.
        let many = try CityGenerator(options: Self.options(recordsPerPass: 1)).write(to: cut)
        let a = try GeneratorDeterminismTests.contents(whole), b = try GeneratorDeterminismTests.contents(cut)
        #expect(a.count > 100)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, data) in a { #expect(b[name] == data, "\(name) differs") }
        #expect(one.files == many.files)
        #expect(one.drawdowns == many.drawdowns && one.receipts == many.receipts && one.transactions == many.transactions)
        // The record faults were placed (not given up) and each named the file it went into.
        let e004 = one.manifest.faults.filter { $0.code == .e004 }
        #expect(e004.count == 8)
        #expect(e004.allSatisfy { !$0.file.isEmpty })
        #expect(one.manifest.faults.filter { $0.code == .e003 }.count == 3)
        #expect(!one.manifest.unplaced.contains { $0.hasPrefix("duplicate") || $0 == "invalid-id" })
    }

    @Test func aCopyIsInTheFileTheManifestNames() throws {
        let directory = GenFixture.temporaryDirectory("win-copy")
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try CityGenerator(options: Self.options(recordsPerPass: 7)).write(to: directory)
        let duplicated = report.manifest.faults.filter { $0.fault == GenFault.duplicateTicket.rawValue }
        #expect(duplicated.count == 2)  // as asked: the loop below is never empty
        for fault in duplicated {
            let ticket = try #require(fault.ticketNo)
            // Sent twice: once where it was paid, once more in the later file the manifest names.
            let named = try GenTestFiles.text(directory.appendingPathComponent(fault.file))
            #expect(named.components(separatedBy: "<TicketNo>\(ticket)</TicketNo>").count - 1 >= 1)
            var copies = 0
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix("TAX_") {
                copies += try GenTestFiles.text(directory.appendingPathComponent(name))
                    .components(separatedBy: "<TicketNo>\(ticket)</TicketNo>").count - 1
            }
            #expect(copies == 2)
        }
    }

    @Test func windowsCutTheFilesInWritingOrder() {
        let day = GenCalendar.day(2026, 1, 5)
        let keys = (0..<6).map { GenFileKey(sender: "B10\($0)", kind: .deductions, date: day + $0) }
        let records = Dictionary(uniqueKeysWithValues: zip(keys, [3, 4, 10, 1, 1, 0]))
        let windows = GenWorld.windows(keys, records: records, budget: 5)
        // 3 | 4 | 10 (more than the budget: alone) | 1 + 1 + 0
        #expect(windows.map(Array.init) == [[keys[0]], [keys[1]], [keys[2]], Array(keys[3...])])
        #expect(GenWorld.windows([], records: [:], budget: 5).isEmpty)
        #expect(GenWorld.windows(keys, records: records, budget: 100).map(Array.init) == [keys])
    }
}
