import Foundation
import Testing
@testable import ZhubaoCore

/// Throughput of the reading layer on ~100 MB inputs. Off unless ZHUBAO_BENCH is set; meant for
/// release builds: `ZHUBAO_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ReadingBenchmarks`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ZHUBAO_BENCH"] != nil), .serialized)
struct ReadingBenchmarks {
    static let megabytes = 100

    static func bankText() -> String {
        var text = "H|105|360700|DEDU|20260110|B1|1.0\r\n"
        let names = ["刘建国", "钟淑堃", "王𠮷", "陈秀英", "欧阳明月"]
        var i = 0
        while text.utf8.count < megabytes * 1_000_000 {
            text += "D|T\(1_000_000 + i)|L\(i % 9973)|GZ105-2026-\(i % 100_000)|36070219670315\(i % 10_000)|\(names[i % 5])"
            text += "|20260110|P|1234.56|1000.00|234.56|S|3700.00|180.00|98765.43|6217002030001234567\r\n"
            i += 1
        }
        return text + "T|\(i)|0.00\r\n"
    }

    static func report(_ what: String, bytes: Int, _ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        print(String(format: "BENCH %@: %.1f MB in %.2f s = %.0f MB/s", what, Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds))
    }

    @Test func gb18030LinesToStrings() throws {
        let scratch = try ReadingScratch()
        let path = try scratch.write("big.txt", try scratch.gb18030(Self.bankText()))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let clock = ContinuousClock()
        for mode in ["String", "raw"] {
            let reader = LineReader(source: try ByteSource(path: path), encoding: .gb18030)
            var count = 0, chars = 0
            let time = try clock.measure {
                if mode == "String" {
                    while let line = try reader.next() { count += 1; chars &+= line.text.utf8.count }
                } else {
                    while try reader.nextRaw({ chars &+= $0.bytes.count }) != nil { count += 1 }
                }
            }
            Self.report("GB18030 lines (\(mode), \(count) lines)", bytes: size, time)
        }
        let gz = try scratch.write("big.txt.gz", try scratch.gzip(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        let reader = LineReader(source: try ByteSource(path: gz, gzip: true), encoding: .gb18030)
        let time = try clock.measure { while try reader.next() != nil {} }
        Self.report("gzip + GB18030 lines", bytes: size, time)
    }

    @Test func csvRecords() throws {
        let scratch = try ReadingScratch()
        var text = "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因\n"
        var i = 0
        while text.utf8.count < Self.megabytes * 1_000_000 {
            text += "36070219670315\(i % 10_000),\(i % 7 == 0 ? "\"钟,淑堃\"" : "刘建国"),特困人员,360702,2026-01-05,,\n"
            i += 1
        }
        let path = try scratch.write("big.csv", try scratch.gb18030(text))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let reader = CSVRecordReader(source: try ByteSource(path: path))
        var fields = 0
        let time = try ContinuousClock().measure { while let r = try reader.next() { fields += r.fields.count } }
        Self.report("CSV records (\(fields) fields)", bytes: size, time)
    }

    @Test func xmlStreaming() throws {
        let scratch = try ReadingScratch()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ContributionReceipts xmlns=\"urn:zhubao:tax-receipt:1\">\n<Receipts>\n"
        var i = 0
        while xml.utf8.count < Self.megabytes * 1_000_000 {
            xml += "  <Receipt>\n    <TicketNo>\(336_076_260_100_000_000 + i)</TicketNo>\n    <IdNumber>360702196703150030</IdNumber>\n"
            xml += "    <Name>钟淑堃</Name>\n    <Amount>8904.00</Amount>\n    <PaidOn>2026-01-15</PaidOn>\n    <Status>NORMAL</Status>\n  </Receipt>\n"
            i += 1
        }
        xml += "</Receipts>\n</ContributionReceipts>\n"
        let path = try scratch.write("big.xml", xml)
        let size = xml.utf8.count
        let reader = try XMLStreamReader(source: try ByteSource(path: path))
        let receipt = reader.intern("Receipt")
        var receipts = 0, texts = 0
        let time = try ContinuousClock().measure {
            while try reader.read() {
                guard reader.nodeType == .element else { continue }
                if reader.localNameIs(receipt) { receipts += 1 } else if reader.depth == 3 { texts &+= try reader.readElementText().utf8.count }
            }
        }
        #expect(receipts == i)
        Self.report("XML stream (\(receipts) receipts, leaf texts as String)", bytes: size, time)
    }
}
