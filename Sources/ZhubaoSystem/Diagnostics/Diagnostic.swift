/// A problem found in input data. Collected, never thrown: a file's importer gathers every
/// diagnostic of the file, and the caller decides (a rejection, an E003, a line of `validate`).
///
/// Context is layered like moov-io/ach's `FieldError`: a field inside a record inside a file.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable, CaseIterable {
        case info = "INFO", warning = "WARN", error = "ERROR"
        package var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The code of the exception catalogue (rules.md §7) that reading an input raises. The
    /// catalogue is ZhubaoCore's (`ExceptionCode`), above this target: this is the part of it
    /// that a diagnostic can carry, with the catalogue's spelling and case names, and ZhubaoCore
    /// converts both ways (`ExceptionCode(code)`, `Diagnostic.Code(exceptionCode)`; a test holds
    /// every case to the catalogue). Interpolated as the raw value (`E001`).
    package enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The file is rejected whole.
        case e001 = "E001"
        /// An identity number fails its check: the record is kept, flagged.
        case e003 = "E003"

        package var description: String { rawValue }
    }

    package var severity: Severity
    /// The catalogue code this diagnostic raises, when it raises one.
    package var code: Code?
    package var message: String
    package var location: Location

    package init(_ severity: Severity, code: Code? = nil, _ message: String, at location: Location) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    package static func error(_ message: String, at location: Location) -> Diagnostic {
        Diagnostic(.error, code: .e001, message, at: location)
    }

    /// `FILE:LINE: field X: message`, the form `validate` prints and reason files hold.
    package var description: String {
        "\(location): \(message)"
    }
}

/// Where a diagnostic points: a file, then a line or an XPath, then a field.
package struct Location: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var xpath: String?
    package var field: String?

    package init(file: String, line: Int? = nil, xpath: String? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.xpath = xpath
        self.field = field
    }

    /// The same location narrowed to a record.
    package func record(line: Int? = nil, xpath: String? = nil) -> Location {
        Location(file: file, line: line ?? self.line, xpath: xpath ?? self.xpath, field: field)
    }

    /// The same location narrowed to a field of the record.
    package func field(_ name: String) -> Location {
        Location(file: file, line: line, xpath: xpath, field: name)
    }

    /// `FILE:LINE` or `FILE:/xpath`, the `source` of outputs.md.
    package var source: String {
        if let xpath { return "\(file):\(xpath)" }
        if let line { return "\(file):\(line)" }
        return file
    }

    package var description: String {
        if let field { return "\(source): \(field)" }
        return source
    }
}

/// The diagnostics of one unit of work, in the order they were found.
package struct DiagnosticBag: Sendable {
    package private(set) var items: [Diagnostic] = []
    /// Upper bound on what is kept, so a file with a million bad lines cannot use a million
    /// diagnostics' worth of memory; `dropped` counts the rest.
    package let limit: Int
    package private(set) var dropped = 0
    private var droppedErrors = 0

    package init(limit: Int = 1000) { self.limit = limit }

    package mutating func append(_ diagnostic: Diagnostic) {
        if items.count < limit {
            items.append(diagnostic)
        } else {
            dropped += 1
            if diagnostic.severity == .error { droppedErrors += 1 }
        }
    }

    package var hasErrors: Bool { droppedErrors > 0 || items.contains { $0.severity == .error } }

    /// How many diagnostics were appended, kept or not: a position to insert at later.
    package var appended: Int { items.count + dropped }

    /// This bag with `inserts` put where they belong: each group before the diagnostic that was
    /// appended at its position (`appended` at the time), in order, as if they had been
    /// appended then. The limit applies to the result as it would have.
    package func inserting(_ inserts: [(position: Int, diagnostics: [Diagnostic])]) -> DiagnosticBag {
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
    package var errors: [Diagnostic] { items.filter { $0.severity == .error } }
}
