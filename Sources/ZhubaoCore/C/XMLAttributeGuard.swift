#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Looks at the bytes before libxml2 gets them and stops a start tag with more than `limit`
/// attributes (namespace declarations included) before libxml2 parses it: libxml2 2.9 checks
/// each attribute of a tag against all the earlier ones, so a `<Header>` of 200,000
/// attributes costs minutes of quadratic work before any callback could object. No element of
/// zhubao's layouts has more than a handful (formats.md "Layout": an attribute the layout does
/// not name is a layout fault anyway), so the bound refuses nothing a layout allows.
///
/// A small state machine over the raw bytes: text, start and end tags (quoted values skipped),
/// comments, CDATA sections, processing instructions and declarations. `<`, `>`, `=`, quotes
/// and `-?]` are ASCII and never part of a multi-byte character in UTF-8 or GB18030, so the
/// bytes need no decoding. It counts lines, for the message.
struct XMLAttributeGuard {
    /// A start tag with too many attributes: its element's name (up to 64 bytes) and the line
    /// its start tag begins on.
    struct Fault: Error, Equatable {
        var element: String
        var line: Int
        var limit: Int
    }

    private enum State { case text, lt, tag, quoted, endTag, bang, bangDash, cdataOpen, comment, cdata, pi, declaration }

    let limit: Int
    private var state = State.text
    private var quote: UInt8 = 0
    /// Attributes of the open start tag; its name; whether the name is still being read.
    private var count = 0
    private var name: [UInt8] = []
    private var inName = false
    private var tagLine = 1
    /// Progress through a multi-byte delimiter (`--`, `[CDATA[`, `-->`, `]]>`, `?>`).
    private var match = 0
    private(set) var line = 1
    private(set) var fault: Fault?

    init(limit: Int = 32) { self.limit = limit }

    /// Looks at the next bytes of the document; returns the fault once one is found (and from
    /// then on).
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Fault? {
        guard fault == nil, let raw = bytes.baseAddress else { return fault }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let n = bytes.count
        var i = 0
        while i < n {
            if state == .text {
                // To the next '<' at once, counting the line breaks on the way.
                let rest = n - i
                let hit = memchr(base + i, 0x3C, rest)
                let stop = hit.map { UnsafeRawPointer($0) - raw } ?? n
                line += Self.lineBreaks(base + i, stop - i)
                i = stop
                if i < n { state = .lt; i += 1 }
                continue
            }
            let c = base[i]
            i += 1
            if c == 0x0A { line += 1 }
            switch state {
            case .text:
                break
            case .lt:
                switch c {
                case 0x2F: state = .endTag  // '/'
                case 0x21: state = .bang  // '!'
                case 0x3F: state = .pi; match = 0  // '?'
                default:
                    state = .tag
                    count = 0
                    name = [c]
                    inName = true
                    tagLine = line
                }
            case .tag:
                if inName {
                    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2F || c == 0x3E {
                        inName = false
                    } else if name.count < 64 {
                        name.append(c)
                    }
                }
                switch c {
                case 0x22, 0x27: state = .quoted; quote = c
                case 0x3D:  // '='
                    count += 1
                    if count > limit {
                        fault = Fault(element: String(decoding: name, as: UTF8.self), line: tagLine, limit: limit)
                        return fault
                    }
                case 0x3E: state = .text
                default: break
                }
            case .quoted:
                if c == quote { state = .tag }
            case .endTag, .declaration:
                if c == 0x3E { state = .text }
            case .bang:
                state = c == 0x2D ? .bangDash : c == 0x5B ? .cdataOpen : .declaration
                match = 1
            case .bangDash:
                state = c == 0x2D ? .comment : .declaration
                match = 0
            case .cdataOpen:
                let open: [UInt8] = Array("[CDATA[".utf8)
                if c == open[match] {
                    match += 1
                    if match == open.count { state = .cdata; match = 0 }
                } else {
                    state = c == 0x3E ? .text : .declaration
                }
            case .comment:
                // "-->" ends it: count the dashes before a '>'.
                if c == 0x2D { match += 1 } else if c == 0x3E && match >= 2 { state = .text } else { match = 0 }
            case .cdata:
                if c == 0x5D { match += 1 } else if c == 0x3E && match >= 2 { state = .text } else { match = 0 }
            case .pi:
                if c == 0x3E && match == 1 { state = .text } else { match = c == 0x3F ? 1 : 0 }
            }
        }
        return nil
    }

    /// The LF bytes in `count` bytes from `start`, eight at a time.
    private static func lineBreaks(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var total = 0
        var i = 0
        while i + 8 <= count {
            let x = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            // A byte of x is zero exactly where the byte was LF: set its high bit, count them.
            let low7 = 0x7F7F_7F7F_7F7F_7F7F as UInt64
            let zero = ~(((x & low7) &+ low7) | x | low7)
            total += zero.nonzeroBitCount
            i += 8
        }
        while i < count {
            if start[i] == 0x0A { total += 1 }
            i += 1
        }
        return total
    }
}
