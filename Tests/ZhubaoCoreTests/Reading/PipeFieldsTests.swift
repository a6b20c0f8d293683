import Testing
import ZhubaoSystem

/// `PipeFields.split` gives what `split(separator: "|")` over `Character`s gives, on lines where
/// a `|` joins its neighbours into one `Character` too (then it separates nothing).
@Suite struct PipeFieldsTests {
    static func characterSplit(_ text: String) -> [String] {
        text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: [
        "", "|", "||", "D|1|2", "D|张三|360702196703150030|", "|前|", "a|\u{301}b|c",  // a combining accent after |
        "a\u{600}|b|c", "a|\u{200D}b", "a|\u{FE0F}|b", "\u{1F1E8}|\u{1F1F3}", "é|è|\u{0915}\u{094D}|\u{0937}",
        "x|\u{903}y|z", "\r|\n", "a\u{0915}\u{094D}|b", "𠮷|赖*𠮷|\u{E0100}|",
    ])
    func splitsAsCharactersDo(_ line: String) {
        #expect(PipeFields.split(line) == Self.characterSplit(line))
    }

    /// Every pair of scalars from a sample of each kind around a `|`.
    @Test func splitsEveryNeighbourPairAsCharactersDo() {
        let scalars: [Unicode.Scalar] = ["a", "\r", "\n", "\u{301}", "\u{600}", "\u{200D}", "\u{903}", "\u{FE0F}",
                                         "\u{1F1E8}", "\u{0915}", "\u{094D}", "\u{1100}", "\u{AC00}", "张", "\u{1F600}"]
        for a in scalars {
            for b in scalars {
                var line = "D"
                line.unicodeScalars.append(contentsOf: [a, "|", b, "|", a, b])
                #expect(PipeFields.split(line) == Self.characterSplit(line), "\(line.unicodeScalars.map(\.value))")
            }
        }
    }
}
