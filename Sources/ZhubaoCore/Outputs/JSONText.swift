/// A small JSON writer with a fixed field order, so that the same values always give the same
/// bytes (outputs.md: same inputs, same bytes).
public struct JSONObject {
    private var parts: [String] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        parts.append("\(JSONText.quote(key)):\(value.map(JSONText.quote) ?? "null")")
    }

    public mutating func add(_ key: String, _ value: Int?) {
        parts.append("\(JSONText.quote(key)):\(value.map(String.init) ?? "null")")
    }

    public mutating func add(_ key: String, raw json: String) {
        parts.append("\(JSONText.quote(key)):\(json)")
    }

    public var text: String { "{" + parts.joined(separator: ",") + "}" }
}

public enum JSONText {
    /// A JSON string literal; non-ASCII characters are kept as UTF-8 (readable Chinese).
    public static func quote(_ text: String) -> String {
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
    public static func counts(_ counts: [String: Int]) -> String {
        "{" + counts.keys.sorted().map { "\(quote($0)):\(counts[$0]!)" }.joined(separator: ",") + "}"
    }

    /// An array of strings.
    public static func array(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ",") + "]"
    }

    /// An object of string → counts objects (`{"B105":{"ELIG":1,"FDBK":2}}`), keys sorted.
    public static func nestedCounts(_ counts: [String: [String: Int]]) -> String {
        "{" + counts.keys.sorted().map { "\(quote($0)):\(Self.counts(counts[$0]!))" }.joined(separator: ",") + "}"
    }
}
