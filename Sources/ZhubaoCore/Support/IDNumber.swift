/// Resident identity numbers (GB 11643-1999), checked as rules.md §1 says.
public enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The spelling zhubao stores: a lower-case `x` means `X` (formats.md "ID numbers").
    public static func normalized(_ text: String) -> String {
        text.hasSuffix("x") ? String(text.dropLast()) + "X" : text
    }

    /// The check character for 17 digits.
    public static func checkCharacter(for first17: some StringProtocol) -> Character? {
        let digits = first17.utf8.map { Int($0) - 48 }
        guard digits.count == 17, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// True when the first 17 characters are digits, characters 7–14 a real date and the
    /// check character right. `x` is accepted for `X`.
    public static func isValid(_ text: String) -> Bool {
        let id = normalized(text)
        guard id.utf8.count == 18, id.count == 18 else { return false }
        let first17 = id.prefix(17)
        guard let expected = checkCharacter(for: first17), id.last == expected else { return false }
        return Day(compact: id.dropFirst(6).prefix(8)) != nil
    }

    /// The birth date the number encodes, when it is a real date.
    public static func birthDate(_ text: String) -> Day? {
        guard text.utf8.count == 18 else { return nil }
        return Day(compact: text.dropFirst(6).prefix(8))
    }
}
