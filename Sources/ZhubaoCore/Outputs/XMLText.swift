/// Text for the XML that zhubao writes (the claim for the finance bureau, SpreadsheetML parts).
package enum XMLText {
    /// XML character data: markup escaped, CR kept as a reference (a parser would turn a raw CR
    /// into LF), characters that XML 1.0 forbids dropped.
    package static func escape(_ text: String) -> String {
        escapeMarkup(text) { scalar in
            switch scalar {
            case "\r": return "&#13;"
            case "\t", "\n": return nil
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: return ""
            default: return nil
            }
        }
    }

    /// `&`, `<`, `>` and `"` as references; every other scalar as `other` says: its replacement,
    /// "" to drop it, nil to keep it. Shared by the XML and the HTML writers.
    static func escapeMarkup(_ text: String, other: (Unicode.Scalar) -> String?) -> String {
        TextEscape.map(text) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            default: return other(scalar)
            }
        }
    }
}
