#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UTF-8 → GB18030 through the C library's iconv: the one encoder, for the generator's files and the outbox.
/// Each call opens its own conversion handle and closes it on every path.
package enum GB18030Encoder {
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case unavailable
        case unencodable(offset: Int)

        package var description: String {
            switch self {
            case .unavailable: return "iconv cannot convert UTF-8 to GB18030 on this system"
            case .unencodable(let offset): return "text not encodable in GB18030 at UTF-8 byte \(offset)"
            }
        }
    }

    package static func encode(_ text: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try encode(text, appendingTo: &out)
        return out
    }

    /// Appends the GB18030 bytes of `text` to `out`. GB18030 never needs more than twice the
    /// UTF-8 length (a 2-byte UTF-8 character can become 4 bytes), so one pass suffices.
    package static func encode(_ text: String, appendingTo out: inout [UInt8]) throws {
        var input = Array(text.utf8)
        if input.isEmpty { return }
        guard let handle = iconv_open("GB18030", "UTF-8"), Int(bitPattern: handle) != -1 else {
            throw Failure.unavailable
        }
        defer { iconv_close(handle) }
        let capacity = input.count * 2 + 16
        var buffer = [UInt8](repeating: 0, count: capacity)
        var written = 0
        let status: Int = input.withUnsafeMutableBytes { inRaw in
            buffer.withUnsafeMutableBytes { outRaw in
                var inPointer: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outLeft = outRaw.count
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                written = outRaw.count - outLeft
                return result == -1 ? -(inRaw.count - inLeft) - 1 : 0
            }
        }
        if status < 0 { throw Failure.unencodable(offset: -status - 1) }
        out.append(contentsOf: buffer[0..<written])
    }
}
