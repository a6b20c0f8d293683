import Foundation
import GRDB
import ZhubaoSystem

/// Faults of the environment, not of the data nor of zhubao: a folder it cannot write, a full
/// disk, an I/O error, a missing or damaged store. The command line exits 74 on them
/// (sysexits EX_IOERR) with a Chinese sentence saying what to do, the technical detail after
/// it (never Foundation's NSCocoaErrorDomain text).
package enum SystemFault {
    /// The message for an environment fault, nil for anything else (a defect: exit 70).
    package static func message(for error: any Error) -> String? {
        if let fault = error as? StoreFault { return fault.description }
        if let (code, detail) = systemError(error) { return "\(sentence(errno: code))（\(detail)）" }
        if let error = error as? DatabaseError, let sentence = sentence(sqlite: error.resultCode) {
            return "\(sentence)（SQLite: \(error.message ?? "\(error.resultCode)")）"
        }
        return nil
    }

    /// Whether `error` says that another run holds the run lock (exit 75, not a fault).
    package static func isLockHeld(_ error: any Error) -> Bool {
        if case .held = error as? FileLock.LockError { return true }
        return false
    }

    /// The errno and a short technical detail of the system errors zhubao meets.
    static func systemError(_ error: any Error) -> (Int32, String)? {
        switch error {
        case let e as AtomicFileError: return (e.code, e.description)
        case let e as FileModeError: return (e.code, e.description)
        case let e as InboxFileError: return (e.errno, e.description)
        case let e as FileLock.LockError:
            if case .system(_, _, let code) = e { return (code, e.description) }
            return nil
        case let e as POSIXError:
            return (e.code.rawValue, String(cString: strerror(e.code.rawValue)))
        case let e as CocoaError:
            let path = (e.userInfo[NSFilePathErrorKey] as? String) ?? e.filePath ?? ""
            if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                let code = Int32(underlying.code)
                return (code, "\(path): \(String(cString: strerror(code)))")
            }
            switch e.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return (EACCES, "\(path): \(String(cString: strerror(EACCES)))")
            case .fileWriteOutOfSpace: return (ENOSPC, "\(path): \(String(cString: strerror(ENOSPC)))")
            case .fileWriteVolumeReadOnly: return (EROFS, "\(path): \(String(cString: strerror(EROFS)))")
            case .fileNoSuchFile, .fileReadNoSuchFile: return (ENOENT, "\(path): \(String(cString: strerror(ENOENT)))")
            default: return (EIO, "\(path): Foundation error \(e.code.rawValue)")
            }
        default:
            return nil
        }
    }

    static func sentence(errno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "磁盘空间已满：请腾出空间后重新运行"
        case EACCES, EPERM: return "运行 zhubao 的账户无权访问该文件或目录：请检查工作目录的属主与权限后重新运行"
        case EROFS: return "文件系统为只读：请以可写方式挂载工作目录后重新运行"
        case ENOENT, ENOTDIR: return "文件或目录不存在：请检查工作目录（zhubao init 创建的目录结构）后重新运行"
        case EIO: return "发生 I/O 错误：请检查存储设备后重新运行"
        default: return "文件系统操作失败：请检查工作目录与存储设备后重新运行"
        }
    }

    static func sentence(sqlite code: ResultCode) -> String? {
        switch code.primaryResultCode {
        case .SQLITE_FULL: return "磁盘空间已满，数据库无法写入：请腾出空间后重新运行"
        case .SQLITE_IOERR: return "数据库读写时发生 I/O 错误：请检查存储设备后重新运行"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return "数据库无法打开或写入：请检查 state/ 目录及其中文件的属主与权限后重新运行"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreFault.restoreAdvice("数据库文件已损坏")
        default: return nil
        }
    }
}
