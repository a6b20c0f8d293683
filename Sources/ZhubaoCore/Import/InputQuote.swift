/// How a reason quotes what an input file holds: masked like personal data (formats.md,
/// outputs.md "masking of quoted input"), with the layout's own words left readable. Every
/// importer quotes input through here and nowhere else; no reason quotes a whole raw line.
enum InputQuote {
    /// The Chinese words of the layouts, which a reason may show as they are: the hardship
    /// list's column names, categories and end reasons.
    static let vocabulary: Set<String> = {
        var words = Set(HardshipImporter.header)
        for (_, categories) in HardshipImporter.categories { words.formUnion(categories.keys) }
        words.formUnion(HardshipImporter.endReasons)
        return words
    }()

    /// `text` masked (see `Masking.inputText`), its control characters written `\x0D`, so that
    /// a quote cannot break a reason's line or forge another.
    static func text(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in Masking.inputText(String(text), keeping: vocabulary).unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `“text”`, masked.
    static func quoted(_ text: some StringProtocol) -> String {
        "“" + self.text(text) + "”"
    }
}
