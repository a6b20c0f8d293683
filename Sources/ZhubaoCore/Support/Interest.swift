/// The one place where interest is computed (rules.md §2, 积数计息).
///
/// interest = accumulated × rate ÷ 360, with `accumulated` the sum of daily balances in fen
/// and `rate` in 0.0001 % units, so the exact value in fen is
/// accumulated × units ÷ (100 × 10 000 × 360). It is rounded half up once, here.
package enum Interest {
    package static let denominator: Int64 = 100 * 10_000 * 360

    /// The exact, unrounded value of accumulated × rate ÷ 360: `whole` fen and
    /// `remainder / Interest.denominator` of a fen, and the sign. `zhubao explain` shows it
    /// beside the rounded result, which is made from it (`rounded`), so the two cannot disagree.
    package struct Exact: Sendable, Equatable {
        package static func == (a: Exact, b: Exact) -> Bool {
            a.product == b.product && (a.whole, a.remainder, a.negative) == (b.whole, b.remainder, b.negative)
        }


        /// accumulated × units, the product 积数 × rate in units of 10⁻⁸ yuan (fen × 0.0001 %),
        /// as the high and low 64 bits of its magnitude.
        package var product: (high: UInt64, low: UInt64)
        package var whole: UInt64
        package var remainder: UInt64
        package var negative: Bool

        /// Rounded half up to the fen; negative values round half away from zero, symmetrically.
        package var rounded: Fen {
            let magnitude = Int64(whole) + (remainder * 2 >= UInt64(Interest.denominator) ? 1 : 0)
            return Fen(negative ? -magnitude : magnitude)
        }
    }

    /// accumulated × rate ÷ 360, exactly.
    package static func exact(accumulated: Fen, rate: Rate) -> Exact {
        let (high, low) = accumulated.value.magnitude.multipliedFullWidth(by: rate.units.magnitude)
        let (quotient, remainder) = UInt64(denominator).dividingFullWidth((high, low))
        return Exact(product: (high, low), whole: quotient, remainder: remainder,
                     negative: (accumulated.value < 0) != (rate.units < 0) && (quotient != 0 || remainder != 0))
    }

    /// Rounds accumulated × rate ÷ 360 half up to the fen. Negative products round half away
    /// from zero, symmetrically.
    package static func of(accumulated: Fen, rate: Rate) -> Fen {
        exact(accumulated: accumulated, rate: rate).rounded
    }
}
