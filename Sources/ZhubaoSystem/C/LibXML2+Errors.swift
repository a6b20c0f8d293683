import CLibXML2

/// Why an XML file cannot be read. Each case rejects the whole file; `diagnostics` lists the
/// reasons with their lines.
package enum XMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libxml2 stopped (`xmlTextReaderRead` gave -1): not well-formed, bytes that do not fit the
    /// declared encoding, an unknown encoding, limits exceeded… `diagnostics` holds its messages.
    case malformed(fileName: String, diagnostics: [Diagnostic])
    /// The file has a document type declaration (`<!DOCTYPE`); zhubao never reads DTDs.
    case documentTypeDeclaration(fileName: String, line: Int?)
    /// An entity reference that is not one of the five predefined ones.
    case entityReference(fileName: String, name: String, line: Int?)
    /// `readElementText()` met a child element; the reader is then on the element's end tag.
    case notTextOnly(fileName: String, element: String, child: String, line: Int?)
    /// libxml2 could not set up a reader (out of memory, schema refused by the reader).
    case setupFailed(fileName: String, reason: String)
    /// A start tag with more attributes than any layout names, stopped before libxml2 parsed
    /// it (`XMLAttributeGuard`).
    case tooManyAttributes(fileName: String, element: String, line: Int, limit: Int)

    package var fileName: String {
        switch self {
        case .malformed(let name, _), .documentTypeDeclaration(let name, _), .entityReference(let name, _, _),
             .notTextOnly(let name, _, _, _), .setupFailed(let name, _), .tooManyAttributes(let name, _, _, _):
            name
        }
    }

    /// The reasons, each with the file and line.
    package var diagnostics: [Diagnostic] {
        switch self {
        case .malformed(let name, let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return errors.isEmpty ? [.error("not well-formed XML (libxml2 gave no reason)", at: Location(file: name))] : errors
        case .documentTypeDeclaration(let name, let line):
            return [.error("document type declarations (<!DOCTYPE>) are not accepted", at: Location(file: name, line: line))]
        case .entityReference(let name, let entity, let line):
            return [.error("entity reference &\(entity); is not accepted", at: Location(file: name, line: line))]
        case .notTextOnly(let name, let element, let child, let line):
            return [.error("element \(element) holds element \(child); text expected", at: Location(file: name, line: line))]
        case .setupFailed(let name, let reason):
            return [.error(reason, at: Location(file: name))]
        case .tooManyAttributes(let name, let element, let line, let limit):
            return [.error("start tag <\(element)> has more than \(limit) attributes", at: Location(file: name, line: line))]
        }
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// An XSD that libxml2 could not load or compile.
package struct XMLSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    package let fileName: String
    package let diagnostics: [Diagnostic]

    package var description: String {
        diagnostics.isEmpty
            ? "\(fileName): invalid XML schema"
            : diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// What libxml2's callbacks need: the source to pull bytes from, and where messages go. Passed
/// to C as an unretained pointer; its owner (a reader or a schema load) outlives every call.
package final class LibXML2Context {
    let source: ByteSource?
    let fileName: String
    var inputError: (any Error)?
    var diagnostics = DiagnosticBag(limit: 1000)
    /// Watches the bytes on their way to libxml2 (see `XMLAttributeGuard`).
    var attributeGuard = XMLAttributeGuard()
    /// For libxml2's printf-style generic messages (see the shim).
    private let relay: UnsafeMutablePointer<zhubao_xmlMessageRelay>
    /// The calling thread's handlers, saved while this context borrows them. Unchecked: touched
    /// twice for every node a text reader reads, on the reader's one thread.
    @exclusivity(unchecked) private var saved: zhubao_xmlHandlers?

    init(source: ByteSource?, fileName: String) {
        self.source = source
        self.fileName = fileName
        relay = .allocate(capacity: 1)
        relay.initialize(to: zhubao_xmlMessageRelay(sink: nil, context: nil))
        relay.pointee.sink = { context, message in
            guard let context, let message else { return }
            LibXML2Context.from(context).record(message: String(cString: message), line: nil, severity: .error)
        }
        relay.pointee.context = opaque
    }

    deinit {
        relay.deallocate()
    }

    /// Passes `count` bytes just read at `buffer` by the guard; the refusal when they hold a
    /// start tag with too many attributes.
    func guardBytes(_ buffer: UnsafeRawPointer, _ count: Int) -> XMLReadError? {
        guard let fault = attributeGuard.scan(UnsafeRawBufferPointer(start: buffer, count: count)) else { return nil }
        return .tooManyAttributes(fileName: fileName, element: fault.element, line: fault.line, limit: fault.limit)
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer) -> LibXML2Context {
        Unmanaged<LibXML2Context>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Receives every structured error: the reader's, the schema parser's and validator's, and
    /// the thread-global one (I/O and encoding errors raised outside any parser context).
    static let errorHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let e = error.pointee
        let message = e.message.map { String(cString: $0) } ?? "libxml2 error \(e.code)"
        LibXML2Context.from(context).record(message: message, line: e.line > 0 ? Int(e.line) : nil,
                                            severity: e.level == XML_ERR_WARNING ? .warning : .error)
    }

    func record(message: String, line: Int?, severity: Diagnostic.Severity) {
        var text = message
        while let last = text.last, last.isWhitespace { text.removeLast() }
        // libxml2 repeats some messages as the error travels up its layers.
        if diagnostics.items.suffix(4).contains(where: { $0.message == text && $0.location.line == line }) { return }
        diagnostics.append(Diagnostic(severity, code: severity == .error ? .e001 : nil, text,
                                      at: Location(file: fileName, line: line)))
    }

    /// Runs `body` with this context as the calling thread's global error handlers, then puts
    /// the previous ones back.
    package func capturingGlobalErrors<T>(_ body: () throws -> T) rethrows -> T {
        let previous = zhubao_xmlInstallHandlers(LibXML2Context.errorHandler, opaque, relay)
        defer { zhubao_xmlRestoreHandlers(previous) }
        return try body()
    }

    /// Called from the read callback: until `restoreGlobalHandler()` the thread's global handlers
    /// are this context's, so encoding errors of the bytes just delivered land here. One swap per
    /// input chunk rather than one per node.
    func borrowGlobalHandler() {
        guard saved == nil else { return }
        saved = zhubao_xmlInstallHandlers(LibXML2Context.errorHandler, opaque, relay)
    }

    func restoreGlobalHandler() {
        guard let previous = saved else { return }
        zhubao_xmlRestoreHandlers(previous)
        saved = nil
    }
}
