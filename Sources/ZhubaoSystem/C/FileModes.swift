// The one place zhubao sets file modes and clears what a killed run left (POSIX calls).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Modes of the folders and files that hold personal data (outputs.md): folders 0750, files
/// 0640, whatever the umask. A mode is only ever narrowed: what an operator set narrower
/// (a folder 0700) stays as it is.
package enum FileModes {
    package static let folder: mode_t = 0o750
    package static let file: mode_t = 0o640

    /// Creates `url` and any missing parent with `mode` exactly (the umask does not apply);
    /// narrows an existing folder to `mode` unless `narrowExisting` is false.
    package static func makeFolder(_ url: URL, mode: mode_t = folder, narrowExisting: Bool = true) throws {
        let path = url.standardizedFileURL.path
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw FileModeError(operation: "mkdir", path: path, code: ENOTDIR) }
            if narrowExisting { try narrow(path, to: mode) }
            return
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        if parent.path != path { try makeFolder(parent, mode: mode, narrowExisting: false) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw FileModeError(operation: "mkdir", path: path, code: errno) }
        guard chmod(path, mode) == 0 else { throw FileModeError(operation: "chmod", path: path, code: errno) }
    }

    /// Clears from an existing file or folder every permission bit outside `mask`; never adds one.
    /// A file of another owner that zhubao may not chmod (EPERM) is left as its owner set it.
    package static func narrow(_ path: String, to mask: mode_t) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileModeError(operation: "stat", path: path, code: errno)
        }
        guard info.st_mode & S_IFMT != S_IFLNK else { return }
        let current = info.st_mode & 0o7777
        let narrowed = current & mask
        guard narrowed != current else { return }
        guard chmod(path, narrowed) == 0 || errno == EPERM else { throw FileModeError(operation: "chmod", path: path, code: errno) }
    }

    /// Removes, in `folder` and below, the hidden temporary files `.NAME.PID.tmp` of writers
    /// (AtomicFile) whose process no longer runs: a run killed while writing leaves one.
    /// Returns the paths removed.
    @discardableResult
    package static func removeStaleTemporaries(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard let pid = temporaryOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = folder.appendingPathComponent(relative).path
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// The PID in a name `.NAME.PID.tmp`, nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, let pid = pid_t(last), pid > 0 else { return nil }
        return pid
    }
}

package struct FileModeError: Error, CustomStringConvertible {
    package let operation: String
    package let path: String
    package let code: Int32
    package var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
