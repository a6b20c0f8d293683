/// UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The index where the first ill-formed sequence starts, or nil when all is valid.
    static func firstInvalidIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            // ASCII runs eight bytes at a time.
            i = WordScan.skip(base, from: i, count: n) { $0 & WordScan.highBits == 0 }
            guard i < n else { break }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            var trailing = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: trailing = 1
            case 0xE0: trailing = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
            case 0xED: trailing = 2; high = 0x9F
            case 0xF0: trailing = 3; low = 0x90
            case 0xF1...0xF3: trailing = 3
            case 0xF4: trailing = 3; high = 0x8F
            default: return i
            }
            guard i + trailing < n else { return i }
            let second = base[i + 1]
            guard second >= low && second <= high else { return i }
            var k = 2
            while k <= trailing {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += trailing + 1
        }
        return nil
    }
}
