// The one place zhubao talks to libxml2 (this file and its LibXML2+*.swift extensions).
import CLibXML2

/// A streaming XML reader (libxml2's `xmlTextReader`) over a `ByteSource`, in constant memory.
///
/// Safety: parses with `XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS` and never
/// with `NOENT`, `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE` or `HUGE`, so no entity is expanded and nothing outside the file is fetched; on top of that a
/// document type declaration or an entity reference node throws. The encoding named in the XML
/// declaration is honoured (UTF-8, GB18030 through libxml2's iconv support, …). CDATA sections
/// come as `.cdata` nodes: with `XML_PARSE_NOCDATA` libxml2 2.9's text reader drops their text
/// (the receipts' quick-path comparison found it: a name in CDATA read as empty).
///
/// Bounded: the bytes pass `XMLAttributeGuard` on their way in, so a start tag with more
/// attributes than any layout names is refused (`XMLReadError.tooManyAttributes`) before
/// libxml2's quadratic duplicate check sees it; the source's own cap bounds the size.
///
/// Errors: `read()` throws `XMLReadError.malformed` when libxml2 gives up (-1), carrying its
/// messages; `InputError` when the source fails (a corrupt gzip stream, say). Schema validity
/// errors do not stop reading: they collect in `errors`, with lines, so that every problem of
/// the file can be listed; check `errors` (or `isValid`) after the last `read()`.
///
/// Threads: one reader is used by one thread at a time. libxml2's error handlers are set per
/// reader; the thread-global handler (for I/O and encoding errors) is borrowed only during a
/// call into libxml2 and put back before the call returns.
package final class XMLStreamReader {
    package static let parseOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOBLANKS.rawValue)

    package let fileName: String
    package let source: ByteSource
    /// Kept alive while the reader validates against it.
    package let schema: XMLSchema?
    let reader: xmlTextReaderPtr
    package let context: LibXML2Context
    // The state `read()` touches for every node is `@exclusivity(unchecked)`: a reader lives on
    // one thread, and the dynamic check on each access was a percent of the whole inbox's intake.
    /// The type of the current node; `.none` before the first read and after the end.
    @exclusivity(unchecked) package internal(set) var nodeType = XMLNodeType.none
    @exclusivity(unchecked) private var failure: Error?
    /// Called on each start tag that has attributes (namespace declarations count), with the
    /// reader on it; `attributeNames()` lists them.
    @exclusivity(unchecked) package var onAttributes: ((XMLStreamReader) -> Void)?
    @exclusivity(unchecked) package private(set) var isAtEnd = false

    /// - Parameters:
    ///   - fileName: the name messages use; the source's file name by default.
    ///   - schema: an XSD to validate against while streaming.
    package init(source: ByteSource, fileName: String? = nil, schema: XMLSchema? = nil) throws {
        _ = XMLStreamReader.libraryInitialized
        let name = fileName ?? source.fileName
        let context = LibXML2Context(source: source, fileName: name)
        let created = context.capturingGlobalErrors {
            defer { context.restoreGlobalHandler() }  // nested inside the capture: undo in order
            return xmlReaderForIO(xmlStreamReaderRead, nil, context.opaque, name, nil, XMLStreamReader.parseOptions)
        }
        guard let reader = created else {
            if let inputError = context.inputError { throw inputError }
            if context.diagnostics.hasErrors { throw XMLReadError.malformed(fileName: name, diagnostics: context.diagnostics.items) }
            throw XMLReadError.setupFailed(fileName: name, reason: "libxml2 could not create a reader")
        }
        // The reader's handler first: the schema validator copies it when it is plugged in.
        xmlTextReaderSetStructuredErrorHandler(reader, LibXML2Context.errorHandler, context.opaque)
        if let schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            xmlFreeTextReader(reader)
            throw XMLReadError.setupFailed(fileName: name, reason: "libxml2 refused the schema \(schema.fileName)")
        }
        self.fileName = name
        self.source = source
        self.schema = schema
        self.reader = reader
        self.context = context
    }

    /// Loads the XSD at `schemaPath` (if any) for this one file. To read many files against one
    /// schema, load an `XMLSchema` once and pass it instead.
    package convenience init(source: ByteSource, fileName: String? = nil, schemaPath: String?) throws {
        try self.init(source: source, fileName: fileName, schema: schemaPath.map { try XMLSchema(path: $0) })
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Closes the source; libxml2's reader is freed when this object goes away.
    package func close() {
        source.close()
    }

    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Messages libxml2 reported so far (parser warnings, schema validity errors, the fatal
    /// error), in order, each with the file name and line.
    package var errors: [Diagnostic] { context.diagnostics.items }

    /// No error-level message so far (validity included).
    package var isValid: Bool { !context.diagnostics.hasErrors }

    /// Moves to the next node. Returns false at the end of the document. Throws on a fatal
    /// error, a DOCTYPE or an entity reference; once it threw, it throws the same error again.
    @discardableResult
    package func read() throws -> Bool {
        if let failure { throw failure }
        if isAtEnd { return false }
        let result = xmlTextReaderRead(reader)
        context.restoreGlobalHandler()
        switch result {
        case 1:
            nodeType = XMLNodeType(rawValue: xmlTextReaderNodeType(reader))
            if nodeType == .documentType {
                // libxml2 keeps no line for it (the parser's line is past it by now).
                return try fail(XMLReadError.documentTypeDeclaration(fileName: fileName, line: nil))
            }
            if nodeType == .entityReference {
                return try fail(XMLReadError.entityReference(fileName: fileName, name: name, line: lineNumber))
            }
            if nodeType == .element, let onAttributes, xmlTextReaderHasAttributes(reader) == 1 { onAttributes(self) }
            return true
        case 0:
            nodeType = .none
            isAtEnd = true
            return false
        default:
            nodeType = .none
            if let inputError = context.inputError { return try fail(inputError) }
            return try fail(XMLReadError.malformed(fileName: fileName, diagnostics: context.diagnostics.items))
        }
    }

    private func fail(_ error: Error) throws -> Bool {
        failure = error
        throw error
    }
}

/// libxml2's input callback: fills its buffer from the reader's `ByteSource`.
private func xmlStreamReaderRead(
    _ opaque: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32
) -> Int32 {
    guard let opaque else { return -1 }
    let context = LibXML2Context.from(opaque)
    context.borrowGlobalHandler()
    guard let buffer, length > 0, let source = context.source else { return 0 }
    do {
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        if let refusal = context.guardBytes(buffer, count) {
            context.inputError = refusal
            return -1
        }
        return Int32(count)
    } catch {
        context.inputError = error
        return -1
    }
}
