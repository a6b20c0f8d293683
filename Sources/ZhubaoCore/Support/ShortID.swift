import Crypto

/// The short id of an exception (outputs.md "exceptions ack", outbound.md FDBK): the first 10
/// hex digits of the SHA-256 of its key. Shown in every report and listing; `exceptions ack`
/// takes it in place of the key, which holds `|` and ID numbers.
package enum ShortID {
    package static let length = 10

    package static func of(key: String) -> String {
        let digest = SHA256.hash(data: Array(key.utf8))
        var hex = ""
        hex.reserveCapacity(length)
        for byte in digest.prefix(length / 2) {
            hex += String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
        }
        return hex
    }

    /// Whether `text` has the form of a short id (10 lower-case hex digits).
    package static func looksLikeShortID(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension Finding {
    /// outputs.md: the first 10 hex digits of the SHA-256 of `key`.
    package var shortID: String { ShortID.of(key: key) }
}
