import Glibc

/// The simple types of `tax-receipt.xsd`'s leaves, checked on the UTF-8 of their text as the
/// XSD checks them (each pattern is anchored at both ends, `[0-9]` means ASCII digits only),
/// and the quick path's own plainness (`isPlain`).
enum ReceiptLeaf {
    /// `Text`: `xs:string` of at least one character.
    case text
    /// `xs:string`.
    case string
    /// `Date`: `[0-9]{4}-[0-9]{2}-[0-9]{2}`.
    case date
    /// `Month`: `[0-9]{4}-(0[1-9]|1[0-2])`.
    case month
    /// `Amount`: `-?(0|[1-9][0-9]{0,7})\.[0-9]{2}`.
    case amount
    /// `Total`: `-?(0|[1-9][0-9]{0,13})\.[0-9]{2}` (a control total, formats.md "Amounts").
    case total
    /// `xs:nonNegativeInteger`, here only as bare digits (`+1`, `-0` or ` 1 ` are valid for the
    /// XSD and go the ordinary way).
    case count
    /// `[0-9]{n}`: `Region` (6), `BankCode` (3).
    case digits(Int)
    /// An enumeration of two `xs:string` values (the XSD's enumerations have two each).
    /// Static strings, not an array: the enum stays a trivial value, and reading a leaf's kind
    /// costs no retain and release (they were a few per cent of a million-receipt import).
    case oneOf(StaticString, StaticString)

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A leaf's text longer than this is declined (libxml2's text reader refuses text nodes
    /// over 10,000,000 bytes; no field of a receipt comes near 64 KiB), and so memory stays flat.
    static let maxBytes = 1 << 16
    /// A batch of receipts is handed over at this many bytes of text, whatever its count.
    static let maxBatchBytes = 8 << 20

    /// What the text reader and SAX deliver alike. The text reader (with `NOBLANKS`) drops a
    /// whitespace-only run of text before the first text of an element when markup follows it
    /// (`<Name> &#x5218;</Name>`, `<Name><!-- --> 刘</Name>` read as 刘), SAX never does: a text
    /// starting with whitespace is declined, as is a whitespace-only one. A text over several
    /// lines is declined too: beyond line 65535 the text reader places it on its last line,
    /// SAX on its first.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        return !isWhitespace(first) && !bytes.contains(0x0A) && !bytes.contains(0x0D)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { isDigit(bytes[$0]) }
    }

    private static func equal(_ value: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        value.withUTF8Buffer { v in
            guard v.count == bytes.count, let a = v.baseAddress, let b = bytes.baseAddress else { return v.count == bytes.count && v.isEmpty }
            return memcmp(a, b, v.count) == 0
        }
    }

    private var isTotal: Bool {
        if case .total = self { return true }
        return false
    }

    func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        switch self {
        case .string:
            return true
        case .text:
            return n > 0
        case .digits(let count):
            return n == count && Self.digits(bytes, 0..<count)
        case .count:
            return n > 0 && Self.digits(bytes, 0..<n)
        case .date:
            return n == 10 && Self.digits(bytes, 0..<4) && bytes[4] == 0x2D && Self.digits(bytes, 5..<7)
                && bytes[7] == 0x2D && Self.digits(bytes, 8..<10)
        case .month:
            guard n == 7, Self.digits(bytes, 0..<4), bytes[4] == 0x2D else { return false }
            let tens = bytes[5], ones = bytes[6]
            return (tens == 0x30 && ones >= 0x31 && ones <= 0x39) || (tens == 0x31 && ones >= 0x30 && ones <= 0x32)
        case .amount, .total:
            // -?(0|[1-9][0-9]{0,7})\.[0-9]{2}, or {0,13} for a total
            var i = bytes.first == 0x2D ? 1 : 0
            guard n - i >= 4, bytes[n - 3] == 0x2E, Self.digits(bytes, n - 2..<n) else { return false }
            let whole = i..<(n - 3)
            guard !whole.isEmpty, whole.count <= (isTotal ? 14 : 8), Self.digits(bytes, whole) else { return false }
            i = whole.lowerBound
            return bytes[i] != 0x30 || whole.count == 1
        case .oneOf(let a, let b):
            return Self.equal(a, bytes) || Self.equal(b, bytes)
        }
    }
}
