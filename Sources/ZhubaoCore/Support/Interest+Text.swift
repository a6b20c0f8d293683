/// The exact values of `Interest.Exact` written out in decimal, for the account of a subsidy an
/// auditor checks by hand (`zhubao explain`, claims.html). Integer arithmetic only.
extension Interest.Exact {
    /// 积数 × rate in yuan, exactly (at most 8 decimals, trailing zeros after the second dropped):
    /// `63420.00`, `93759.12`, `7201.8015`.
    package var productYuan: String {
        // The product is in units of 10⁻⁸ yuan; beyond 10⁸ × 2⁶⁴ of them it is not shown.
        let scale: UInt64 = 100_000_000
        guard product.high < scale else { return "—" }
        let (yuan, fraction) = scale.dividingFullWidth((product.high, product.low))
        var digits = String(fraction)
        digits = String(repeating: "0", count: 8 - digits.count) + digits
        while digits.count > 2, digits.hasSuffix("0") { digits.removeLast() }
        return (negative ? "-" : "") + "\(yuan).\(digits)"
    }

    /// The unrounded value in yuan, exactly: the decimals that end (`20.005`), or those before
    /// the repeating ones and the repeating ones (`176.1`, `6`: 176.1666…). Every value has one
    /// of these forms: the denominator is 360 × 10⁶ fen.
    package var decimalYuan: (digits: String, repeating: String) {
        let denominator = UInt64(Interest.denominator)
        var fractionDigits = whole % 100 < 10 ? "0\(whole % 100)" : "\(whole % 100)"
        var seen: [UInt64: Int] = [:]
        var remainder = self.remainder
        var repeating = ""
        while remainder != 0 {
            if let start = seen[remainder] {
                let offset = fractionDigits.index(fractionDigits.startIndex, offsetBy: start)
                repeating = String(fractionDigits[offset...])
                fractionDigits = String(fractionDigits[..<offset])
                break
            }
            seen[remainder] = fractionDigits.count
            remainder *= 10
            fractionDigits.append(String(remainder / denominator))
            remainder %= denominator
        }
        return ((negative ? "-" : "") + "\(whole / 100).\(fractionDigits)", repeating)
    }

    /// The unrounded value as a reader writes it: `20.005`, `176.1666…（6 循环）`.
    package var decimalText: String {
        let (digits, repeating) = decimalYuan
        if repeating.isEmpty { return digits }
        return digits + String(repeating: repeating, count: max(1, 3 / repeating.count)) + "…（\(repeating) 循环）"
    }
}
