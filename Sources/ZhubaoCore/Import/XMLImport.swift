import Foundation
import ZhubaoSystem

/// One XML input file being imported (formats.md §1, §2): the streaming reader validating
/// against the kind's XSD, and the outcome its problems collect in. The importers walk the
/// document (`walk`); this turns libxml2's messages, the reader's refusals and the records'
/// field checks into diagnostics with a line and, where it can tell, an XPath.
///
/// libxml2 checks the XSD as its parser goes, and the parser runs a chunk ahead of the reader:
/// a validity message can arrive before the reader reaches its element, never after. So the
/// messages wait in `pending` and are placed by their line once the element they fall in is
/// known (see `place(before:)`); a message that lines cannot place (several records on one
/// line) keeps its line only.
final class XMLImport {
    let file: String
    /// nil when the file could not even be opened (the outcome says why).
    let reader: XMLStreamReader?
    var outcome = ImportOutcome()
    /// How many of the reader's messages were moved to `pending`.
    private var taken = 0
    private var pending: [Diagnostic] = []
    /// The header or record begun last.
    private var open: Element?

    /// An element whose messages get its XPath: the header, or one record.
    struct Element {
        let name: String
        /// The XPath without the position: `/ContributionReceipts/Receipts/Receipt`.
        let path: String
        /// Its position among its siblings (from 1), or 0 for the only one (the header).
        let index: Int
        var xpath: String { index > 0 ? "\(path)[\(index)]" : path }
        /// Its start tag's line, and the last line read inside it.
        let start: Int?
        var last: Int?
        /// Element name → field label, for names that say which field they are.
        var labels: [String: String]
        /// Begins on the line the element before it begins on: lines cannot tell them apart.
        var shared = false
    }

    /// Throws only when the XSD cannot be loaded: an installation fault, not the file's.
    init(url: URL, name: FileName, schema schemaFile: String, context: ImportContext) throws {
        file = name.raw
        let schema = try XMLSchemaCache.shared.schema(schemaFile, in: context.schemaDirectory)
        do {
            reader = try XMLStreamReader(source: try context.source(url, name), fileName: file, schema: schema)
            reader?.onAttributes = { [unowned self] reader in self.checkAttributes(reader) }
        } catch let error as InputError {
            reader = nil
            // Beyond opening, libxml2 had asked for the first bytes: the fault is on line 1.
            if case .system(_, .open, _) = error {
                outcome.diagnostics.append(error.diagnostic)
            } else {
                outcome.diagnostics.append(error.diagnostic(line: 1))
            }
        } catch let error as XMLReadError {
            reader = nil
            for diagnostic in Self.refusal(error) { outcome.diagnostics.append(diagnostic) }
        }
    }

    /// Runs the document walk. A fatal error (not well-formed, a DOCTYPE or entity, a broken
    /// gzip stream) ends it and returns false, with its reasons in the outcome; anything else
    /// thrown (the store) propagates. The reader is closed afterwards.
    func run(_ walk: (XMLStreamReader) throws -> Void) throws -> Bool {
        guard let reader else { return false }
        defer { reader.close() }
        // With an XSD plugged into the parser, libxml2 reports a fatal error that comes up in a
        // read needing no new input to the thread's global handler, which XMLStreamReader only
        // borrows while it feeds input: hold it for the whole walk so the message is not lost.
        return try reader.context.capturingGlobalErrors {
            do {
                try walk(reader)
                place(before: nil)
                return true
            } catch let error as InputError {
                // libxml2's complaints about the input cut short are noise beside the reason.
                collect()
                pending.removeAll { !$0.message.hasPrefix("Element '") }
                place(before: nil)
                // The line the parser had reached: where the fault starts (with its offsets).
                outcome.diagnostics.append(error.diagnostic(line: reader.parserLine))
            } catch let error as XMLReadError {
                switch error {
                case .documentTypeDeclaration, .entityReference, .tooManyAttributes:
                    // What libxml2 said of the unexpanded entities is noise: the refusal is the reason.
                    collect()
                    pending.removeAll()
                case .malformed where reader.source.bytesRead == 0:
                    collect()
                    pending.removeAll()
                    outcome.diagnostics.append(.error("文件为空（0 字节）", at: Location(file: file, line: 1)))
                    return false
                case .malformed(_, let messages)
                    where messages.contains(where: { $0.severity == .error && !$0.message.hasPrefix("Element '") }):
                    place(before: nil)  // libxml2's fatal message is the last of them
                    return false
                default:
                    place(before: nil)
                }
                for diagnostic in Self.refusal(error) { outcome.diagnostics.append(diagnostic) }
            }
            return false
        }
    }

    /// formats.md "Layout": an attribute the layout does not name is a layout fault. The layouts
    /// name the root's `version` (and namespace declarations, which are not attributes to them).
    private func checkAttributes(_ reader: XMLStreamReader) {
        let allowed: Set<String> = reader.depth == 0 ? ["version"] : []
        for attribute in reader.attributeNames() where !allowed.contains(attribute) {
            outcome.diagnostics.append(.error(
                "元素 <\(InputQuote.text(reader.name))> 有版式未规定的属性 \(InputQuote.text(attribute))，拒收（只允许根元素的 version 与命名空间声明）",
                at: Location(file: file, line: reader.lineNumber)))
        }
    }

    func error(_ message: String, line: Int?, xpath: String) {
        outcome.diagnostics.append(.error(message, at: Location(file: file, line: line, xpath: xpath)))
    }

    /// The reader is on `element`'s start tag: messages before it are placed.
    func begin(_ element: Element) {
        var element = element
        place(before: element.start ?? 0)
        element.shared = element.start == nil || element.start == open?.start
        open = element
    }

    /// The element begun last has been read up to line `last`; `labels` adds to its labels what
    /// only its content tells. Returns the element names libxml2's messages in it mention, with
    /// their lines, so that a field check does not repeat them.
    func finish(last: Int?, labels: [String: String] = [:]) -> [(name: Substring, line: Int?)] {
        collect()
        guard var element = open, let start = element.start else { return [] }
        element.last = max(last ?? start, start)
        element.labels.merge(labels) { $1 }
        open = element
        return pending.filter { ($0.location.line ?? 0) >= start }
            .flatMap { message in Self.elementNames(in: message.message).map { ($0, message.location.line) } }
    }

    /// Adds a record's field diagnostics, each located at its field (`…/Receipt[17]/Amount`,
    /// on the field's line, else the record's), leaving out those libxml2 already reported.
    func report(_ fieldReader: FieldReader, xpath: String, fields: some XMLFieldLookup,
                mentioned: [(name: Substring, line: Int?)]) {
        for diagnostic in Self.located(fieldReader, xpath: xpath, fields: fields, mentioned: mentioned, file: file, start: open?.start) {
            outcome.diagnostics.append(diagnostic)
        }
    }

    /// The start line of the record element being read, for `located`.
    var openStart: Int? { open?.start }

    /// A field reader's diagnostics placed at their field's line and XPath (`start`, the
    /// record's line, for a field that is absent); those the schema already reported for the
    /// same element (`mentioned`) are left out.
    static func located(_ fieldReader: FieldReader, xpath: String, fields: some XMLFieldLookup,
                        mentioned: [(name: Substring, line: Int?)], file: String, start: Int?) -> [Diagnostic] {
        var placed: [Diagnostic] = []
        for var diagnostic in fieldReader.diagnostics {
            if let label = diagnostic.location.field {
                let line = fields.line(of: label)
                let leaf = label.split(separator: "/").last ?? Substring(label)
                if mentioned.contains(where: { $0.name == leaf && (line == nil || $0.line == line) }) { continue }
                diagnostic.location = Location(file: file, line: line ?? start, xpath: xpath + "/" + label)
            }
            placed.append(diagnostic)
        }
        return placed
    }

    private func collect() {
        guard let reader else { return }
        let messages = reader.errors
        guard messages.count > taken else { return }
        pending += messages[taken...]
        taken = messages.count
    }

    /// Moves the pending messages on lines before `bound` (all, for nil) to the outcome. One
    /// falls in the open element when its line is within what was read of it, or it names the
    /// element (its end tag: "Missing child element(s)").
    private func place(before bound: Int?) {
        collect()
        guard !pending.isEmpty else { return }
        var kept: [Diagnostic] = []
        for message in pending {
            guard let line = message.location.line else { emit(message, xpath: nil); continue }
            if let bound, line >= bound { kept.append(message); continue }
            var xpath: String?
            if let element = open, !element.shared, let start = element.start, line >= start {
                let names = Self.elementNames(in: message.message)
                if line <= (element.last ?? start) || names.first == Substring(element.name) {
                    xpath = element.xpath + (names.first.flatMap { element.labels[String($0)] }.map { "/" + $0 } ?? "")
                }
            }
            emit(message, xpath: xpath)
        }
        pending = kept
    }

    /// A libxml2 message as a reason: a Chinese sentence, then libxml2's words with what they
    /// quote from the file masked (`InputQuote`).
    static func chinese(libxml2 message: String, severity: Diagnostic.Severity) -> String {
        let detail = "（libxml2：\(InputQuote.text(message.replacingOccurrences(of: "\n", with: " ")))）"
        if message.hasPrefix("Element '") { return "不符合 XML 架构，拒收" + detail }
        return (severity == .error ? "不是格式正确的 XML 1.0 文档，拒收" : "XML 解析警告") + detail
    }

    private func emit(_ message: Diagnostic, xpath: String?) {
        // The schema's "attribute … is not allowed": `checkAttributes` reported it already.
        if message.message.contains(": The attribute '"), message.message.contains("' is not allowed") { return }
        let text = Self.chinese(libxml2: message.message, severity: message.severity)
        outcome.diagnostics.append(Diagnostic(message.severity, code: message.code, text,
                                              at: Location(file: file, line: message.location.line, xpath: xpath)))
    }
}
