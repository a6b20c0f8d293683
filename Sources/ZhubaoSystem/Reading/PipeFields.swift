/// The `|`-separated fields of a bank file's line, as `text.split(separator: "|",
/// omittingEmptySubsequences: false)` gives them, found over the UTF-8 bytes instead of
/// `Character`s (the Character split was most of the time of reading a bank file).
///
/// The same splits: a `|` byte separates exactly when it is a `Character` of its own. Whether it
/// is depends only on its neighbours (Unicode's grapheme rules keep `|` with a following
/// Extend, ZWJ or SpacingMark and with a preceding Prepend, nothing more), and an ASCII
/// neighbour never joins it; a non-ASCII neighbour is asked of Swift's own `Character` breaking.
package enum PipeFields {
    package static func split(_ text: String) -> [String] {
        var text = text
        let fields: [String]? = text.withUTF8 { bytes in
            var fields: [String] = []
            var start = 0
            for i in bytes.indices where bytes[i] == UInt8(ascii: "|") {
                guard standsAlone(bytes, at: i) else { return nil }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return fields
        }
        return fields ?? text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether the `|` at `i` is a grapheme cluster by itself.
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        if i > 0 && bytes[i - 1] >= 0x80 {
            var start = i - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }  // back to the scalar's lead byte
            if !breaks(bytes, start..<i, i..<i + 1) { return false }
        }
        if i + 1 < bytes.count && bytes[i + 1] >= 0x80 {
            var end = i + 2
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            if !breaks(bytes, i..<i + 1, i + 1..<end) { return false }
        }
        return true
    }

    /// Whether Swift's `Character` breaking puts a boundary between the two scalars.
    private static func breaks(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>) -> Bool {
        let pair = String(decoding: UnsafeBufferPointer(rebasing: bytes[first]), as: UTF8.self)
            + String(decoding: UnsafeBufferPointer(rebasing: bytes[second]), as: UTF8.self)
        return pair.count == 2
    }
}
