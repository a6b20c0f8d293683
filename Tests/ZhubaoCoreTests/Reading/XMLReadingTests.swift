import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct XMLReadingTests {
    static func document(encoding: String) -> String {
        """
        <?xml version="1.0" encoding="\(encoding)"?>
        <ContributionReceipts xmlns="urn:zhubao:tax-receipt:1" version="1.0">
          <Header>
            <RecordCount>1</RecordCount>
          </Header>
          <Receipts>
            <Receipt>
              <Name>钟淑堃𠮷</Name>
              <Amount>8904.00</Amount>
              <BankCode/>
              <Note>a &amp; b &#x4E2D;<!-- c --><![CDATA[<x>]]></Note>
            </Receipt>
          </Receipts>
        </ContributionReceipts>

        """
    }

    struct Element: Equatable {
        var name: String
        var depth: Int
        var line: Int?
        var text: String?
    }

    /// Every element with its depth and line, and the text of the leaves.
    static func elements(_ reader: XMLStreamReader) throws -> [Element] {
        let leaves: Set = ["RecordCount", "Name", "Amount", "BankCode", "Note"]
        var result: [Element] = []
        while try reader.read() {
            guard reader.nodeType == .element else { continue }
            var element = Element(name: reader.localName, depth: reader.depth, line: reader.lineNumber)
            if leaves.contains(element.name) { element.text = try reader.readElementText() }
            result.append(element)
        }
        return result
    }

    static let expected: [Element] = [
        .init(name: "ContributionReceipts", depth: 0, line: 2), .init(name: "Header", depth: 1, line: 3),
        .init(name: "RecordCount", depth: 2, line: 4, text: "1"), .init(name: "Receipts", depth: 1, line: 6),
        .init(name: "Receipt", depth: 2, line: 7), .init(name: "Name", depth: 3, line: 8, text: "钟淑堃𠮷"),
        .init(name: "Amount", depth: 3, line: 9, text: "8904.00"), .init(name: "BankCode", depth: 3, line: 10, text: ""),
        .init(name: "Note", depth: 3, line: 11, text: "a & b 中<x>"),
    ]

    @Test func readsUTF8() throws {
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(Self.document(encoding: "UTF-8").utf8), fileName: "t.xml"))
        #expect(try Self.elements(reader) == Self.expected)
        #expect(reader.isAtEnd)
        #expect(try reader.read() == false)
        #expect(reader.errors.isEmpty)
    }

    @Test func honoursAGB18030Declaration() throws {
        let scratch = try ReadingScratch()
        let bytes = try scratch.gb18030(Self.document(encoding: "GB18030"))
        #expect(bytes.contains(0x95) && !bytes.contains(0xF0))  // really GB18030, not UTF-8
        let path = try scratch.write("TAX_RCPT_360700_20260115_001.xml", bytes)
        let reader = try XMLStreamReader(source: ByteSource(path: path))
        #expect(try Self.elements(reader) == Self.expected)
        #expect(reader.fileName == "TAX_RCPT_360700_20260115_001.xml")
    }

    @Test func bytesThatBreakTheDeclaredEncodingRejectTheFile() throws {
        let scratch = try ReadingScratch()
        // GB18030 bytes in a file that says UTF-8.
        let mislabelled = try scratch.gb18030(Self.document(encoding: "UTF-8"))
        let first = try XMLStreamReader(source: ByteSource(bytes: mislabelled, fileName: "m.xml"))
        let error = #expect(throws: XMLReadError.self) { _ = try Self.elements(first) }
        guard case .malformed("m.xml", let diagnostics)? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(diagnostics.contains { $0.message.contains("UTF-8") && $0.location.line == 8 })
        // Bytes that are not GB18030 in a GB18030 file.
        var broken = try scratch.gb18030(Self.document(encoding: "GB18030"))
        let at = broken.firstIndex(of: 0x95)!  // the first byte of 𠮷
        broken.replaceSubrange(at..<(at + 4), with: [0x81, 0x20, 0x81, 0x20])
        let second = try XMLStreamReader(source: ByteSource(bytes: broken, fileName: "g.xml"))
        #expect(throws: XMLReadError.self) { _ = try Self.elements(second) }
        // libxml2 names the bytes but gives no line for conversion errors.
        #expect(second.errors.contains { $0.message.hasPrefix("input conversion failed due to input error, bytes 0x81 0x20") })
        #expect(second.errors.filter { $0.message.hasPrefix("input conversion failed") }.count == 1)  // repeats dropped
    }

    @Test func namesAttributesAndInternedNames() throws {
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(Self.document(encoding: "UTF-8").utf8)))
        let receipt = reader.intern("Receipt")
        #expect(receipt == reader.intern("Receipt"))
        #expect(receipt != reader.intern("Receipts"))
        var hits = 0
        while try reader.read() {
            if reader.nodeType == .element && reader.depth == 0 {
                #expect(reader.attribute("version") == "1.0")
                #expect(reader.attribute(localName: "version", namespaceURI: nil) == "1.0")
                #expect(reader.attribute("missing") == nil)
                #expect(reader.namespaceURI == "urn:zhubao:tax-receipt:1")
            }
            #expect(reader.localNameIs(receipt) == (reader.localName == "Receipt"))
            if reader.localNameIs(receipt) {
                hits += 1
                #expect(reader.internedLocalName == receipt)
            }
        }
        #expect(hits == 2)  // the start and the end tag
    }

    @Test func aChildElementWhereTextIsExpectedIsReportedAndReadingGoesOn() throws {
        let xml = "<R>\n<Name>王<b>x</b>五</Name>\n<Amount>1.00</Amount>\n</R>"
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(xml.utf8), fileName: "c.xml"))
        while try reader.read() && reader.localName != "Name" {}
        #expect(throws: XMLReadError.notTextOnly(fileName: "c.xml", element: "Name", child: "b", line: 2)) {
            _ = try reader.readElementText()
        }
        #expect(reader.nodeType == .endElement && reader.localName == "Name")
        while try reader.read() && reader.localName != "Amount" {}
        #expect(try reader.readElementText() == "1.00")
    }

    @Test func linesStayExactPastLine65535() throws {
        var xml = "<?xml version=\"1.0\"?>\n<R>\n"
        for i in 0..<25_000 { xml += "<Receipt>\n<Amount>\(i).00</Amount>\n</Receipt>\n" }
        xml += "</R>\n"
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(xml.utf8)))
        var checked = 0
        while try reader.read() {
            guard reader.nodeType == .element, reader.localName == "Amount" else { continue }
            let line = reader.lineNumber
            let text = try reader.readElementText()
            let i = Int(text.dropLast(3))!
            if line != 2 + i * 3 + 2 { Issue.record("Amount \(i) at line \(String(describing: line))"); break }
            checked += 1
        }
        #expect(checked == 25_000)
    }

    @Test func readsGzipAndPassesGzipErrorsOn() throws {
        let scratch = try ReadingScratch()
        let gz = try scratch.gzip(Array(Self.document(encoding: "UTF-8").utf8))
        let good = try scratch.write("good.xml.gz", gz)
        #expect(try Self.elements(XMLStreamReader(source: ByteSource(path: good, gzip: true))) == Self.expected)
        let cut = try scratch.write("cut.xml.gz", Array(gz.dropLast(12)))
        let reader = try XMLStreamReader(source: ByteSource(path: cut, gzip: true))
        let error = #expect(throws: InputError.self) { _ = try Self.elements(reader) }
        guard case .gzip("cut.xml.gz", let zlib)? = error else {
            Issue.record("expected a gzip error, got \(String(describing: error))")
            return
        }
        #expect(zlib.kind == .truncated)
    }
}
