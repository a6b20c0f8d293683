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
/// bytes need no decoding. It counts lines, for the message: a chunk's line breaks at once
/// when the chunk is done, and up to a tag's start only when the tag is refused (or still open
/// at the chunk's end), so that the byte loops look for their delimiter alone.
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
    /// The name, when it began in an earlier chunk (within the current one it is only pointed
    /// at: `nameStart`..<`nameEnd`, so that a tag costs no copy).
    private var name: [UInt8] = []
    private var inName = false
    private var nameStart = -1
    private var nameEnd = -1
    /// The line the open start tag begins on, once known; else `tagEnd`, the position in the
    /// current chunk just past the byte after its `<`, whose line breaks before it say.
    private var tagLine = 1
    private var tagEnd = -1
    /// Progress through a multi-byte delimiter (`--`, `[CDATA[`, `-->`, `]]>`, `?>`).
    private var match = 0
    /// The line the current chunk begins on.
    private var line = 1
    private(set) var fault: Fault?

    init(limit: Int = 32) {
        self.limit = limit
        name.reserveCapacity(64)
    }

    /// Looks at the next bytes of the document; returns the fault once one is found (and from
    /// then on).
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Fault? {
        guard fault == nil, let raw = bytes.baseAddress else { return fault }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let n = bytes.count
        var i = 0
        while i < n {
            if state == .text || state == .endTag || state == .quoted {
                // To the next '<', the end tag's '>' or the closing quote: a tight loop, the
                // spans being short (a leaf's text, a name, a value).
                let stop: UInt8 = state == .text ? 0x3C : state == .endTag ? 0x3E : quote
                var j = i
                while j < n, base[j] != stop { j += 1 }
                i = j
                if j < n {
                    state = state == .text ? .lt : state == .endTag ? .text : .tag
                    i += 1
                }
                continue
            }
            if state == .tag && inName {
                // The element's name, at once (its first 64 bytes kept for the message).
                var j = i
                while j < n, !Self.endsName(base[j]) { j += 1 }
                if nameStart >= 0 {
                    nameEnd = j
                } else {
                    let take = min(j - i, 64 - name.count)
                    if take > 0 { name.append(contentsOf: UnsafeBufferPointer(start: base + i, count: take)) }
                }
                i = j
                if j < n { inName = false }
                continue
            }
            let c = base[i]
            i += 1
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
                    tagEnd = i
                    inName = !Self.endsName(c)
                    nameStart = i - 1
                    nameEnd = inName ? i : i - 1
                    if !inName, c == 0x3E { state = .text }
                }
            case .tag:
                switch c {
                case 0x22, 0x27: state = .quoted; quote = c
                case 0x3D:  // '='
                    count += 1
                    if count > limit {
                        keepName(base, n)
                        if tagEnd >= 0 { tagLine = line + Self.lineBreaks(base, tagEnd) }
                        fault = Fault(element: String(decoding: name, as: UTF8.self), line: tagLine, limit: limit)
                        return fault
                    }
                case 0x3E: state = .text
                default: break
                }
            case .quoted, .endTag:
                break  // handled above
            case .declaration:
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
        // A tag still open at the chunk's end: its name and line go with it.
        if state == .tag || state == .quoted {
            keepName(base, n)
            if tagEnd >= 0 { tagLine = line + Self.lineBreaks(base, tagEnd) }
        }
        tagEnd = -1
        nameStart = -1
        line += Self.lineBreaks(base, n)
        return nil
    }

    /// The line breaks among the first `count` bytes, found with `memchr` (vectorised in the C
    /// library; a byte loop in Swift was not vectorised: it cost as much as the scan itself).
    static func lineBreaks(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var breaks = 0
        var at = base
        let end = base + count
        while at < end, let hit = memchr(at, 0x0A, end - at) {
            breaks += 1
            at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return breaks
    }

    /// Copies the open tag's name out of the chunk (its first 64 bytes), if it is there.
    private mutating func keepName(_ base: UnsafePointer<UInt8>, _ n: Int) {
        guard nameStart >= 0 else { return }
        let end = inName ? n : nameEnd
        name.removeAll(keepingCapacity: true)
        name.append(contentsOf: UnsafeBufferPointer(start: base + nameStart, count: min(end - nameStart, 64)))
        nameStart = -1
    }

    /// Whitespace, `/` or `>`: what ends an element's name in a start tag.
    private static func endsName(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2F || c == 0x3E
    }
}
