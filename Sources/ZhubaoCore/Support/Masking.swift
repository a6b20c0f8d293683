/// Masking of personal data in human-readable outputs (outputs.md "Human-readable outputs").
public enum Masking {
    /// First 6 and last 4 characters: `360702********0031`.
    public static func idNumber(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// The last 4 characters: `***************4567`.
    public static func account(_ account: String) -> String {
        let chars = Array(account)
        guard chars.count > 4 else { return String(repeating: "*", count: chars.count) }
        return String(repeating: "*", count: chars.count - 4) + String(chars.suffix(4))
    }

    /// Family name and last character: `刘*国`; a two-character name as `刘*`.
    public static func name(_ name: String) -> String {
        let chars = Array(name)
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }
}
