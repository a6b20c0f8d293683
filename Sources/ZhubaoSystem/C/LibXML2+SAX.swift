import CLibXML2

/// What an `XMLSAXReader` reports while it parses. The bytes are valid only during the call.
package protocol XMLSAXHandler: AnyObject {
    /// A start tag: its interned local name, where its namespace stands to the reader's
    /// `targetNamespace`, its attributes (not the namespace declarations), and the line its
    /// start tag ends on.
    func startElement(_ localName: XMLName, namespace: XMLNamespace, attributes: XMLSAXAttributes, line: Int)
    func endElement(_ localName: XMLName)
    /// Character data (text, whitespace, resolved character and predefined references).
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// A CDATA section's text (possibly empty).
    func cdata(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// A name's namespace as the SAX reader sees it: none, the one the reader looks for
/// (`XMLSAXReader.targetNamespace`), or another.
package enum XMLNamespace: Sendable {
    case none, target, other
}

/// The attributes of a start tag, as libxml2 passes them to `startElementNs`.
package struct XMLSAXAttributes {
    package let count: Int
    /// Five pointers an attribute: local name, prefix, URI, value start, value end.
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// The reader's (which outlives every callback): no retain per start tag.
    unowned(unsafe) let namespaces: XMLNamespaceMatcher

    package func localName(_ index: Int) -> XMLName { XMLName(pointer: raw?[5 * index]) }
    package func namespace(_ index: Int) -> XMLNamespace { namespaces.classify(raw?[5 * index + 2]) }
}

/// Tells the target namespace from others by its URI: its bytes compared until one matches, then
/// the pointer libxml2 gave for that one compared first (a document declares its namespace once).
final class XMLNamespaceMatcher {
    var target: [UInt8] = [] { didSet { known = nil } }
    private var known: UnsafePointer<xmlChar>?

    func classify(_ uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let uri else { return .none }
        if uri == known { return .target }
        guard !target.isEmpty else { return .other }
        for (i, byte) in target.enumerated() where uri[i] != byte { return .other }
        guard uri[target.count] == 0 else { return .other }
        known = uri
        return .target
    }
}

/// libxml2's push parser driven through SAX, over a `ByteSource`, in constant memory: no tree,
/// no text reader, no schema. The handler sees every element and text as it is parsed; the
/// caller feeds the file a chunk at a time (`next()`) and acts between chunks.
///
/// Safety: the same options as `XMLStreamReader` without `NOBLANKS` (whitespace reaches the
/// handler; CDATA sections come separately, `cdata`) — no entity is expanded or fetched, nothing
/// loaded from the network. A document type declaration stops the parser at once
/// (`sawDeclaration`); so does any message libxml2 gives, error or warning (`messages`), since
/// what this reader is for is the plain case.
///
/// Threads: one reader, one thread. The thread's global libxml2 error handlers are borrowed for
/// each `next()` (encoding errors are reported there) and put back before it returns.
package final class XMLSAXReader {
    package let fileName: String
    package let source: ByteSource
    private let context: LibXML2Context
    private let box: Box
    private let parser: xmlParserCtxtPtr
    private var buffer: UnsafeMutableRawBufferPointer
    package private(set) var isAtEnd = false
    /// The parser met `<!DOCTYPE`.
    package var sawDeclaration: Bool { box.sawDeclaration }

    /// What the reader keeps for the C callbacks.
    private final class Box {
        unowned let context: LibXML2Context
        var parser: xmlParserCtxtPtr?
        var sawDeclaration = false
        let namespaces = XMLNamespaceMatcher()
        /// What libxml2's user-data pointer points at; kept alive here.
        var dispatch: Dispatch!
        init(context: LibXML2Context) {
            self.context = context
        }
        var line: Int { Int(parser?.pointee.input?.pointee.line ?? 0) }
    }

    /// The handler and the box, both `let`, behind libxml2's user-data pointer: a callback
    /// borrows it without retaining it, and calls the handler without a retain or an exclusivity
    /// check (a `var` would cost both on every callback: a tenth of the reading thread). Setting
    /// `handler` makes a new one and points libxml2 at it.
    private final class Dispatch {
        let handler: (any XMLSAXHandler)?
        unowned(unsafe) let box: Box
        init(handler: (any XMLSAXHandler)?, box: Box) {
            self.handler = handler
            self.box = box
        }
        static func with(_ pointer: UnsafeMutableRawPointer?, _ body: (Dispatch) -> Void) {
            Unmanaged<Dispatch>.fromOpaque(pointer!)._withUnsafeGuaranteedRef(body)
        }
    }

    /// Who the parser reports to; set it (after interning its names) before the first `next()`,
    /// never from inside a callback (the callback in progress borrows the `Dispatch` it replaces).
    package var handler: (any XMLSAXHandler)? {
        get { box.dispatch.handler }
        set {
            box.dispatch = Dispatch(handler: newValue, box: box)
            parser.pointee.userData = Unmanaged.passUnretained(box.dispatch).toOpaque()
        }
    }

    /// The namespace URI that start tags and attributes report as `.target`; set it before the
    /// first `next()`.
    package var targetNamespace: String {
        get { String(decoding: box.namespaces.target, as: UTF8.self) }
        set { box.namespaces.target = Array(newValue.utf8) }
    }

    package init(source: ByteSource, fileName: String? = nil, chunkSize: Int = 1 << 16) throws {
        _ = XMLSAXReader.libraryInitialized
        let name = fileName ?? source.fileName
        let context = LibXML2Context(source: source, fileName: name)
        let box = Box(context: context)
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, localName, _, uri, _, _, count, _, attributes in
            Dispatch.with(user) { dispatch in
                let box = dispatch.box
                dispatch.handler?.startElement(XMLName(pointer: localName), namespace: box.namespaces.classify(uri),
                                               attributes: XMLSAXAttributes(count: Int(count), raw: attributes, namespaces: box.namespaces),
                                               line: box.line)
            }
        }
        sax.endElementNs = { user, localName, _, _ in
            Dispatch.with(user) { $0.handler?.endElement(XMLName(pointer: localName)) }
        }
        sax.characters = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            Dispatch.with(user) { $0.handler?.characters(UnsafeBufferPointer(start: bytes, count: Int(count))) }
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = { user, bytes, count in
            Dispatch.with(user) { $0.handler?.cdata(UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(count))) }
        }
        sax.internalSubset = { user, _, _, _ in
            let box = Unmanaged<Dispatch>.fromOpaque(user!).takeUnretainedValue().box
            box.sawDeclaration = true
            if let parser = box.parser { xmlStopParser(parser) }
        }
        sax.serror = { user, error in
            let box = Unmanaged<Dispatch>.fromOpaque(user!).takeUnretainedValue().box
            LibXML2Context.errorHandler(Unmanaged.passUnretained(box.context).toOpaque(), error)
        }
        box.dispatch = Dispatch(handler: nil, box: box)
        let opaque = Unmanaged.passUnretained(box.dispatch).toOpaque()
        let created = context.capturingGlobalErrors { xmlCreatePushParserCtxt(&sax, opaque, nil, 0, name) }
        guard let created else { throw XMLReadError.setupFailed(fileName: name, reason: "libxml2 could not create a parser") }
        xmlCtxtUseOptions(created, XMLStreamReader.saxOptions)
        box.parser = created
        self.fileName = name
        self.source = source
        self.context = context
        self.box = box
        parser = created
        buffer = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit {
        xmlFreeParserCtxt(parser)
        buffer.deallocate()
    }

    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Messages libxml2 gave so far (the first stops the parser).
    package var messages: [Diagnostic] { context.diagnostics.items }

    /// Whether the document was parsed to its end with no message and no declaration, and
    /// libxml2 neither failed nor halted (an encoding error halts it with `wellFormed` still 1).
    package var isClean: Bool {
        isAtEnd && refusal == nil && lastResult == 0 && messages.isEmpty && !box.sawDeclaration && parser.pointee.wellFormed == 1
            && parser.pointee.disableSAX == 0
    }
    private var lastResult: Int32 = 0
    /// Set when the bytes were refused before reaching libxml2 (`XMLAttributeGuard`).
    package private(set) var refusal: XMLReadError?

    /// Interns `name` in the parser's dictionary, to compare with the names the handler gets.
    package func intern(_ name: String) -> XMLName {
        XMLName(pointer: xmlDictLookup(parser.pointee.dict, name, -1))
    }

    /// Parses the next chunk of the source (the handler is called as it goes). Returns false
    /// once the document ended or the parser stopped (see `isClean`). Throws what the source
    /// throws (a corrupt gzip stream, an I/O error).
    package func next() throws -> Bool {
        guard !isAtEnd else { return false }
        let count = try source.read(into: buffer)
        if let refusal = context.guardBytes(buffer.baseAddress!, count) {
            // Not for the quick path: the ordinary path meets the same refusal and reports it.
            self.refusal = refusal
            isAtEnd = true
            return false
        }
        let result = context.capturingGlobalErrors {
            xmlParseChunk(parser, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(count), count == 0 ? 1 : 0)
        }
        lastResult = result
        if count == 0 || result != 0 || !context.diagnostics.items.isEmpty || box.sawDeclaration
            || parser.pointee.disableSAX != 0 {
            isAtEnd = true
        }
        return !isAtEnd
    }

    package func close() {
        source.close()
    }
}

extension XMLStreamReader {
    /// For SAX: `parseOptions` without `NOBLANKS` (every character reaches the handler).
    static let saxOptions: Int32 = Int32(bitPattern: XML_PARSE_NONET.rawValue)
}
