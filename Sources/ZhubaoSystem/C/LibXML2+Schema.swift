import CLibXML2

/// A compiled XSD. Load it once and give it to every `XMLStreamReader` that validates against
/// it: libxml2 only reads a compiled schema during validation, so one may serve readers on
/// several threads at once (each reader has its own validation context).
///
/// The XSD itself is trusted input (it ships with zhubao): libxml2 loads it, and any file it
/// imports or includes, with its own options.
package final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    /// The XSD's file name, for messages.
    package let fileName: String
    /// Warnings libxml2 gave while compiling.
    package let warnings: [Diagnostic]

    /// Loads and compiles the XSD at `path`; throws `XMLSchemaError` with libxml2's messages.
    package init(path: String) throws {
        _ = XMLSchema.libraryInitialized
        let name = ByteSource.lastComponent(of: path)
        let context = LibXML2Context(source: nil, fileName: name)
        let compiled: xmlSchemaPtr? = context.capturingGlobalErrors {
            guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, LibXML2Context.errorHandler, context.opaque)
            return xmlSchemaParse(parser)
        }
        guard let compiled, !context.diagnostics.hasErrors else {
            if let compiled { xmlSchemaFree(compiled) }
            throw XMLSchemaError(fileName: name, diagnostics: context.diagnostics.items)
        }
        pointer = compiled
        fileName = name
        warnings = context.diagnostics.items.filter { $0.severity != .error }
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()
}
