/// An annual interest rate in units of 0.0001 % (formats.md "Rates"): `3.4500` is 34500.
/// Integer arithmetic with `Fen` stays exact (rules.md §2).
package struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var units: Int64

    package init(units: Int64) { self.units = units }

    /// Parses annual percent with up to four decimals (`3.45`, `3.4500`, `4`).
    package init?(percent text: some StringProtocol) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 3,
              whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var units = Int64(whole)! * 10_000
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 4,
                  fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            var scaled = Int64(fraction)!
            for _ in fraction.count..<4 { scaled *= 10 }
            units += scaled
        }
        self.units = units
    }

    /// Percent with four decimals, as in the claim files (`3.0000`).
    package var percent: String {
        let fraction = units % 10_000
        let padded = String(fraction)
        return "\(units / 10_000)." + String(repeating: "0", count: 4 - padded.count) + padded
    }

    package var description: String { percent }
    package static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.units < rhs.units }
}
