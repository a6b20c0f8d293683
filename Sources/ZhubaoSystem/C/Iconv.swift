// The one place zhubao calls iconv (Glibc's, which decodes GB18030 at ~260 MB/s).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An iconv failure. Offsets count from the first byte given to the decoder, 0-based.
package enum IconvError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `iconv_open` refused the pair of encodings.
    case unsupported(from: String, to: String, errno: Int32)
    /// Bytes that are not a character of the source encoding (`EILSEQ`). `bytes` holds up to
    /// four bytes from `offset` on.
    case invalidBytes(offset: Int, bytes: [UInt8])
    /// The input ended inside a multi-byte character.
    case truncatedCharacter(offset: Int, bytes: [UInt8])

    package var description: String {
        switch self {
        case .unsupported(let from, let to, let err):
            "iconv cannot convert \(from) to \(to): \(String(cString: strerror(err)))"
        case .invalidBytes(let offset, let bytes):
            "invalid bytes \(IconvError.hex(bytes)) at byte offset \(offset)"
        case .truncatedCharacter(let offset, let bytes):
            "incomplete character \(IconvError.hex(bytes)) at the end of the input (byte offset \(offset))"
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { b in
            let h = String(b, radix: 16, uppercase: true)
            return h.count == 1 ? "0" + h : h
        }.joined(separator: " ")
    }
}

/// A streaming decoder from a multi-byte encoding (GB18030 by default) to UTF-8 over iconv.
///
/// Two ways to use it: `convert(_:into:)` converts one buffer as far as it can and says why it
/// stopped (the caller keeps any partial character and feeds it again with the next chunk, as
/// `LineReader` does, without copying); `decode(_:appendingTo:)` plus `finish()` carry the partial
/// character themselves. The iconv handle is closed by `close()` or in deinit.
package final class IconvDecoder {
    package enum Stop: Sendable, Equatable {
        /// Everything was converted.
        case endOfInput
        /// The input ends inside a character (`EINVAL`); the rest is not consumed.
        case partialCharacter
        /// The output buffer is full (`E2BIG`).
        case outputFull
        /// Invalid bytes start at `consumed` (`EILSEQ`).
        case invalidBytes
    }

    package struct Conversion: Sendable, Equatable {
        package var consumed: Int
        package var produced: Int
        package var stop: Stop
    }

    package let sourceEncoding: String
    private var handle: iconv_t?
    private var carry: [UInt8] = []
    /// Input bytes consumed so far, over all calls: the offset of the next byte.
    package private(set) var bytesConsumed = 0

    package init(from source: String = "GB18030", to target: String = "UTF-8") throws {
        sourceEncoding = source
        let h = iconv_open(target, source)
        if h == iconv_t(bitPattern: -1) || h == nil {
            throw IconvError.unsupported(from: source, to: target, errno: errno)
        }
        handle = h
    }

    deinit { close() }

    package func close() {
        if let handle { _ = iconv_close(handle) }
        handle = nil
    }

    /// Converts as much of `input` as fits into `output`. Never throws: the caller decides
    /// what a stop means (see `error(for:in:)`). Must not be called after `close()`.
    package func convert(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Conversion {
        guard let handle else { preconditionFailure("IconvDecoder used after close()") }
        guard input.count > 0, let inBase = input.baseAddress else {
            return Conversion(consumed: 0, produced: 0, stop: .endOfInput)
        }
        guard let outBase = output.baseAddress, output.count > 0 else {
            return Conversion(consumed: 0, produced: 0, stop: .outputFull)
        }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var outPtr: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
        var outLeft = output.count
        let result = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
        let err = errno
        let consumed = input.count - inLeft
        bytesConsumed += consumed
        var stop = Stop.endOfInput
        if result == -1 {
            switch err {
            case E2BIG: stop = .outputFull
            case EINVAL: stop = .partialCharacter
            default: stop = .invalidBytes
            }
        }
        return Conversion(consumed: consumed, produced: output.count - outLeft, stop: stop)
    }

    /// The error for an `.invalidBytes` or `.partialCharacter` stop of `conversion` over
    /// `input`, with the absolute offset; nil for the other stops.
    package func error(for conversion: Conversion, in input: UnsafeRawBufferPointer) -> IconvError? {
        let rest = Array(input[conversion.consumed...].prefix(4))
        switch conversion.stop {
        case .invalidBytes: return .invalidBytes(offset: bytesConsumed, bytes: rest)
        case .partialCharacter: return .truncatedCharacter(offset: bytesConsumed, bytes: rest)
        case .endOfInput, .outputFull: return nil
        }
    }

    /// Decodes `chunk` and appends the UTF-8 to `output`, keeping a character cut at the end of
    /// the chunk for the next call. Throws at the first invalid bytes.
    package func decode(_ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws {
        var input = carry
        input.append(contentsOf: chunk)
        carry = []
        var start = 0
        var scratch = [UInt8](repeating: 0, count: input.count * 2 + 16)
        while start < input.count {
            let result = input.withUnsafeBytes { all in
                scratch.withUnsafeMutableBytes { out in
                    convert(UnsafeRawBufferPointer(rebasing: all[start...]), into: out)
                }
            }
            output.append(contentsOf: scratch[..<result.produced])
            start += result.consumed
            switch result.stop {
            case .endOfInput: return
            case .outputFull: continue
            case .partialCharacter:
                carry = Array(input[start...])
                return
            case .invalidBytes:
                throw IconvError.invalidBytes(offset: bytesConsumed, bytes: Array(input[start...].prefix(4)))
            }
        }
    }

    /// Ends a `decode` stream: throws if it stopped inside a character.
    package func finish() throws {
        if !carry.isEmpty {
            defer { carry = [] }
            throw IconvError.truncatedCharacter(offset: bytesConsumed, bytes: carry)
        }
    }

    /// Decodes a whole byte string, e.g. one GB18030 field.
    package static func decode(_ bytes: [UInt8], from source: String = "GB18030") throws -> String {
        let decoder = try IconvDecoder(from: source)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2 + 4)
        try bytes.withUnsafeBytes { try decoder.decode($0, appendingTo: &out) }
        try decoder.finish()
        return String(decoding: out, as: UTF8.self)
    }
}

/// Every two-byte GB18030 character (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE) and its
/// UTF-8, as iconv itself converts it, asked once per process: a lookup instead of a call into
/// iconv for the Chinese text of a file (names, categories, reasons). `LineReader` uses it for
/// runs of two-byte characters and leaves anything else — four-byte sequences, bytes iconv
/// refuses, a character cut at a chunk's end — to iconv, which judges and reports them as before.
package enum GB18030TwoByte {
    static let trails = 0xFE - 0x40 + 1

    /// Entry: the UTF-8 bytes in the low three bytes (first byte lowest), their count in the
    /// high byte; 0 where iconv does not convert the pair on its own.
    package static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: (0xFE - 0x81 + 1) * trails)
        guard let decoder = try? IconvDecoder(from: "GB18030", to: "UTF-8") else { return table }
        var output = [UInt8](repeating: 0, count: 8)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                let input: [UInt8] = [UInt8(lead), UInt8(trail)]
                let conversion = input.withUnsafeBytes { bytes in
                    output.withUnsafeMutableBytes { decoder.convert(bytes, into: $0) }
                }
                guard conversion.stop == .endOfInput, conversion.consumed == 2,
                      (1...3).contains(conversion.produced) else { continue }
                var entry = UInt32(conversion.produced) << 24
                for k in 0..<conversion.produced { entry |= UInt32(output[k]) << (8 * UInt32(k)) }
                table[(lead - 0x81) * trails + trail - 0x40] = entry
            }
        }
        return table
    }()

    /// The table's entry for a lead and a trail byte; 0 when the pair is not a two-byte
    /// character the table holds.
    @inline(__always) package static func entry(_ table: UnsafeBufferPointer<UInt32>, lead: UInt8, trail: UInt8) -> UInt32 {
        guard lead >= 0x81, lead <= 0xFE, trail >= 0x40, trail <= 0xFE, trail != 0x7F else { return 0 }
        return table[Int(lead - 0x81) * trails + Int(trail - 0x40)]
    }
}
