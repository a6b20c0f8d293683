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

    /// `text` masked: see `Masking.inputText`.
    static func text(_ text: some StringProtocol) -> String {
        Masking.inputText(String(text), keeping: vocabulary)
    }

    /// `“text”`, masked.
    static func quoted(_ text: some StringProtocol) -> String {
        "“" + self.text(text) + "”"
    }
}
