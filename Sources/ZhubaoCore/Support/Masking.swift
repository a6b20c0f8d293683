/// Masking of personal data in human-readable outputs (outputs.md "Human-readable outputs").
package enum Masking {
    /// First 6 and last 4 characters: `360702********0031`.
    package static func idNumber(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// The last 4 characters: `***************4567`.
    package static func account(_ account: String) -> String {
        let chars = Array(account)
        guard chars.count > 4 else { return String(repeating: "*", count: chars.count) }
        return String(repeating: "*", count: chars.count - 4) + String(chars.suffix(4))
    }

    /// Family name and last character: `刘*国`; a two-character name as `刘*`.
    package static func name(_ name: String) -> String {
        let chars = Array(name)
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }
}

extension Masking {
    /// Text taken from an input file into a human-readable reason (a field's value, a line, a
    /// libxml2 message quoting a value), masked as personal data may be in it, whatever field
    /// it came from (outputs.md "Human-readable outputs"): a run of 9 or more digits (an ID
    /// number's check character `X`/`x` included) like an ID number when it has 15 or more
    /// characters and like an account otherwise; a run of Chinese characters (with `·`) like a
    /// name, unless it is one of `vocabulary` (the layout's own words: column names,
    /// categories). Everything else — short numbers, dates, codes, punctuation — stays as sent.
    package static func inputText(_ text: String, keeping vocabulary: Set<String> = []) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.unicodeScalars.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let start = i
            if isDigit(scalars[i]) {
                while i < scalars.count, isDigit(scalars[i]) { i += 1 }
                if i < scalars.count, scalars[i] == "X" || scalars[i] == "x" { i += 1 }
                let run = String(String.UnicodeScalarView(scalars[start..<i]))
                out += run.count < 9 ? run : run.count >= 15 ? idNumber(run) : account(run)
            } else if isHan(scalars[i]) {
                while i < scalars.count, isHan(scalars[i]) { i += 1 }
                let run = String(String.UnicodeScalarView(scalars[start..<i]))
                out += vocabulary.contains(run) ? run : name(run)
            } else {
                out.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        return out
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// CJK ideographs (the unified blocks, their extensions and compatibility forms) and the
    /// middle dot of transliterated names (`买买提·艾力`).
    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x00B7, 0x30FB: true
        default: false
        }
    }
}
