import CLibXML2
import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// `XMLSAXReader`, the wrapper of libxml2's push parser that the receipts' quick path reads with:
/// what the handler sees, and when a parse counts as clean.
@Suite struct XMLSAXReadingTests {
    /// Writes every event down as text: `<Name@8>`, `"text"`, `[CDATA text]`, `</Name>`.
    final class Recorder: XMLSAXHandler {
        var events: [String] = []
        var text = ""

        func startElement(_ localName: XMLName, namespace: XMLNamespace, attributes: XMLSAXAttributes, line: Int) {
            flush()
            let name = String(cString: localName.pointer!)
            let attributeNames = (0..<attributes.count).map {
                String(cString: attributes.localName($0).pointer!) + ":\(attributes.namespace($0))"
            }
            events.append("<\(name)@\(line) \(namespace) \(attributeNames)>")
        }

        func endElement(_ localName: XMLName) {
            flush()
            events.append("</\(String(cString: localName.pointer!))>")
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text += String(decoding: bytes, as: UTF8.self) }

        func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
            flush()
            events.append("[CDATA \(String(decoding: bytes, as: UTF8.self))]")
        }

        /// Text runs, with whitespace-only ones left out.
        private func flush() {
            if !text.allSatisfy(\.isWhitespace) { events.append("\"\(text)\"") }
            text = ""
        }
    }

    static func parse(_ bytes: [UInt8], chunkSize: Int = 7) throws -> (XMLSAXReader, Recorder) {
        let reader = try XMLSAXReader(source: ByteSource(bytes: bytes, fileName: "t.xml"), chunkSize: chunkSize)
        reader.targetNamespace = "urn:zhubao:tax-receipt:1"
        let recorder = Recorder()
        reader.handler = recorder
        while try reader.next() {}
        return (reader, recorder)
    }

    static let expected = [
        "<ContributionReceipts@2 target [\"version:none\"]>", "<Header@3 target []>",
        "<RecordCount@4 target []>", "\"1\"", "</RecordCount>", "</Header>",
        "<Receipts@6 target []>", "<Receipt@7 target []>",
        "<Name@8 target []>", "\"钟淑堃𠮷\"", "</Name>",
        "<Amount@9 target []>", "\"8904.00\"", "</Amount>",
        "<BankCode@10 target []>", "</BankCode>",
        "<Note@11 target []>", "\"a & b 中\"", "[CDATA <x>]", "</Note>",
        "</Receipt>", "</Receipts>", "</ContributionReceipts>",
    ]

    /// Elements with their namespace (the target one), attributes and lines; references resolved; CDATA apart;
    /// the same events whatever the chunk size (7 bytes: every tag split somewhere).
    @Test(arguments: [7, 1 << 16])
    func reportsEveryElementAndText(chunkSize: Int) throws {
        let (reader, recorder) = try Self.parse(Array(XMLReadingTests.document(encoding: "UTF-8").utf8), chunkSize: chunkSize)
        #expect(recorder.events == Self.expected)
        #expect(reader.isClean && reader.messages.isEmpty)
    }

    /// Another namespace, a prefixed one and none at all are told apart from the target one.
    @Test func tellsTheTargetNamespaceFromOthers() throws {
        let text = "<a xmlns=\"urn:other\" xmlns:t=\"urn:zhubao:tax-receipt:1\"><t:b t:x=\"1\" y=\"2\"/>"
            + "<c xmlns=\"\"/><t:d xmlns:t=\"urn:zhubao:tax-receipt:10\"/></a>"
        let (reader, recorder) = try Self.parse(Array(text.utf8))
        #expect(recorder.events == ["<a@1 other []>", "<b@1 target [\"x:target\", \"y:none\"]>", "</b>",
                                    "<c@1 none []>", "</c>", "<d@1 other []>", "</d>", "</a>"])
        #expect(reader.isClean)
    }

    @Test func decodesTheEncodingTheDeclarationNames() throws {
        let bytes = try ReadingScratch().gb18030(XMLReadingTests.document(encoding: "GB18030"))
        let (reader, recorder) = try Self.parse(bytes)
        #expect(recorder.events == Self.expected)
        #expect(reader.isClean)
    }

    @Test func stopsAtADocumentTypeDeclaration() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>\n"
        let (reader, recorder) = try Self.parse(Array(text.utf8))
        #expect(reader.sawDeclaration && !reader.isClean)
        #expect(recorder.events.isEmpty)
    }

    @Test(arguments: [
        "<a><b></a>",                                                   // not well-formed
        "<a>&x;</a>",                                                   // undeclared entity
        "<a>x</a><b/>",                                                 // content after the root
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u{FFFF}</a>",      // not a character
        "<a>cut short",
    ])
    func isNotCleanAfterAnyMessage(_ text: String) throws {
        let (reader, _) = try Self.parse(Array(text.utf8))
        #expect(!reader.isClean)
        #expect(!reader.messages.isEmpty)
    }

    @Test func isNotCleanOnBytesThatDoNotFitTheDeclaredEncoding() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
        let (reader, _) = try Self.parse(bytes)
        #expect(!reader.isClean)
    }

    /// A start tag of 200,000 attributes never reaches libxml2: the guard stops it at the 33rd.
    @Test func stopsAnAttributeFloodBeforeLibxml2() throws {
        let flood = "<a>\n<b" + (0..<200_000).map { " x\($0)=\"1\"" }.joined() + "/></a>"
        let started = Date()
        let (reader, _) = try Self.parse(Array(flood.utf8), chunkSize: 1 << 16)
        #expect(Date().timeIntervalSince(started) < 10, "a loaded CI gets 10 s; refusing after 32 attributes takes milliseconds, reading all 200,000 would not")
        #expect(!reader.isClean)
        #expect(reader.refusal == .tooManyAttributes(fileName: "t.xml", element: "b", line: 2, limit: 32))
    }

    @Test func passesOnTheSourcesError() throws {
        let scratch = try ReadingScratch()
        let gzip = try scratch.gzip(Array(XMLReadingTests.document(encoding: "UTF-8").utf8))
        let path = try scratch.write("t.xml.gz", Array(gzip.dropLast(12)))
        let reader = try XMLSAXReader(source: ByteSource(path: path, gzip: true))
        reader.handler = Recorder()
        #expect(throws: InputError.self) { while try reader.next() {} }
        #expect(!reader.isClean)
    }
}

/// The text reader validating against an XSD keeps the fatal message of a document that is not
/// well-formed after its root began (unclosed element, content after the root, an undeclared
/// entity, a character XML forbids), read on its own, without `XMLImport`'s capture.
@Suite struct XMLStreamReaderMessageTests {
    @Test(arguments: ["<a><b></a>", "</ContributionReceipts><b>", "<a>&x;</a>", "<a>\u{FFFE}</a>"])
    func keepsTheFatalMessageOfAValidatingRead(_ body: String) throws {
        let text = "<?xml version=\"1.0\"?>\n<ContributionReceipts xmlns=\"urn:zhubao:tax-receipt:1\" version=\"1\">\n"
            + body + "\n</ContributionReceipts>\n"
        let schema = try XMLSchema(path: SampleFiles.projectRoot.appendingPathComponent("schemas/tax-receipt.xsd").path)
        let reader = try XMLStreamReader(source: ByteSource(bytes: Array(text.utf8), fileName: "t.xml"), schema: schema)
        var failure: (any Error)?
        do { while try reader.read() {} } catch { failure = error }
        #expect(failure != nil)
        let fatal = reader.errors.filter { !$0.message.hasPrefix("Element '") }
        #expect(!fatal.isEmpty, "\(reader.errors)")
    }
}
