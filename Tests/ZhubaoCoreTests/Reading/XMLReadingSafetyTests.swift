import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct XMLReadingSafetyTests {
    /// Reads every node, keeping every value seen, until the end or an error.
    static func drain(_ reader: XMLStreamReader) -> (values: [String], error: Error?) {
        var values: [String] = []
        do {
            while try reader.read() { if let value = reader.value { values.append(value) } }
            return (values, nil)
        } catch {
            return (values, error)
        }
    }

    @Test func refusesExternalEntitiesWithoutReadingThem() throws {
        let scratch = try ReadingScratch()
        let secret = try scratch.write("secret.txt", "ZHUBAO-SECRET-7f3a")
        let missing = scratch.path("no-such.dtd")
        let documents = [
            #"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#,
            "<?xml version=\"1.0\"?>\n<!DOCTYPE x [\n<!ENTITY e SYSTEM \"file://\(secret)\">\n]>\n<x>&e;</x>\n",
            "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file://\(missing)\"> %p;]><x/>",
            "<!DOCTYPE x SYSTEM \"file://\(missing)\"><x/>",
        ]
        for (i, xml) in documents.enumerated() {
            let reader = try XMLStreamReader(source: ByteSource(bytes: Array(xml.utf8), fileName: "xxe\(i).xml"))
            let (values, error) = Self.drain(reader)
            guard case .documentTypeDeclaration(let name, nil)? = error as? XMLReadError else {
                Issue.record("document \(i): \(String(describing: error))")
                continue
            }
            #expect(name == "xxe\(i).xml")
            #expect(!values.contains { $0.contains("ZHUBAO-SECRET") || $0.contains("root:") })
            #expect(!reader.errors.contains { $0.message.contains("load") }, "\(reader.errors)")
            #expect(throws: XMLReadError.self) { try reader.read() }  // stays refused
        }
        let error = XMLReadError.documentTypeDeclaration(fileName: "x.xml", line: 2)
        #expect(error.diagnostics.map(\.description) == ["x.xml:2: document type declarations (<!DOCTYPE>) are not accepted"])
    }

    @Test func refusesBillionLaughsQuickly() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(xml.utf8), fileName: "lol.xml"))
        let (values, error) = Self.drain(reader)
        #expect(clock.now - start < .seconds(1))
        #expect(values.allSatisfy { $0.count < 1000 })
        // libxml2 2.9 stops at the entity loop before it hands out the DOCTYPE node.
        switch error as? XMLReadError {
        case .documentTypeDeclaration?: break
        case .malformed("lol.xml", let diagnostics)?:
            #expect(diagnostics.first?.message == "Detected an entity reference loop")
        default: Issue.record("expected a refusal, got \(String(describing: error))")
        }
    }

    @Test func malformedXMLRejectsWithLibxml2sMessageAndLine() throws {
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array("<a>\n<b>\n</a>\n".utf8), fileName: "bad.xml"))
        let error = Self.drain(reader).error as? XMLReadError
        guard case .malformed("bad.xml", let diagnostics)? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(diagnostics.contains { $0.location == Location(file: "bad.xml", line: 3) && $0.message.contains("mismatch") })
        #expect(error?.diagnostics.allSatisfy { $0.severity == .error && $0.code == .e001 } == true)
        let undefined = try XMLStreamReader(source: ByteSource(bytes: Array("<a>&nope;</a>".utf8), fileName: "u.xml"))
        guard case .malformed(_, let messages)? = Self.drain(undefined).error as? XMLReadError else {
            Issue.record("expected malformed")
            return
        }
        #expect(messages.contains { $0.message == "Entity 'nope' not defined" && $0.location.line == 1 })
        let empty = try XMLStreamReader(source: ByteSource(bytes: [], fileName: "e.xml"))
        #expect(Self.drain(empty).error is XMLReadError)
    }

    static let xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
                   elementFormDefault="qualified">
          <xs:element name="Receipts"><xs:complexType><xs:sequence>
            <xs:element name="Receipt" maxOccurs="unbounded"><xs:complexType><xs:sequence>
              <xs:element name="Name" type="xs:string"/>
              <xs:element name="Amount" type="xs:decimal"/>
            </xs:sequence></xs:complexType></xs:element>
          </xs:sequence></xs:complexType></xs:element>
        </xs:schema>
        """

    @Test func validatesAgainstAnXSDWhileStreaming() throws {
        let scratch = try ReadingScratch()
        let schema = try XMLSchema(path: try scratch.write("t.xsd", Self.xsd))
        let invalid = """
            <Receipts xmlns="urn:t">
              <Receipt>
                <Name>钟淑堃</Name>
                <Amount>12.00</Amount>
              </Receipt>
              <Receipt>
                <Name>王五</Name>
                <Amount>abc</Amount>
              </Receipt>
              <Receipt>
                <Name>李四</Name>
                <Amount>1</Amount>
                <Extra/>
              </Receipt>
            </Receipts>
            """
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(invalid.utf8), fileName: "v.xml"), schema: schema)
        let (values, error) = Self.drain(reader)
        #expect(error == nil)  // validity errors do not stop reading
        #expect(values.contains("李四"))
        #expect(!reader.isValid)
        #expect(reader.errors.map(\.location.line) == [8, 13])
        #expect(reader.errors.first?.message.hasPrefix("Element '{urn:t}Amount': 'abc' is not a valid value") == true)
        #expect(reader.errors.last?.message.hasPrefix("Element '{urn:t}Extra': This element is not expected") == true)

        let valid = "<Receipts xmlns=\"urn:t\"><Receipt><Name>a</Name><Amount>1.5</Amount></Receipt></Receipts>"
        let second = try XMLStreamReader(source: ByteSource(bytes: Array(valid.utf8)), schema: schema)
        #expect(Self.drain(second).error == nil)
        #expect(second.isValid && second.errors.isEmpty)
        let byPath = try XMLStreamReader(source: ByteSource(bytes: Array(valid.utf8)), schemaPath: scratch.path("t.xsd"))
        #expect(Self.drain(byPath).error == nil && byPath.isValid)
    }

    @Test func aBrokenOrMissingSchemaIsAnError() throws {
        let scratch = try ReadingScratch()
        let broken = try scratch.write("broken.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"nope\"/></xs:schema>")
        let error = #expect(throws: XMLSchemaError.self) { try XMLSchema(path: broken) }
        #expect(error?.fileName == "broken.xsd")
        #expect(error?.diagnostics.isEmpty == false)
        #expect(throws: XMLSchemaError.self) { try XMLSchema(path: scratch.path("missing.xsd")) }
    }
}

@Suite struct XMLReadingIsolationTests {
    @Test func parseOptionsNeverLoadOrExpand() {
        // NOENT 2, DTDLOAD 4, DTDATTR 8, DTDVALID 16, XINCLUDE 1024, HUGE 524288; NONET 2048.
        #expect(XMLStreamReader.parseOptions & (2 | 4 | 8 | 16 | 1024 | 524_288) == 0)
        #expect(XMLStreamReader.parseOptions & 2048 != 0)
    }

    @Test func readersOnManyThreadsKeepTheirOwnMessages() throws {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var passed: Set<Int> = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            // Half broken in the encoding layer (global handler), half in the parser (reader's).
            let xml = i % 2 == 0
                ? [UInt8]("<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<a>\n".utf8) + [0x81, 0x20] + Array("</a>".utf8)
                : Array("<a>\n<b>\n</a>\n".utf8)
            guard let reader = try? XMLStreamReader(source: ByteSource(bytes: xml, fileName: "f\(i).xml")) else { return }
            let failed = XMLReadingSafetyTests.drain(reader).error is XMLReadError
            if failed && !reader.errors.isEmpty && reader.errors.allSatisfy({ $0.location.file == "f\(i).xml" }) {
                results.lock.withLock { _ = results.passed.insert(i) }
            }
        }
        #expect(results.passed == Set(0..<16))
    }
}
