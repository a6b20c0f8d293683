/// An amount of money in fen (1/100 yuan). Money never passes through floating point
/// (formats.md "Amounts"): it is parsed from text digit by digit and kept as an integer.
package struct Fen: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var value: Int64

    package init(_ value: Int64) { self.value = value }

    package static let zero = Fen(0)
    /// formats.md: at most 99999999.99 in absolute value.
    package static let maxAbsolute: Int64 = 9_999_999_999
    /// formats.md: a file's control total may reach 99999999999999.99 (14 integer digits).
    package static let maxTotal: Int64 = 9_999_999_999_999_999

    /// Parses yuan text with exactly two decimals (`4800.00`, `-4800.00`).
    /// Returns nil for anything else: no exponent, no thousands separator, no plus sign.
    package init?(yuan text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Fen(yuanBytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Fen(yuanBytes: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// A control total (`Header/TotalAmount`, a trailer's total): like `init(yuan:)`, up to
    /// `99999999999999.99` in absolute value.
    package init?(total text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Fen(yuanBytes: $0, limit: Fen.maxTotal) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Fen(yuanBytes: $0, limit: Fen.maxTotal) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// `init(yuan:)` on UTF-8 bytes; `limit` is the largest magnitude in fen.
    init?(yuanBytes bytes: UnsafeBufferPointer<UInt8>, limit: Int64 = Fen.maxAbsolute) {
        let negative = bytes.first == UInt8(ascii: "-")
        let u = UnsafeBufferPointer(rebasing: bytes[(negative ? 1 : 0)...])
        guard u.count >= 4, u[u.count - 3] == UInt8(ascii: ".") else { return nil }
        var total: Int64 = 0
        for (index, byte) in u.enumerated() where index != u.count - 3 {
            guard byte >= 48, byte <= 57 else { return nil }
            total = total * 10 + Int64(byte - 48)
            if total > limit { return nil }
        }
        // "-0.00" is a valid spelling of zero; a leading zero run ("007.00") is refused.
        if u.count > 4, u[0] == UInt8(ascii: "0") { return nil }
        self.value = negative ? -total : total
    }

    /// Yuan with two decimals, the spelling the input files use.
    package var yuan: String {
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        let text = "\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        return value < 0 ? "-" + text : text
    }

    package var description: String { yuan }

    package static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }
    package static func + (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value + rhs.value) }
    package static func - (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value - rhs.value) }
    package static func += (lhs: inout Fen, rhs: Fen) { lhs.value += rhs.value }
    package static func -= (lhs: inout Fen, rhs: Fen) { lhs.value -= rhs.value }
    package static prefix func - (operand: Fen) -> Fen { Fen(-operand.value) }
}
