import Testing
@testable import ZhubaoCore

@Suite struct IDNumberTests {
    // Check characters computed by hand with the weights of rules.md §1, e.g. for
    // 36070219670315003: 3·7+6·9+0·10+7·5+0·8+2·4+1·2+9·1+6·6+7·3+0·7+3·9+1·10+5·5+0·8+0·4+3·2
    // = 21+54+0+35+0+8+2+9+36+21+0+27+10+25+0+0+6 = 254; 254 mod 11 = 1 → '0'.
    @Test func acceptsTheSpecificationsNumbers() {
        #expect(IDNumber.isValid("360702196703150030"))
        #expect(IDNumber.isValid("360731196908221041"))
        #expect(IDNumber.isValid("360721196601072026"))
    }

    @Test func acceptsLowerCaseX() {
        // 11010519491231002: sum = 167, 167 mod 11 = 2 → 'X'.
        #expect(IDNumber.isValid("11010519491231002X"))
        #expect(IDNumber.isValid("11010519491231002x"))
        #expect(IDNumber.normalized("11010519491231002x") == "11010519491231002X")
    }

    @Test(arguments: [
        "360702196703150031",  // wrong check character
        "36070219670315003",   // 17 characters
        "3607021967031500300", // 19 characters
        "360702196702300033",  // 30 February (check character right for the digits: sum 240, mod 11 = 9 → 3)
        "36070219670315003Y",
        "3607021967031500３0", // a full-width digit
        "36070219670315003x",  // a lower-case x where the check character is 0
        "3607021967031500A0",  // a letter among the digits
        "x60702196703150030",  // x anywhere but last
        "",
    ])
    func refusesInvalidNumbers(_ id: String) {
        #expect(!IDNumber.isValid(id))
    }

    @Test func checkCharacterOfImpossibleDateIsStillComputed() {
        // The date check is separate from the check character.
        #expect(IDNumber.checkCharacter(for: "36070219670230003") == "3")
    }
}
