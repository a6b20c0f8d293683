/// formats.md "Layout": a NUL or other control character (below U+0020, except the line
/// endings and, in XML, tab) inside a field is a layout fault. The one check of bank files and
/// CSV, on both the ordinary and the quick paths (XML's are refused by libxml2 itself: XML 1.0
/// allows none of them but tab, CR and LF, not even as `&#1;`).
package enum ControlCharacters {
    /// The index of the first byte below 0x20 in `bytes`, LF excepted when `allowingLF` (a
    /// quoted CSV field spanning lines holds one); nil when there is none. Eight bytes at a time.
    package static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, allowingLF: Bool = false) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            // The test is nonzero exactly when some byte of the word is below 0x20.
            i = WordScan.skip(base, from: i, count: n) { ($0 &- 0x2020_2020_2020_2020) & ~$0 & WordScan.highBits == 0 }
            let stop = min(i + 8, n)
            while i < stop {
                if base[i] < 0x20, !(allowingLF && base[i] == 0x0A) { return i }
                i += 1
            }
        }
        return nil
    }

    /// `firstIndex` over a string's UTF-8.
    package static func firstIndex(in text: String, allowingLF: Bool = false) -> Int? {
        var text = text
        return text.withUTF8 { firstIndex(in: $0, allowingLF: allowingLF) }
    }

    /// The fault of a field holding `byte`: `U+0000（NUL）`.
    package static func message(_ byte: UInt8) -> String {
        let names: [UInt8: String] = [0x00: "NUL", 0x09: "制表符 TAB", 0x0D: "回车 CR", 0x1A: "SUB", 0x1B: "ESC"]
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "U+00" + (hex.count == 1 ? "0" : "") + hex
        return "字段中有控制字符，拒收：字段不得含 NUL 或其他 U+0020 以下的控制字符（\(code)\(names[byte].map { " " + $0 } ?? "")）"
    }

    /// Adds a diagnostic for each of `values` (named by `names`) that holds a control character.
    package static func check(_ values: [String], names: (Int) -> String, allowingLF: Bool = false,
                      at location: Location, into diagnostics: inout DiagnosticBag) {
        for (k, value) in values.enumerated() {
            guard let index = firstIndex(in: value, allowingLF: allowingLF) else { continue }
            let byte = value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: index)]
            diagnostics.append(.error(message(byte), at: location.field(names(k))))
        }
    }
}
