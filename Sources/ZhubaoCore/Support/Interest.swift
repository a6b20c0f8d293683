/// The one place where interest is computed (rules.md §2, 积数计息).
///
/// interest = accumulated × rate ÷ 360, with `accumulated` the sum of daily balances in fen
/// and `rate` in 0.0001 % units, so the exact value in fen is
/// accumulated × units ÷ (100 × 10 000 × 360). It is rounded half up once, here.
public enum Interest {
    public static let denominator: Int64 = 100 * 10_000 * 360

    /// Rounds accumulated × rate ÷ 360 half up to the fen. Negative products round half away
    /// from zero, symmetrically.
    public static func of(accumulated: Fen, rate: Rate) -> Fen {
        let (high, low) = accumulated.value.magnitude.multipliedFullWidth(by: rate.units.magnitude)
        let (quotient, remainder) = UInt64(denominator).dividingFullWidth((high, low))
        let rounded = Int64(quotient) + (remainder * 2 >= UInt64(denominator) ? 1 : 0)
        let negative = (accumulated.value < 0) != (rate.units < 0)
        return Fen(negative ? -rounded : rounded)
    }
}
