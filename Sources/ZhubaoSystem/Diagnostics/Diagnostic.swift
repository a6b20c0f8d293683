/// A problem found in input data. Collected, never thrown: a file's importer gathers every
/// diagnostic of the file, and the caller decides (a rejection, an E003, a line of `validate`).
///
/// Context is layered like moov-io/ach's `FieldError`: a field inside a record inside a file.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info = "INFO", warning = "WARN", error = "ERROR"
        package var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// The catalogue code this diagnostic raises, when it raises one (`E001`, `E003`).
    public var code: String?
    public var message: String
    public var location: Location

    public init(_ severity: Severity, code: String? = nil, _ message: String, at location: Location) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: Location) -> Diagnostic {
        Diagnostic(.error, code: "E001", message, at: location)
    }

    /// `FILE:LINE: field X: message`, the form `validate` prints and reason files hold.
    public var description: String {
        "\(location): \(message)"
    }
}

/// Where a diagnostic points: a file, then a line or an XPath, then a field.
public struct Location: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var xpath: String?
    public var field: String?

    public init(file: String, line: Int? = nil, xpath: String? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.xpath = xpath
        self.field = field
    }

    /// The same location narrowed to a record.
    public func record(line: Int? = nil, xpath: String? = nil) -> Location {
        Location(file: file, line: line ?? self.line, xpath: xpath ?? self.xpath, field: field)
    }

    /// The same location narrowed to a field of the record.
    public func field(_ name: String) -> Location {
        Location(file: file, line: line, xpath: xpath, field: name)
    }

    /// `FILE:LINE` or `FILE:/xpath`, the `source` of outputs.md.
    public var source: String {
        if let xpath { return "\(file):\(xpath)" }
        if let line { return "\(file):\(line)" }
        return file
    }

    public var description: String {
        if let field { return "\(source): \(field)" }
        return source
    }
}

/// The diagnostics of one unit of work, in the order they were found.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    /// Upper bound on what is kept, so a file with a million bad lines cannot use a million
    /// diagnostics' worth of memory; `dropped` counts the rest.
    public let limit: Int
    public private(set) var dropped = 0
    private var droppedErrors = 0

    public init(limit: Int = 1000) { self.limit = limit }

    public mutating func append(_ diagnostic: Diagnostic) {
        if items.count < limit {
            items.append(diagnostic)
        } else {
            dropped += 1
            if diagnostic.severity == .error { droppedErrors += 1 }
        }
    }

    public var hasErrors: Bool { droppedErrors > 0 || items.contains { $0.severity == .error } }

    /// How many diagnostics were appended, kept or not: a position to insert at later.
    public var appended: Int { items.count + dropped }

    /// This bag with `inserts` put where they belong: each group before the diagnostic that was
    /// appended at its position (`appended` at the time), in order, as if they had been
    /// appended then. The limit applies to the result as it would have.
    public func inserting(_ inserts: [(position: Int, diagnostics: [Diagnostic])]) -> DiagnosticBag {
        guard !inserts.isEmpty else { return self }
        var merged = DiagnosticBag(limit: limit)
        var next = 0
        for (position, item) in items.enumerated() {
            while next < inserts.count, inserts[next].position <= position {
                for diagnostic in inserts[next].diagnostics { merged.append(diagnostic) }
                next += 1
            }
            merged.append(item)
        }
        for insert in inserts[next...] { for diagnostic in insert.diagnostics { merged.append(diagnostic) } }
        merged.dropped += dropped
        merged.droppedErrors += droppedErrors
        return merged
    }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
}
