import Foundation
import ZhubaoSystem

extension XMLImport {
    /// The shape both XML kinds share: `<Root><Header>…</Header><List><Record>…</Record>…</List></Root>`.
    struct Shape {
        var root, namespace, header, list, record: String
        var headerNames: [String]
        /// Element name → label (`Loan/ContractNo`) for the names that say which field they are.
        var recordLabels: [String: String]
        var headerPath: String { "/\(root)/\(header)" }
        var recordsPath: String { "/\(root)/\(list)/\(record)" }
        func recordPath(_ index: Int) -> String { "\(recordsPath)[\(index)]" }
    }

    /// Walks the document: checks the root's name and namespace, calls `header` on the first
    /// header's start tag and `record` on each record's, with its position in its list (from
    /// 1). Elements elsewhere are passed over (the schema reports them). Returns the number
    /// of records, or nil when the root is not the kind's (nothing else is read then).
    func walk(_ reader: XMLStreamReader, _ shape: Shape, header: () throws -> Void,
              record: (Int) throws -> Void) throws -> Int? {
        let root = reader.intern(shape.root), head = reader.intern(shape.header)
        let list = reader.intern(shape.list), item = reader.intern(shape.record)
        let headerLabels = Dictionary(uniqueKeysWithValues: shape.headerNames.map { ($0, $0) })
        let headerPath = shape.headerPath, recordsPath = shape.recordsPath
        var inList = false, sawHeader = false, count = 0, index = 0
        while try reader.read() {
            guard reader.nodeType == .element else { continue }
            switch reader.depth {
            case 0:
                guard reader.localNameIs(root) else {
                    error("根元素应为 \(shape.root)（命名空间 \(shape.namespace)），实为 \(InputQuote.text(reader.localName))",
                          line: reader.lineNumber, xpath: "/" + InputQuote.text(reader.localName))
                    return nil
                }
                if reader.namespaceURI != shape.namespace {
                    error("根元素的命名空间应为“\(shape.namespace)”，实为\(reader.namespaceDescription)",
                          line: reader.lineNumber, xpath: "/" + shape.root)
                }
            case 1:
                inList = reader.localNameIs(list)
                if inList { index = 0 }
                if reader.localNameIs(head), !sawHeader {
                    sawHeader = true
                    begin(Element(name: shape.header, path: headerPath, index: 0, start: reader.lineNumber, labels: headerLabels))
                    try header()
                }
            case 2 where inList && reader.localNameIs(item):
                count += 1
                index += 1
                begin(Element(name: shape.record, path: recordsPath, index: index, start: reader.lineNumber,
                              labels: shape.recordLabels))
                try record(index)
            default:
                break
            }
        }
        if !sawHeader {
            error("缺少 \(shape.header) 元素，无法核对文件头", line: nil, xpath: shape.headerPath)
        }
        return count
    }

    /// Checks the stated record count against the records read. The count is an
    /// `xs:nonNegativeInteger`: surrounding whitespace, a sign (`+3`, `-0`) and leading zeros
    /// are all valid spellings, and each is read as the number it spells (`XSDInteger`).
    func checkCount(stated text: String?, line: Int?, counted: Int, _ shape: Shape) {
        guard let text, let matches = Self.countMatches(text, counted: counted) else { return }  // malformed: the schema said so
        if !matches {
            error("记录数 \(XSDInteger.collapsed(text)) 与 \(shape.record) 元素个数 \(counted) 不符",
                  line: line, xpath: shape.headerPath + "/RecordCount")
        }
    }

    /// Whether a stated `RecordCount` is the number of records counted; nil when it is not a
    /// number the XSD accepts (the schema reports that). The one decision of every path.
    static func countMatches(_ text: String, counted: Int) -> Bool? {
        XSDInteger.nonNegative(text).map { $0 == String(counted) }
    }

    /// The element names in a libxml2 validity message: `Element '{ns}Amount': …` and the
    /// `{ns}TicketNo` of "Expected is ( … )".
    static func elementNames(in message: String) -> [Substring] {
        guard message.hasPrefix("Element '") else { return [] }
        var names: [Substring] = []
        var rest = message.dropFirst("Element '".count)
        if let quote = rest.firstIndex(of: "'") {
            let first = rest[..<quote]
            names.append(first.lastIndex(of: "}").map { first[first.index(after: $0)...] } ?? first)
            rest = rest[quote...]
        }
        guard let expected = rest.range(of: "Expected is") else { return names }
        var scan = rest[expected.upperBound...]
        while let brace = scan.firstIndex(of: "}") {
            let start = scan.index(after: brace)
            let end = scan[start...].firstIndex { !$0.isLetter && !$0.isNumber } ?? scan.endIndex
            names.append(scan[start..<end])
            scan = scan[end...]
        }
        return names
    }

    /// The reasons for a refusal, in Chinese where zhubao words them itself.
    static func refusal(_ error: XMLReadError) -> [Diagnostic] {
        switch error {
        case .documentTypeDeclaration(let name, let line):
            return [.error("文件含文档类型声明（<!DOCTYPE>），拒收：不读取 DTD，不展开也不获取任何实体",
                           at: Location(file: name, line: line))]
        case .entityReference(let name, let entity, let line):
            return [.error("文件含实体引用 &\(InputQuote.text(entity));，拒收：不展开任何实体", at: Location(file: name, line: line))]
        case .tooManyAttributes(let name, let element, let line, let limit):
            return [.error("元素 <\(InputQuote.text(element))> 的属性超过 \(limit) 个，拒收：版式未规定这些属性，未再解析（formats.md“版式”）",
                           at: Location(file: name, line: line))]
        case .setupFailed(let name, let reason):
            return [.error("无法读取此 XML 文件（libxml2：\(reason)）", at: Location(file: name, line: 1))]
        case .malformed, .notTextOnly:
            return error.diagnostics.map {
                Diagnostic($0.severity, code: $0.code, chinese(libxml2: $0.message, severity: $0.severity), at: $0.location)
            }
        }
    }
}

/// Each XSD compiled once per process and shared by every reader (`XMLSchema` is safe to use
/// from several readers at once). A schema that fails to load is not remembered: the next file
/// tries again.
///
/// Where: the context's directory (`SchemaLocator`: `$ZHUBAO_SCHEMAS` or the bundled copy);
/// when the XSD is not there, the source tree's `schemas/` this file was built from (a build
/// whose bundled copy is a dangling symlink still finds it while the checkout exists).
final class XMLSchemaCache: @unchecked Sendable {
    static let shared = XMLSchemaCache()
    private let lock = NSLock()
    private var schemas: [String: XMLSchema] = [:]
    private var digests: [String: String] = [:]

    static let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas", isDirectory: true)

    struct Missing: Error, CustomStringConvertible {
        let file: String
        let searched: [String]
        var description: String {
            "找不到 XML 架构 \(file)（查找了 \(searched.joined(separator: "、"))；可设置 ZHUBAO_SCHEMAS 指向 schemas/ 目录）"
        }
    }

    func schema(_ file: String, in directory: URL?) throws -> XMLSchema {
        let path = try Self.path(file, in: directory)
        lock.lock()
        defer { lock.unlock() }
        if let schema = schemas[path] { return schema }
        let schema = try XMLSchema(path: path)
        schemas[path] = schema
        return schema
    }

    /// The SHA-256 of the XSD `schema(_:in:)` would load, read once per process.
    func digest(_ file: String, in directory: URL?) throws -> String {
        let path = try Self.path(file, in: directory)
        lock.lock()
        defer { lock.unlock() }
        if let digest = digests[path] { return digest }
        let digest = try FileDigest.of(URL(fileURLWithPath: path)).sha256
        digests[path] = digest
        return digest
    }

    private static func path(_ file: String, in directory: URL?) throws -> String {
        let paths = [directory ?? SchemaLocator.directory(), Self.sourceTree].compactMap { $0?.appendingPathComponent(file).path }
        guard let path = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw Missing(file: file, searched: paths)
        }
        return path
    }
}
