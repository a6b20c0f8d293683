import Foundation

/// Linux's file-system calls that Swift's Glibc module leaves out (GNU extensions), looked up
/// once. Both only decide *when* bytes reach the disk, never what is durable: every commit
/// still syncs as before.
package enum Writeback {
    /// Files from this size on are worth starting early; the many small ones of a daily inbox
    /// are left to the one `syncfs` a batch, which writes them together.
    package static let bigFile: Int64 = 4 << 20

    /// Starts writing back the dirty pages of the file at `path` (`sync_file_range` with
    /// `SYNC_FILE_RANGE_WRITE`) and returns at once. A big file written now and synced later
    /// (a staged copy, SQLite's WAL) then goes to the disk while the import works, and the
    /// sync before the commit finds little left to write: a 335 MB staged copy was otherwise
    /// written only by that sync, with the run waiting. Best effort: failures are ignored.
    package static func start(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return }
        defer { close(fd) }
        start(fd)
    }

    /// `start(path:)` on an open descriptor.
    package static func start(_ fd: Int32) {
        _ = syncFileRange?(fd, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */)
    }

    /// `syncfs(2)`: flushes the whole file system `fd` is on; `sync()` where it is missing.
    package static func syncFileSystem(_ fd: Int32) -> Int32 { syncfs(fd) }

    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range").map {
            unsafeBitCast($0, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        }
    }()

    private static let syncfs: @convention(c) (Int32) -> Int32 = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
            return { _ in Glibc.sync(); return 0 }  // not glibc: flush every file system
        }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()
}
