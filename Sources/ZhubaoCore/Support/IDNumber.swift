/// Resident identity numbers (GB 11643-1999), checked as rules.md §1 says.
package enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The spelling zhubao stores: a lower-case `x` means `X` (formats.md "ID numbers").
    package static func normalized(_ text: String) -> String {
        text.hasSuffix("x") ? String(text.dropLast()) + "X" : text
    }

    /// The check character for 17 digits.
    package static func checkCharacter(for first17: some StringProtocol) -> Character? {
        var bytes = Array(first17.utf8)
        guard bytes.count == 17 else { return nil }
        return bytes.withUnsafeMutableBufferPointer { checkByte(for: UnsafeBufferPointer($0)) }.map { Character(Unicode.Scalar($0)) }
    }

    /// The check character's byte for 17 ASCII digits, or nil when one is not a digit.
    static func checkByte(for digits: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var sum = 0
        for i in 0..<17 {
            let d = Int(digits[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            sum += d * weights[i]
        }
        return checkBytes[sum % 11]
    }

    static let checkBytes: [UInt8] = Array("10X98765432".utf8)

    /// True when the first 17 characters are digits, characters 7–14 a real date and the
    /// check character right. `x` is accepted for `X`.
    package static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid(bytes: $0) }
    }

    /// Why a normalized ID number is invalid (E003, rules.md §1): the one wording, used by the
    /// import's warning and by the loader's finding.
    package static func invalidReason(_ text: String) -> String {
        text.isEmpty ? "身份证号为空" : "身份证号校验不通过（GB 11643-1999）"
    }

    /// `isValid` on UTF-8 bytes.
    static func isValid(bytes u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count == 18, let expected = checkByte(for: UnsafeBufferPointer(rebasing: u[0..<17])) else { return false }
        let last = u[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : u[17]
        guard last == expected else { return false }
        return Day(compactBytes: UnsafeBufferPointer(rebasing: u[6..<14])) != nil
    }

    /// The birth date the number encodes, when it is a real date.
    package static func birthDate(_ text: String) -> Day? {
        guard text.utf8.count == 18 else { return nil }
        return Day(compact: text.dropFirst(6).prefix(8))
    }
}
