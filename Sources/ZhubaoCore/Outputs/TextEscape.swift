/// The one loop behind the JSON, XML and HTML writers' escaping.
enum TextEscape {
    /// `text` with each scalar `replace` returns a string for replaced by it ("" drops it);
    /// the scalars it returns nil for are kept.
    static func map(_ text: String, _ replace: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = replace(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
