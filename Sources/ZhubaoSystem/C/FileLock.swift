import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive kernel lock (`flock`) on a file. The kernel drops it when the process dies, so
/// a lock left by a killed run never blocks the next one (no pid file to go stale).
package final class FileLock {
    package enum LockError: Error, CustomStringConvertible, Equatable {
        /// Another process holds the lock.
        case held(path: String)
        case system(operation: String, path: String, errno: Int32)

        package var description: String {
            switch self {
            case .held(let path): return "another zhubao run holds the lock \(path)"
            case .system(let operation, let path, let code):
                return "\(operation) \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    private var descriptor: Int32
    package let path: String

    /// Takes the lock or fails at once with `.held`; never waits.
    package init(path: String) throws(LockError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .system(operation: "open", path: path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { throw .held(path: path) }
            throw .system(operation: "flock", path: path, errno: code)
        }
        self.descriptor = fd
        self.path = path
    }

    /// Takes the lock, waiting up to `seconds` for a run that holds it (polling every 0.1 s),
    /// then fails with `.held`. For short commands (`exceptions ack`) that should not fail
    /// because a daily run happens to be writing.
    package static func waiting(path: String, upTo seconds: Double) throws(LockError) -> FileLock {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                return try FileLock(path: path)
            } catch .held(let held) {
                if Date() >= deadline { throw .held(path: held) }
                usleep(100_000)
            }
        }
    }

    /// Releases the lock; also done on deinit and, by the kernel, on process exit.
    package func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
