import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// Issue 12, "Bounded reading": the attribute guard, the decompressed-size cap, blank lines in
/// bulk, control characters, control totals, masked quotes.
@Suite struct BoundedReadingTests {
    static func scan(_ text: String, limit: Int = 3, chunk: Int = 1) -> XMLAttributeGuard.Fault? {
        var guardian = XMLAttributeGuard(limit: limit)
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            if let fault = bytes[start..<end].withUnsafeBytes({ guardian.scan($0) }) { return fault }
            start = end
        }
        return nil
    }

    @Test(arguments: [1, 2, 7, 4096])
    func attributeGuardCountsOnlyStartTagAttributes(chunk: Int) {
        // Three attributes pass; '=' in text, values, comments, CDATA, PIs and end tags is not one.
        let fine = """
        <?xml version="1.0" encoding="UTF-8"?><?pi a=1 b=2 c=3 d=4?>
        <R xmlns="urn:x" version="1.0" b='x=y=z'><!-- <a b=1 c=2 d=3 e=4> --><A>a=b=c=d=e</A>
        <![CDATA[<a b=1 c=2 d=3 e=4>]]></R>
        """
        #expect(Self.scan(fine, chunk: chunk) == nil)
        let flood = "<R>\n<H\n a=\"1\" b='2'\n c=\"3\" d=\"4\"/></R>"
        #expect(Self.scan(flood, chunk: chunk) == XMLAttributeGuard.Fault(element: "H", line: 2, limit: 3))
    }

    /// The line of the refused tag's start, wherever the chunks cut the text (line breaks are
    /// counted a chunk at a time, and up to the tag's start within its chunk).
    @Test(arguments: [1, 3, 7, 4096])
    func attributeGuardLineCountMatchesTheText(chunk: Int) {
        let text = String(repeating: "<a>\n</a>\n\n", count: 1000) + "<b x=\"1\" y=\"2\" z=\"3\" w=\"4\"/>"
        #expect(Self.scan(text, chunk: chunk)?.line == 3001)
        // A tag that begins a line before its fourth attribute, in a comment-and-CDATA text.
        let spread = "<R>\n<!-- a\nb -->\n<![CDATA[\n]]>\n<c\n a='1'\n b=\"2\" c='3'\n\n d='4'/></R>"
        #expect(Self.scan(spread, chunk: chunk) == XMLAttributeGuard.Fault(element: "c", line: 6, limit: 3))
    }

    /// 200,000 attributes on `<Header>` are refused after a few dozen, by either path.
    @Test func twoHundredThousandAttributesAreRefusedFast() throws {
        let attributes = (0..<200_000).map { " a\($0)=\"1\"" }.joined()
        let text = TaxXML.document(TaxXML.three).replacingOccurrences(of: "<Header>", with: "<Header\(attributes)>")
        let started = Date()
        let report = try ImportProbe().validate(TaxXML.name, bytes: Array(text.utf8))
        #expect(Date().timeIntervalSince(started) < 20, "generous for a loaded CI; reading all 200,000 attributes would take far longer")
        #expect(report.errorLines == ["3: 元素 <Header> 的属性超过 32 个，拒收：版式未规定这些属性，未再解析（formats.md“版式”）"])
    }

    @Test func decompressedSizeIsCapped() throws {
        let scratch = try ReadingScratch()
        let bytes = Array(repeating: UInt8(0x41), count: 1000)
        let plain = try scratch.write("a.txt", bytes)
        let packed = try scratch.write("a.txt.gz", try scratch.gzip(bytes))
        for (path, gzip) in [(plain, false), (packed, true)] {
            let exact = try ByteSource(path: path, gzip: gzip)
            exact.limit = 1000
            var buffer = [UInt8](repeating: 0, count: 300)
            var total = 0
            while true {
                let n = try buffer.withUnsafeMutableBytes { try exact.read(into: $0) }
                if n == 0 { break }
                total += n
            }
            #expect(total == 1000)
            let short = try ByteSource(path: path, gzip: gzip)
            short.limit = 999
            #expect(throws: InputError.tooLarge(fileName: gzip ? "a.txt.gz" : "a.txt", limit: 999)) {
                while try buffer.withUnsafeMutableBytes({ try short.read(into: $0) }) > 0 {}
            }
            #expect(short.bytesRead == 999)
        }
    }

    @Test func settingAndTemplateCarryTheCap() throws {
        let settings = try Settings.defaults(profile: .ganzhou2021)
        #expect(settings.maxDecompressedBytes == 2_147_483_648)
        let text = ConfigTemplate.text(profile: .ganzhou2021, region: "360700", reference: settings.reference)
        #expect(text.contains("max_decompressed_bytes = 2147483648"))
        let parsed = try Settings.parse(text.replacingOccurrences(of: "max_decompressed_bytes = 2147483648",
                                                                  with: "max_decompressed_bytes = 4096"))
        #expect(parsed.maxDecompressedBytes == 4096)
        #expect(throws: ConfigError.self) {
            try Settings.parse(text.replacingOccurrences(of: "max_decompressed_bytes = 2147483648", with: "max_decompressed_bytes = 0"))
        }
    }

    /// Skipping blank lines in bulk gives the lines `next()` gives, with the same numbers,
    /// whatever the chunk size (a CR LF cut between chunks included).
    @Test(arguments: [1, 2, 3, 8, 64])
    func blankLinesSkipLikeReadingThem(chunk: Int) throws {
        let text = "\n\r\n\n" + "a\n" + String(repeating: "\n", count: 37) + String(repeating: "\r\n", count: 19)
            + "b\r\n\r\n\r" + "c\n\n"
        func lines(skipping: Bool) throws -> [String] {
            let reader = LineReader(source: ByteSource(bytes: Array(text.utf8)), encoding: .utf8, chunkSize: chunk)
            var out: [String] = []
            while true {
                if skipping { try reader.skipBlankLines() }
                guard let line = try reader.next() else { break }
                if skipping || !line.text.isEmpty { out.append("\(line.number):\(line.text)") }
            }
            return out
        }
        #expect(try lines(skipping: true) == ["4:a", "61:b", "63:\rc"])
        #expect(try lines(skipping: false) == lines(skipping: true))
    }

    @Test func controlCharactersAreFoundWherever() {
        for byte in UInt8(0)..<0x20 {
            for position in [0, 5, 7, 8, 15, 16, 23] {
                var bytes = Array(repeating: UInt8(0x41), count: 24)
                bytes[position] = byte
                let found = bytes.withUnsafeBufferPointer { ControlCharacters.firstIndex(in: $0) }
                #expect(found == position)
                let lf = bytes.withUnsafeBufferPointer { ControlCharacters.firstIndex(in: $0, allowingLF: true) }
                #expect(lf == (byte == 0x0A ? nil : position))
            }
        }
        let clean = Array("身份证号,刘建国~ \u{7F}".utf8)
        #expect(clean.withUnsafeBufferPointer { ControlCharacters.firstIndex(in: $0) } == nil)
    }

    @Test func quotedInputIsMasked() {
        #expect(Masking.inputText("360702196703150030") == "360702********0030")
        #expect(Masking.inputText("36070219670315003x,刘建国,特困人员") == "360702********003x,刘*国,特**员")
        #expect(Masking.inputText("刘建国,特困人员", keeping: ["特困人员"]) == "刘*国,特困人员")
        #expect(Masking.inputText("6217002030005550001") == "621700*********0001")
        #expect(Masking.inputText("62170020300055") == "**********0055")
        #expect(Masking.inputText("'123456789' 8904.00 2026-01-15 B105T20260410") == "'*****6789' 8904.00 2026-01-15 B105T20260410")
        #expect(Masking.inputText("买买提·艾力") == "买****力")
        #expect(InputQuote.quoted("最低生活保障对象") == "“最低生活保障对象”")
    }

    @Test func controlTotalsReachFourteenDigits() {
        #expect(Fen(total: "99999999999999.99")?.value == 9_999_999_999_999_999)
        #expect(Fen(total: "-99999999999999.99")?.value == -9_999_999_999_999_999)
        #expect(Fen(total: "100000000000000.00") == nil)
        #expect(Fen(yuan: "99999999999999.99") == nil)
        #expect(Fen(yuan: "100000000.00") == nil)
    }
}

@Suite struct BoundedReadingCapTests {
    /// The cap holds for XML too (both receipt paths and the register): the reason names it.
    @Test(arguments: [TaxXML.name, TaxXML.name + ".gz"])
    func anXMLFileBeyondTheCapIsRejected(name: String) throws {
        let probe = try ImportProbe()
        let text = Array(TaxXML.document(TaxXML.three).utf8)
        let bytes = name.hasSuffix(".gz") ? try ReadingScratch().gzip(text) : text
        var settings = probe.settings
        settings.maxDecompressedBytes = text.count - 1
        let url = try probe.write(name, bytes: bytes)
        let report = try Validator(context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory())).validate(url)
        #expect(report.rejected)
        #expect(report.errors.map(\.message) == ["文件解压后超过 \(text.count - 1) 字节（设置 max_decompressed_bytes），未再读取，拒收"])
        #expect(report.errors.first?.location.line != nil)
        settings.maxDecompressedBytes = text.count
        #expect(try !Validator(context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory())).validate(url).rejected)
    }
}

@Suite struct InputQuoteTests {
    @Test func controlCharactersInAQuoteAreWrittenOut() {
        #expect(InputQuote.quoted("8904.00\r") == "“8904.00\\x0D”")
        #expect(InputQuote.quoted("a\nERROR forged\u{0}") == "“a\\x0AERROR forged\\x00”")
    }
}

@Suite struct AttributeGuardNameTests {
    /// The element's name survives being cut by a chunk's end, wherever the cut falls.
    @Test(arguments: [1, 2, 3, 5, 9, 4096])
    func theNameIsKeptAcrossChunks(chunk: Int) {
        let text = "<Root>\n  <LongElementName" + String(repeating: " a=\"1\"", count: 5) + "/></Root>"
        #expect(BoundedReadingTests.scan(text, limit: 4, chunk: chunk)
                == XMLAttributeGuard.Fault(element: "LongElementName", line: 2, limit: 4))
        let long = "<" + String(repeating: "n", count: 100) + String(repeating: " a='1'", count: 5) + ">"
        #expect(BoundedReadingTests.scan(long, limit: 4, chunk: chunk)?.element == String(repeating: "n", count: 64))
    }
}
