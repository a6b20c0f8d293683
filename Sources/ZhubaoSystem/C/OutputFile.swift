#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written front to back through the C library's buffered streams (`fopen`, `fwrite`,
/// `fclose`): the generator's text files. Closed by `close()` or, failing that, in `deinit`.
/// Failures are plain answers (nil, false): the caller names the file in its own error.
package final class OutputFile {
    private var stream: UnsafeMutablePointer<FILE>?

    /// Creates or truncates the file at `path`; nil when it cannot be opened for writing.
    package init?(path: String) {
        guard let stream = fopen(path, "wb") else { return nil }
        self.stream = stream
    }

    deinit { if let stream { fclose(stream) } }

    /// Appends `bytes`; false when not all were written or the file is closed.
    package func write(_ bytes: [UInt8]) -> Bool {
        guard let stream else { return false }
        let count = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
        return count == bytes.count
    }

    /// Flushes and closes; false when the last bytes could not be written. Closing twice is
    /// harmless.
    package func close() -> Bool {
        guard let stream else { return true }
        self.stream = nil
        return fclose(stream) == 0
    }
}
