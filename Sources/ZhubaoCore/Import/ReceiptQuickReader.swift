import ZhubaoSystem

/// `schemas/tax-receipt.xsd` written out by hand for libxml2's SAX parser: the receipts' quick
/// path (`ReceiptImporter.readQuickly`). It accepts only documents that the XSD accepts and that
/// are plain besides (`ReceiptLeaf.isPlain`: a leaf's text on one line, not starting with
/// whitespace, of at most 64 KiB; no CDATA section; no attribute but the root's `version`;
/// counts written as bare digits) and declines everything else (`declined` says why), which then
/// takes the ordinary path: libxml2's text reader validating against the XSD itself, whose
/// messages are the ones a rejected file gets. It is pinned to the XSD it was written from
/// (`schemaDigest`): when the XSD changes, the quick path stays off until this is brought in line.
///
/// What the XSD says, and where it is here: the root `ContributionReceipts` in the namespace,
/// with `version`; `Header` then `Receipts` (a sequence, each once); `Header` and `Receipt` as
/// `xs:all` of leaves (each at most once, the required ones present, any order); a leaf holds
/// text only; whitespace between elements only; the leaves' types in `ReceiptLeaf`.
///
/// A value type, so that a callback from libxml2 costs one exclusivity check (on
/// `ReceiptQuickHandler.reader`), not one per property it touches.
struct ReceiptQuickReader {
    /// SHA-256 of the `tax-receipt.xsd` this mirrors.
    static let schemaDigest = "bddfc68deeff1f9bac9977da322fb0743a181183b44453d03bee4a837de388ca"
    static let headerLeaves: [ReceiptLeaf] = [.text, .digits(6), .string, .date, .count, .total]
    static let headerRequired: UInt32 = 0b111011
    /// In `ReceiptFields.Field` order.
    static let receiptLeaves: [ReceiptLeaf] = [
        .text, .string, .text, .oneOf("110", "170"), .month, .month, .amount, .amount, .date,
        .oneOf("LOAN", "SELF"), .text, .digits(3), .oneOf("NORMAL", "REVERSAL"), .text,
    ]
    /// All but Base, ContractNo, BankCode, ReversesTicketNo.
    static let receiptRequired: UInt32 = 0b01_0011_1011_1111

    private enum Place { case outside, root, header, receipts, receipt, after }

    /// Why the document is not for the quick path; nil while it still is.
    private(set) var declined: String?
    /// The header's texts, in `ReceiptImporter.HeaderField` order (a mismatch declines the
    /// file, so their lines are never needed).
    private(set) var header: [String?] = Array(repeating: nil, count: 6)
    /// The receipts being read; at `batchSize` complete ones it moves to `ready`.
    private var batch = QuickReceipts(firstIndex: 1)
    private var ready: [QuickReceipts] = []
    let batchSize: Int
    /// Receipts read so far.
    private(set) var count = 0

    private var place = Place.outside
    private var sawHeader = false, sawReceipts = false
    private let root, headerName, receipts, receipt, version: XMLName
    private let headerNames, receiptNames: [XMLName]
    /// The open leaf (index among its record's fields), or -1.
    private var leaf = -1
    private var leafLine = 0
    /// The index after the leaf opened last in the open record.
    private var leafAfter = 0
    private var seen: UInt32 = 0
    /// Where the open leaf's text starts in `batch`'s bytes (the text goes straight there).
    private var leafStart = 0

    /// Interns the names in `reader`'s dictionary and sets the namespace it tells apart.
    init(names reader: XMLSAXReader, batchSize: Int) {
        self.batchSize = batchSize
        reader.targetNamespace = ReceiptImporter.shape.namespace
        root = reader.intern(ReceiptImporter.shape.root)
        headerName = reader.intern(ReceiptImporter.shape.header)
        receipts = reader.intern(ReceiptImporter.shape.list)
        receipt = reader.intern(ReceiptImporter.shape.record)
        version = reader.intern("version")
        headerNames = ReceiptImporter.headerNames.map(reader.intern)
        receiptNames = ReceiptFields.names.map(reader.intern)
    }

    /// The document was read to the end of its root.
    var isComplete: Bool { declined == nil && place == .after }

    /// Hands over the full batches of receipts read since the last call; at the end of the
    /// document (`last`), the rest too.
    mutating func takeBatches(last: Bool = false) -> [QuickReceipts] {
        if last, batch.count > 0 {
            ready.append(batch)
            batch = QuickReceipts(firstIndex: count + 1)
        }
        defer { ready.removeAll(keepingCapacity: true) }
        return ready
    }

    private mutating func decline(_ why: String) {
        if declined == nil { declined = why }
    }

    mutating func startElement(_ name: XMLName, namespace: XMLNamespace, attributes: XMLSAXAttributes, line: Int) {
        guard declined == nil else { return }
        guard namespace == .target else { return decline("an element outside \(ReceiptImporter.shape.namespace)") }
        guard leaf < 0 else { return decline("an element inside a leaf") }
        if place == .outside {
            guard name == root, attributes.count == 1, attributes.localName(0) == version, attributes.namespace(0) == .none
            else { return decline("the root element or its attributes") }
            place = .root
            return
        }
        guard attributes.count == 0 else { return decline("an attribute") }
        switch place {
        case .root where !sawHeader && name == headerName:
            sawHeader = true
            place = .header
            seen = 0
        case .root where sawHeader && !sawReceipts && name == receipts:
            sawReceipts = true
            place = .receipts
        case .header:
            open(name, among: headerNames, line: line)
        case .receipts where name == receipt:
            place = .receipt
            seen = 0
            batch.begin(line: line)
        case .receipt:
            open(name, among: receiptNames, line: line)
        default:
            decline("an element out of place")
        }
    }

    private mutating func open(_ name: XMLName, among names: [XMLName], line: Int) {
        // Leaves mostly come in the XSD's order: the one after the last is tried first, which
        // spares a search of the names (a few per cent of a million-receipt import).
        let next = seen == 0 ? 0 : leafAfter
        let found = next < names.count && names[next] == name ? next : names.firstIndex(of: name)
        guard let index = found, seen & (1 << index) == 0 else {
            return decline("an unknown or repeated element")
        }
        seen |= 1 << index
        leafAfter = index + 1
        leaf = index
        leafLine = line
        leafStart = batch.bytes.count
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard declined == nil else { return }
        if leaf >= 0 {
            guard batch.bytes.count - leafStart + bytes.count <= ReceiptLeaf.maxBytes else { return decline("a long leaf") }
            batch.append(bytes)
        } else if !bytes.allSatisfy(ReceiptLeaf.isWhitespace) {
            decline("text between elements")
        }
    }

    /// In element-only content the XSD refuses a CDATA section even when it is empty; in a leaf
    /// the text reader's whitespace handling around it differs from SAX's. Either way: declined.
    mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        decline("a CDATA section")
    }

    mutating func endElement(_ name: XMLName) {
        guard declined == nil else { return }
        if leaf >= 0 {
            let kind = place == .header ? Self.headerLeaves[leaf] : Self.receiptLeaves[leaf]
            guard batch.text(from: leafStart, { ReceiptLeaf.isPlain($0) && kind.accepts($0) }) else {
                return decline("a leaf's text")
            }
            if place == .header {
                header[leaf] = batch.text(from: leafStart) { String(decoding: $0, as: UTF8.self) }
                batch.truncate(to: leafStart)
            } else {
                batch.set(leaf, from: leafStart, line: leafLine)
            }
            leaf = -1
            return
        }
        switch place {
        case .header:
            guard seen & Self.headerRequired == Self.headerRequired else { return decline("a missing header element") }
            place = .root
        case .receipt:
            guard seen & Self.receiptRequired == Self.receiptRequired else { return decline("a missing receipt element") }
            batch.end()
            count += 1
            if batch.count >= batchSize || batch.bytes.count >= ReceiptLeaf.maxBatchBytes {
                ready.append(batch)
                batch = QuickReceipts(firstIndex: count + 1)
            }
            place = .receipts
        case .receipts:
            place = .root
        case .root where sawReceipts:
            place = .after
        default:
            decline("an element out of place")
        }
    }
}

/// What libxml2's SAX callbacks reach: holds the reader, one access per callback.
final class ReceiptQuickHandler: XMLSAXHandler {
    /// Unchecked: the parser calls the handler on one thread, one callback at a time, and the
    /// dynamic exclusivity check on every callback cost a tenth of the reading thread
    /// (docs/benchmarks.md).
    @exclusivity(unchecked) var reader: ReceiptQuickReader

    init(_ reader: ReceiptQuickReader) {
        self.reader = reader
    }

    func startElement(_ localName: XMLName, namespace: XMLNamespace, attributes: XMLSAXAttributes, line: Int) {
        reader.startElement(localName, namespace: namespace, attributes: attributes, line: line)
    }

    func endElement(_ localName: XMLName) { reader.endElement(localName) }
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { reader.characters(bytes) }
    func cdata(_ bytes: UnsafeBufferPointer<UInt8>) { reader.cdata(bytes) }
}
