/// Finds the line of a record's field by its label (`Amount`, `Loan/CoBorrower[2]/Name`).
protocol XMLFieldLookup {
    /// The line of the field with `label`; nil when the element was absent.
    func line(of label: String) -> Int?
}

/// The text of one record element's leaf children, found by interned name (a pointer
/// comparison per element, no string made for names). Reused record after record.
struct XMLFields: XMLFieldLookup {
    /// Put before each local name in labels: "" or "Loan/".
    let prefix: String
    let localNames: [String]
    /// `prefix` + each local name.
    let labels: [String]
    private let names: [XMLName]
    private(set) var values: [String?]
    private(set) var lines: [Int?]

    init(_ reader: XMLStreamReader, _ localNames: [String], prefix: String = "") {
        self.prefix = prefix
        self.localNames = localNames
        labels = localNames.map { prefix + $0 }
        names = localNames.map(reader.intern)
        values = Array(repeating: nil, count: localNames.count)
        lines = values.map { _ in nil }
    }

    mutating func clear() {
        for i in values.indices {
            values[i] = nil
            lines[i] = nil
        }
    }

    subscript(_ field: some RawRepresentable<Int>) -> String? { values[field.rawValue] }

    func line(_ field: some RawRepresentable<Int>) -> Int? { lines[field.rawValue] }

    /// The label of a field for FieldReader and XPaths: `Loan/ContractNo`.
    func label(_ field: some RawRepresentable<Int>) -> String { labels[field.rawValue] }

    /// When the reader is on the start tag of one of these fields, reads its text (nil when it
    /// holds elements: the schema reports that) and returns true; the reader is then on its end.
    mutating func take(_ reader: XMLStreamReader) throws -> Bool {
        let name = reader.internedLocalName
        guard let index = names.firstIndex(of: name) else { return false }
        lines[index] = reader.lineNumber
        values[index] = try reader.leafText()
        return true
    }

    /// The last line a field was read on.
    var lastLine: Int? {
        var last: Int?
        for case let line? in lines where line > (last ?? .min) { last = line }
        return last
    }

    func line(of label: String) -> Int? {
        labels.firstIndex(of: label).flatMap { lines[$0] }
    }
}

extension XMLStreamReader {
    /// Calls `body` on the start tag of each child element of the element the reader is on;
    /// a child `body` leaves unread is skipped. Returns on the element's end tag. Child by
    /// child, so it needs no `depth` (a call into libxml2) per node.
    func forEachChild(_ body: () throws -> Void) throws {
        guard nodeType == .element, !isEmptyElement else { return }
        while try read() {
            if nodeType == .element {
                try body()
                if nodeType == .element { try skipElement() }  // not read, or empty: nothing left of it
            } else if nodeType == .endElement {
                return
            }
        }
    }

    /// The text of the leaf element the reader is on (comments skipped); nil when it holds
    /// elements (the schema reports that). The reader is then on its end tag, or still on it
    /// when it is empty (`<X/>`).
    func leafText() throws -> String? {
        guard !isEmptyElement else { return "" }
        var text: String?
        var holdsElements = false
        while try read() {
            if nodeType.isText, let value {
                text = text.map { $0 + value } ?? value
            } else if nodeType == .element {
                holdsElements = true
                try skipElement()
            } else if nodeType == .endElement {
                break
            }
        }
        return holdsElements ? nil : text ?? ""
    }

    /// The current element's namespace for messages: “urn:…” or （未声明命名空间）.
    var namespaceDescription: String {
        namespaceURI.map { "“\($0)”" } ?? "（未声明命名空间）"
    }
}
