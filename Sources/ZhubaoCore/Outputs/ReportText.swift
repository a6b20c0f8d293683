import Foundation

/// Text helpers shared by the human-readable outputs.
package enum ReportText {
    /// Whether the text holds 18 or more ASCII digits, X or x in a row.
    static func hasRun18(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || byte == 0x58 || byte == 0x78 {
                run += 1
                if run >= 18 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// Masks personal data that a free text might carry: the subject's own ID number, and any
    /// other 18-character token that is a valid ID number (GB 11643-1999).
    package static func scrub(_ text: String, id: String?) -> String {
        var out = text
        if let id, id.count >= 6, out.contains(id) {
            out = out.replacingOccurrences(of: id, with: Masking.idNumber(id))
        }
        // Only a run of 18 ASCII digits or X's can be masked below: without one in the bytes
        // (a run of characters is never longer than its run of bytes), the text stays as it is.
        guard out.utf8.count >= 18, hasRun18(out) else { return out }
        var result = "", run = ""
        func flush() {
            result += run.count == 18 && IDNumber.isValid(run) ? Masking.idNumber(run) : run
            run = ""
        }
        for ch in out {
            if ch.isASCII, ch.isNumber || ch == "X" || ch == "x" {
                run.append(ch)
            } else if ch.isASCII, ch.isLetter {
                // Part of a longer identifier (contract numbers, file names): not an ID number.
                result += run
                run = ""
                result.append(ch)
            } else {
                flush()
                result.append(ch)
            }
        }
        flush()
        return result
    }

    /// A reader's reason reads `FILE:LINE: amount: 金额…`: the field's name (English, from the
    /// file contract) before the Chinese sentence. For people it is put after the sentence, as the
    /// technical detail: `FILE:LINE: 金额…（字段 amount）`. Lines of another form are left as they are.
    package static func fieldAfter(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let parts = line.components(separatedBy: ": ")
            guard parts.count >= 3, parts[0].contains(":"),
                  let first = parts[1].unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
                  parts[1].unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }),
                  let lead = parts[2].unicodeScalars.first, !lead.isASCII
            else { return String(line) }
            return parts[0] + ": " + parts[2...].joined(separator: ": ") + "（字段 \(parts[1])）"
        }.joined(separator: "\n")
    }

    /// Yuan with thousands separators for reading: `3,125,304.00`.
    package static func money(_ fen: Fen) -> String {
        let plain = fen.yuan
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let whole = Array(digits.prefix(while: { $0 != "." }))
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (negative ? "-" : "") + grouped + String(digits.dropFirst(whole.count))
    }
}
