import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct SafeNameTests {
    @Test func plainNamesShowAsTheyAre() {
        #expect(SafeName.display(Array("B105_DISB_360700_20260115_001.txt".utf8)) == "B105_DISB_360700_20260115_001.txt")
        #expect(SafeName.display(Array("赣州 回执.xml".utf8)) == "赣州 回执.xml")
        #expect(SafeName.isKept(Array("赣州 回执.xml".utf8)))
    }

    @Test func controlCharactersAndBadBytesAreEscaped() {
        #expect(SafeName.display([0x61, 0x0A, 0x62]) == "a\\x0Ab")
        #expect(SafeName.display([0x61, 0x1B, 0x7F]) == "a\\x1B\\x7F")
        #expect(SafeName.display([0xB2, 0xE2, 0x2E, 0x63]) == "\\xB2\\xE2.c")                     // GBK, not UTF-8
        #expect(SafeName.display([0xC2, 0x85]) == "\\xC2\\x85")                                  // U+0085, a C1 control
        #expect(SafeName.display(Array("a\u{202E}b".utf8)) == "a\\xE2\\x80\\xAEb")               // bidi override
        #expect(SafeName.display([0xC0, 0xAF]) == "\\xC0\\xAF")                                  // overlong '/'
        #expect(SafeName.display([0xED, 0xA0, 0x80]) == "\\xED\\xA0\\x80")                       // a surrogate
        #expect(!SafeName.isKept([0x61, 0x0A]))
    }

    @Test func aBackslashIsDoubledSoThatNoTwoNamesShowAlike() {
        #expect(SafeName.display(Array("a\\x0Ab".utf8)) == "a\\\\x0Ab")
        #expect(SafeName.display(Array("a\\x0Ab".utf8)) != SafeName.display([0x61, 0x0A, 0x62]))
        #expect(!SafeName.isKept(Array("a\\b".utf8)))
    }

    @Test func longNamesAreNotKept() {
        #expect(SafeName.isKept([UInt8](repeating: 0x61, count: 128)))
        #expect(!SafeName.isKept([UInt8](repeating: 0x61, count: 129)))
    }

    @Test func temporariesAreKnownByTheirPID() {
        #expect(FileModes.temporaryOwner(".summary.json.4242.tmp") == 4242)
        #expect(FileModes.temporaryOwner(".a.b.c.17.tmp") == 17)
        #expect(FileModes.temporaryOwner("summary.json.4242.tmp") == nil)   // not hidden: a sender's or an operator's
        #expect(FileModes.temporaryOwner(".x.tmp") == nil)
        #expect(FileModes.temporaryOwner(".x.abc.tmp") == nil)
    }
}
