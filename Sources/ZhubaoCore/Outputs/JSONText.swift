/// A small JSON writer with a fixed field order, so that the same values always give the same
/// bytes (outputs.md: same inputs, same bytes).
package struct JSONObject {
    private var parts: [String] = []

    package init() {}

    package mutating func add(_ key: String, _ value: String?) {
        parts.append("\(JSONText.quote(key)):\(value.map(JSONText.quote) ?? "null")")
    }

    package mutating func add(_ key: String, _ value: Int?) {
        parts.append("\(JSONText.quote(key)):\(value.map(String.init) ?? "null")")
    }

    package mutating func add(_ key: String, raw json: String) {
        parts.append("\(JSONText.quote(key)):\(json)")
    }

    package var text: String { "{" + parts.joined(separator: ",") + "}" }
}

package enum JSONText {
    /// A JSON string literal; non-ASCII characters are kept as UTF-8 (readable Chinese).
    package static func quote(_ text: String) -> String {
        "\"" + TextEscape.map(text) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: return nil
            }
        } + "\""
    }

    /// An object of string → integer counts, keys sorted.
    package static func counts(_ counts: [String: Int]) -> String {
        "{" + counts.keys.sorted().map { "\(quote($0)):\(counts[$0]!)" }.joined(separator: ",") + "}"
    }

    /// An array of strings.
    package static func array(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ",") + "]"
    }

    /// An object of string → counts objects (`{"B105":{"ELIG":1,"FDBK":2}}`), keys sorted.
    package static func nestedCounts(_ counts: [String: [String: Int]]) -> String {
        "{" + counts.keys.sorted().map { "\(quote($0)):\(Self.counts(counts[$0]!))" }.joined(separator: ",") + "}"
    }
}
