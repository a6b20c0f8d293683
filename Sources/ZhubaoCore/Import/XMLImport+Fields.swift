import ZhubaoSystem

/// Finds the line of a record's field by its label (`Amount`, `Loan/CoBorrower[2]/Name`).
protocol XMLFieldLookup {
    /// The line of the field with `label`; nil when the element was absent.
    func line(of label: String) -> Int?
}

/// The texts of one record element's leaf children and the lines they were on, by field;
/// what a record's checks read. Made by `XMLFields` from the text reader, or from bytes by the
/// receipts' quick path.
struct XMLFieldValues: XMLFieldLookup, Sendable {
    /// `prefix` + each local name: `Loan/ContractNo`.
    let labels: [String]
    var values: [String?]
    var lines: [Int?]

    init(labels: [String]) {
        self.labels = labels
        values = Array(repeating: nil, count: labels.count)
        lines = values.map { _ in nil }
    }

    init(labels: [String], values: [String?], lines: [Int?]) {
        self.labels = labels
        self.values = values
        self.lines = lines
    }

    subscript(_ field: some RawRepresentable<Int>) -> String? { values[field.rawValue] }

    func line(_ field: some RawRepresentable<Int>) -> Int? { lines[field.rawValue] }

    /// The label of a field for FieldReader and XPaths: `Loan/ContractNo`.
    func label(_ field: some RawRepresentable<Int>) -> String { labels[field.rawValue] }

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

/// The text of one record element's leaf children, found by interned name (a pointer
/// comparison per element, no string made for names). Reused record after record.
struct XMLFields: XMLFieldLookup {
    /// Put before each local name in labels: "" or "Loan/".
    let prefix: String
    let localNames: [String]
    private let names: [XMLName]
    /// What was read of the current record.
    private(set) var read: XMLFieldValues

    init(_ reader: XMLStreamReader, _ localNames: [String], prefix: String = "") {
        self.prefix = prefix
        self.localNames = localNames
        read = XMLFieldValues(labels: localNames.map { prefix + $0 })
        names = localNames.map(reader.intern)
    }

    var labels: [String] { read.labels }
    var values: [String?] { read.values }

    mutating func clear() {
        for i in read.values.indices {
            read.values[i] = nil
            read.lines[i] = nil
        }
    }

    subscript(_ field: some RawRepresentable<Int>) -> String? { read[field] }
    func line(_ field: some RawRepresentable<Int>) -> Int? { read.line(field) }
    func label(_ field: some RawRepresentable<Int>) -> String { read.label(field) }
    var lastLine: Int? { read.lastLine }
    func line(of label: String) -> Int? { read.line(of: label) }

    /// When the reader is on the start tag of one of these fields, reads its text (nil when it
    /// holds elements: the schema reports that) and returns true; the reader is then on its end.
    mutating func take(_ reader: XMLStreamReader) throws -> Bool {
        let name = reader.internedLocalName
        guard let index = names.firstIndex(of: name) else { return false }
        read.lines[index] = reader.lineNumber
        read.values[index] = try reader.leafText()
        return true
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
        namespaceURI.map { "\(InputQuote.quoted($0))" } ?? "（未声明命名空间）"
    }
}
