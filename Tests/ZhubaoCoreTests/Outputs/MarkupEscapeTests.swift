import Testing
@testable import ZhubaoCore

/// The XML and HTML writers share one escaping loop and differ in what they do with the rest.
@Suite struct MarkupEscapeTests {
    @Test func xmlKeepsTabsAndLineFeedsWritesCRAsAReferenceAndDropsWhatXMLForbids() {
        #expect(XMLText.escape("a&b<c>\"d'e\r\n\t\u{1}\u{FFFE}钟淑堃") == "a&amp;b&lt;c&gt;&quot;d'e&#13;\n\t钟淑堃")
    }

    @Test func htmlAlsoEscapesApostrophesAndDropsCRAndC1Controls() {
        #expect(HTMLText.escape("a&b<c>\"d'e\r\n\t\u{1}\u{85}\u{7F}𠮷") == "a&amp;b&lt;c&gt;&quot;d&#39;e\n\t𠮷")
    }
}
