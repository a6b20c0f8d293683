import ZhubaoCore

/// The generator's own pseudo-random numbers: SplitMix64, so that a seed gives the same
/// files on every machine and every toolchain. The system RNG and the standard library's
/// `random(in:using:)` (whose algorithm may change between releases) are never used.
package struct GenRandom: Sendable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// An independent stream for a labelled purpose ("borrower", 17): the same seed and label
    /// always give the same stream, whatever else was drawn before.
    package init(seed: UInt64, label: String, _ index: Int = 0) {
        var mixer = GenRandom(seed: seed ^ GenRandom.fnv1a(label) ^ (UInt64(bitPattern: Int64(index)) &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0), without modulo bias.
    package mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(0)")
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return Int(value % bound) }
        }
    }

    /// Uniform in the closed range; an empty-looking range (upper < lower) gives the lower bound.
    package mutating func int(_ lower: Int, _ upper: Int) -> Int {
        upper <= lower ? lower : lower + below(upper - lower + 1)
    }

    /// True with probability perMille / 1000.
    package mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

    package mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks by integer weights.
    package mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// Fisher–Yates, written out so that the order never depends on the standard library.
    package mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    /// FNV-1a over UTF-8: a stable hash for labels (Swift's `Hasher` is seeded per process).
    package static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
