import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

@Suite struct GeneratorBulkTests {
    @Test func largeHardshipFileIsWrittenInSmallChunks() throws {
        let directory = GenFixture.temporaryDirectory("bulk-hard")
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = BulkOptions(profile: .ganzhou2021, rows: 200_000)
        options.department = .ruralRevitalisation
        let result = try BulkGenerator.hardship(options, to: directory)
        #expect(result.file.name == "XC_HARD_360700_20260131_001.csv")
        #expect(result.peakBufferBytes < 128 * 1024, "memory stays flat: at most one chunk is held")
        let url = directory.appendingPathComponent(result.file.name)
        let data = try Data(contentsOf: url)
        #expect(data.withUnsafeBytes { bytes in bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } } == 200_001)
        let head = GenTestFiles.lines(String(decoding: try GenTestFiles.run("/usr/bin/iconv", ["-f", "GB18030", "-t", "UTF-8"],
                                                                               input: data.prefix(4000)), as: UTF8.self))
        #expect(head[0] == GenRender.hardshipHeader)
        for line in head.dropFirst().dropLast() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(IDNumber.isValid(String(fields[0])))
            #expect(["脱贫户", "贫困边缘户"].contains(String(fields[2])))
        }
    }

    @Test func bulkReceiptsKeepTheirHeaderRightAndTheTotalWithinTheCap() throws {
        let directory = GenFixture.temporaryDirectory("bulk-rcpt")
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = BulkOptions(profile: .ganzhou2021, rows: 30_000)
        options.date = Day(iso: "2026-03-31")!
        options.gzip = true
        let result = try BulkGenerator.receipts(options, to: directory)
        #expect(result.file.name == "TAX_RCPT_360700_20260331_001.xml.gz")
        let text = String(decoding: try GenTestFiles.bytes(directory.appendingPathComponent(result.file.name)), as: UTF8.self)
        let amounts = GenTestFiles.values("Amount", in: text).map { Fen(yuan: $0)!.value }
        let tickets = GenTestFiles.values("TicketNo", in: text)
        #expect(amounts.count == 30_000 && Swift.Set(tickets).count == 30_000)
        #expect(GenTestFiles.values("RecordCount", in: text) == ["30000"])
        let total = amounts.reduce(0, +)
        #expect(GenTestFiles.values("TotalAmount", in: text) == [Fen(total).yuan])
        #expect(total <= Fen.maxTotal)
        #expect(total > Fen.maxAbsolute)  // a true total, past what one amount may be: no reversals needed
        #expect(GenTestFiles.values("IdNumber", in: text).allSatisfy(IDNumber.isValid))
        // Every reversal negates the receipt it names.
        let byTicket = Dictionary(uniqueKeysWithValues: zip(tickets, amounts))
        for block in text.components(separatedBy: "<Receipt>").dropFirst() where block.contains("REVERSAL") {
            let reversed = GenTestFiles.values("ReversesTicketNo", in: block)[0]
            #expect(byTicket[reversed] == -Fen(yuan: GenTestFiles.values("Amount", in: block)[0])!.value)
        }
    }

    @Test func bulkIdentitiesAreUnique() {
        let ids = BulkIdentities(profile: .tongling2022, seed: 5)
        var seen: Swift.Set<String> = []
        for i in 0..<50_000 {
            var rng = GenRandom(seed: 5, label: "t", i)
            seen.insert(ids.person(i, rng: &rng).idNumber)
        }
        #expect(seen.count == 50_000)
    }
}
