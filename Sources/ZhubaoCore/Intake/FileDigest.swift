import Crypto
import Foundation

/// The SHA-256 and size of a file's bytes as delivered (`.gz` included), read in chunks so
/// that memory stays flat.
package struct FileDigest: Hashable, Sendable {
    package let sha256: String
    package let size: Int64

    package static func of(_ url: URL) throws -> FileDigest {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        return FileDigest(sha256: hex(hasher.finalize()), size: size)
    }

    /// The SHA-256 of bytes in memory, lower-case hex.
    package static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { byte -> String in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
    }
}
