import CLibXML2

/// libxml2's reader node types (`xmlReaderTypes`).
package struct XMLNodeType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let none = XMLNodeType(rawValue: 0)
    package static let element = XMLNodeType(rawValue: 1)
    package static let attribute = XMLNodeType(rawValue: 2)
    package static let text = XMLNodeType(rawValue: 3)
    package static let cdata = XMLNodeType(rawValue: 4)
    package static let entityReference = XMLNodeType(rawValue: 5)
    package static let entity = XMLNodeType(rawValue: 6)
    package static let processingInstruction = XMLNodeType(rawValue: 7)
    package static let comment = XMLNodeType(rawValue: 8)
    package static let document = XMLNodeType(rawValue: 9)
    package static let documentType = XMLNodeType(rawValue: 10)
    package static let whitespace = XMLNodeType(rawValue: 13)
    package static let significantWhitespace = XMLNodeType(rawValue: 14)
    package static let endElement = XMLNodeType(rawValue: 15)
    package static let xmlDeclaration = XMLNodeType(rawValue: 17)

    /// Text, CDATA or whitespace: what makes up an element's text content.
    package var isText: Bool {
        self == .text || self == .cdata || self == .whitespace || self == .significantWhitespace
    }

    package var description: String { "XMLNodeType(\(rawValue))" }
}

/// A name interned in one reader's dictionary: comparing two is comparing two pointers. Valid
/// only with the reader that made it (`XMLStreamReader.intern(_:)`), while that reader lives.
package struct XMLName: Hashable, @unchecked Sendable {
    let pointer: UnsafePointer<xmlChar>?
}

extension XMLStreamReader {
    /// The local name of the current element or attribute (`Receipt`), or the node's name
    /// (`#text`, …) for other nodes.
    package var localName: String { string(xmlTextReaderConstLocalName(reader)) ?? "" }

    /// The qualified name (`tr:Receipt`).
    package var name: String { string(xmlTextReaderConstName(reader)) ?? "" }

    package var namespaceURI: String? { string(xmlTextReaderConstNamespaceUri(reader)) }

    /// Depth in the tree; the root element is at 0.
    package var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True for `<X/>`, which gets no end-element node.
    package var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The text of a text, CDATA, whitespace or comment node; nil for elements.
    package var value: String? {
        xmlTextReaderHasValue(reader) == 1 ? string(xmlTextReaderConstValue(reader)) : nil
    }

    /// The line of the current node; for an element, where its start tag ends. Exact up to line
    /// 65535. Beyond it libxml2 (2.9) keeps exact lines only for text, so a start tag gets the
    /// line of its first text (exact for one-line leaves such as `<Amount>1.00</Amount>`), and
    /// containers, empty elements and end tags get an approximate line: use an XPath location
    /// for those.
    package var lineNumber: Int? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return parserLine }
        let raw = node.pointee.line
        if raw > 0 && raw < 65535 { return Int(raw) }
        // node.line saturates at 65535. A start tag whose content is not parsed yet is where the
        // push parser stopped (it keeps text until it sees the next "<"): the parser's line.
        if raw == 65535, nodeType == .element, node.pointee.children == nil, let parserLine, parserLine >= 65535 {
            return parserLine
        }
        let line = xmlGetLineNo(node)
        return line > 0 ? Int(line) : parserLine
    }

    package var parserLine: Int? {
        let line = xmlTextReaderGetParserLineNumber(reader)
        return line > 0 ? Int(line) : nil
    }

    /// An attribute of the current element by qualified name.
    package func attribute(_ name: String) -> String? {
        guard let raw = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { zhubao_xmlFree(raw) }
        return string(raw)
    }

    /// An attribute of the current element by local name and namespace (nil: no namespace).
    package func attribute(localName: String, namespaceURI: String?) -> String? {
        guard let raw = xmlTextReaderGetAttributeNs(reader, localName, namespaceURI) else { return nil }
        defer { zhubao_xmlFree(raw) }
        return string(raw)
    }

    /// The qualified names of the current element's attributes, namespace declarations left
    /// out; the reader stays on the element.
    package func attributeNames() -> [String] {
        var names: [String] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return [] }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) != 1 { names.append(name) }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return names
    }

    /// Interns `name` in this reader's dictionary, for `localNameIs(_:)`.
    package func intern(_ name: String) -> XMLName {
        XMLName(pointer: xmlTextReaderConstString(reader, name))
    }

    /// The interned local name of the current node.
    package var internedLocalName: XMLName { XMLName(pointer: xmlTextReaderConstLocalName(reader)) }

    /// Whether the current node's local name is `name`, by pointer comparison.
    package func localNameIs(_ name: XMLName) -> Bool {
        name.pointer != nil && xmlTextReaderConstLocalName(reader) == name.pointer
    }

    /// Reads the text content of the current element (which must be a start tag) and leaves the
    /// reader on its end tag (or on it, if it is empty). Comments are skipped. A child element
    /// throws `XMLReadError.notTextOnly` once the reader is on the end tag, so a caller can
    /// record it and read on.
    package func readElementText() throws -> String {
        precondition(nodeType == .element, "readElementText() needs a start tag")
        if isEmptyElement { return "" }
        let elementDepth = depth
        let element = xmlTextReaderConstLocalName(reader)  // interned: stays valid
        let line = lineNumber
        var text = ""
        var child: UnsafePointer<xmlChar>?
        while try read() {
            if nodeType == .endElement && depth == elementDepth { break }
            if nodeType.isText, child == nil, let value = xmlTextReaderConstValue(reader) {
                text += String(cString: value)
            } else if nodeType == .element, child == nil {
                child = xmlTextReaderConstLocalName(reader)
            }
        }
        if let child {
            throw XMLReadError.notTextOnly(fileName: fileName, element: string(element) ?? "",
                                           child: string(child) ?? "", line: line)
        }
        return text
    }

    /// Skips the current element's subtree; the reader is then on the node after it.
    package func skipElement() throws {
        guard nodeType == .element, !isEmptyElement else { return }
        let elementDepth = depth
        while try read() {
            if nodeType == .endElement && depth == elementDepth { return }
        }
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func string(_ pointer: UnsafeMutablePointer<xmlChar>) -> String? {
        string(UnsafePointer(pointer))
    }
}
