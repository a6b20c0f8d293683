/// The scans over raw input bytes (control characters, UTF-8, ASCII runs) step over eight bytes
/// at a time while a word holds nothing they look for.
enum WordScan {
    /// Each byte's top bit: a word `& highBits == 0` is all ASCII.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The first index from `start` where fewer than eight bytes remain before `count` or the
    /// word there fails `isPlain`.
    @inline(__always)
    static func skip(_ base: UnsafePointer<UInt8>, from start: Int, count: Int,
                     while isPlain: (UInt64) -> Bool) -> Int {
        var i = start
        while i + 8 <= count, isPlain(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        return i
    }
}
