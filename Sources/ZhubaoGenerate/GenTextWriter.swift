import Foundation
import ZhubaoCore
import ZhubaoSystem

/// How a generated text file is encoded (formats.md: XML UTF-8 or GB18030, CSV GB18030 or
/// UTF-8 with a byte-order mark, bank files GB18030).
package enum GenEncoding: String, Sendable, Codable {
    case utf8, utf8BOM = "utf8-bom", gb18030
}

/// The generator's buffered writer: text is appended to a small pending buffer that is encoded
/// and written out whenever it passes `chunkBytes`, so a million-row file is written with flat
/// memory. `highWater` records the largest pending buffer, so tests can check the bound.
package final class GenTextWriter {
    package let encoding: GenEncoding
    package let newline: String
    package let chunkBytes: Int
    package private(set) var bytesWritten = 0
    package private(set) var highWater = 0
    package private(set) var linesWritten = 0

    private var file: OutputFile?
    private var pending = ""
    private var encoded: [UInt8] = []
    private let path: String

    package init(path: String, encoding: GenEncoding, crlf: Bool = false, chunkBytes: Int = 64 * 1024) throws {
        self.path = path
        self.encoding = encoding
        self.newline = crlf ? "\r\n" : "\n"
        self.chunkBytes = chunkBytes
        guard let file = OutputFile(path: path) else { throw GenWriteError.cannotOpen(path) }
        self.file = file
        pending.reserveCapacity(chunkBytes + 4096)
        if encoding == .utf8BOM { try writeBytes([0xEF, 0xBB, 0xBF]) }
    }

    /// Appends text as is.
    package func write(_ text: String) throws {
        pending += text
        if pending.utf8.count >= chunkBytes { try flush() }
    }

    /// Appends a line and the file's line ending.
    package func line(_ text: String) throws {
        linesWritten += 1
        pending += text
        pending += newline
        if pending.utf8.count >= chunkBytes { try flush() }
    }

    /// Writes raw bytes (already encoded), after what is pending.
    package func writeBytes(_ bytes: [UInt8]) throws {
        try flush()
        try emit(bytes)
    }

    package func flush() throws {
        let size = pending.utf8.count
        if size == 0 { return }
        highWater = max(highWater, size)
        switch encoding {
        case .utf8, .utf8BOM:
            try emit(Array(pending.utf8))
        case .gb18030:
            encoded.removeAll(keepingCapacity: true)
            try GB18030Encoder.encode(pending, appendingTo: &encoded)
            try emit(encoded)
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the writer cannot be used afterwards.
    package func close() throws {
        try flush()
        if let file {
            self.file = nil
            guard file.close() else { throw GenWriteError.cannotWrite(path) }
        }
    }

    private func emit(_ bytes: [UInt8]) throws {
        guard let file else { throw GenWriteError.cannotWrite(path) }
        guard file.write(bytes) else { throw GenWriteError.cannotWrite(path) }
        bytesWritten += bytes.count
    }
}

package enum GenWriteError: Error, CustomStringConvertible {
    case cannotOpen(String), cannotWrite(String), gzipFailed(String), notEmpty(String)

    package var description: String {
        switch self {
        case .cannotOpen(let path): return "cannot create \(path)"
        case .cannotWrite(let path): return "cannot write \(path)"
        case .gzipFailed(let what): return "gzip failed: \(what)"
        case .notEmpty(let path): return "\(path) is not empty: generate into an empty or new folder"
        }
    }
}
