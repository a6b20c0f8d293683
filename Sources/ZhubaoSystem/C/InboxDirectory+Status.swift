// The inbox's POSIX calls for intake of files still being written (issue 16): an entry's size
// and modification time, read by lstat on the listing and by fstat on the open descriptor, and
// the removal of a `NAME.done` marker.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size and modification time of an inbox file.
package struct InboxFileStatus: Sendable, Equatable {
    package let size: Int64
    /// Seconds and nanoseconds since 1970-01-01 UTC.
    package let modifiedSeconds: Int64
    package let modifiedNanoseconds: Int64

    init(_ info: stat) {
        size = Int64(info.st_size)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }
}

extension InboxDirectory {
    /// lstat of an entry: its size and modification time; nil when it has gone.
    package func fileStatus(of raw: [UInt8]) -> InboxFileStatus? {
        status(of: raw).map(InboxFileStatus.init)
    }

    /// Removes an entry that is a regular file (a `NAME.done` marker, which carries no data);
    /// nothing when it has gone or is not a regular file.
    package func removeRegularFile(_ raw: [UInt8], name: String) throws(InboxFileError) {
        guard let info = status(of: raw), info.st_mode & S_IFMT == S_IFREG else { return }
        let rc = (raw + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { unlinkat(descriptor, $0.baseAddress!, 0) }
        }
        guard rc == 0 || errno == ENOENT else { throw InboxFileError(.unlink, name: name, errno: errno) }
    }
}

extension OpenInboxFile {
    /// fstat of the open file: its size and modification time now.
    package func currentStatus() throws(InboxFileError) -> InboxFileStatus {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InboxFileError(.stat, name: name, errno: errno) }
        return InboxFileStatus(info)
    }
}
