/// A file name as zhubao shows it: in logs, the registry, reason files and reports. The one
/// place control characters and bytes that are not UTF-8 are escaped (outputs.md: "a file name
/// is logged with its control characters escaped").
///
/// Escaped as `\xNN` (each byte): bytes that are not valid UTF-8, C0 and C1 control characters,
/// DEL, the line and paragraph separators and the bidirectional formatting characters (which
/// can make a name read differently from what it is). A backslash is written `\\`, so that two
/// different names never show the same.
package enum SafeName {
    /// The longest name kept as is in `quarantine/`: with `.reason.txt`, a conflict's
    /// `.<12 hex>` and AtomicFile's `.NAME.PID.tmp` it stays far below the 255 bytes a file
    /// system allows.
    package static let longestKept = 128

    package static func display(_ raw: [UInt8]) -> String {
        if raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C }) { return String(decoding: raw, as: UTF8.self) }
        var out = ""
        var i = 0
        while i < raw.count {
            guard let (scalar, length) = decode(raw, at: i) else {
                out += hex(raw[i])
                i += 1
                continue
            }
            if scalar == "\\" {
                out += "\\\\"
            } else if isEscaped(scalar) {
                for byte in raw[i..<i + length] { out += hex(byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
            i += length
        }
        return out
    }

    package static func display(_ name: String) -> String { display(Array(name.utf8)) }

    /// Whether a name can be used as it is for files in `quarantine/`: valid UTF-8, nothing to
    /// escape, not too long.
    package static func isKept(_ raw: [UInt8]) -> Bool {
        raw.count <= longestKept && display(raw) == String(decoding: raw, as: UTF8.self) && !raw.contains(0x5C)
    }

    static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    /// One UTF-8 scalar at `i` (strict: no overlong forms, no surrogates), and its length.
    private static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch b0 {
        case 0..<0x80: return (Unicode.Scalar(b0), 1)
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(b0 & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(b0 & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(b0 & 0x07))
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for byte in bytes[i + 1..<i + length] {
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
