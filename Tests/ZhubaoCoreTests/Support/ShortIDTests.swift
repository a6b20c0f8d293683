import Testing
@testable import ZhubaoCore

@Suite struct ShortIDTests {
    /// Expectations from `printf '%s' KEY | sha256sum | cut -c1-10`.
    @Test func isTheFirstTenHexDigitsOfTheKeysSHA256() {
        #expect(ShortID.of(key: "E301|GZ105-2026-000017|GZ105-2026-000017-01") == "894f60a36a")
        #expect(ShortID.of(key: "") == "e3b0c44298")
    }

    @Test func recognisesTheForm() {
        #expect(ShortID.looksLikeShortID("894f60a36a"))
        #expect(!ShortID.looksLikeShortID("8D4F2A54A5"))
        #expect(!ShortID.looksLikeShortID("8d4f2a54a"))
        #expect(!ShortID.looksLikeShortID("E301|x|y"))
    }
}
