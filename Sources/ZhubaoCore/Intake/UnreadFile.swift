#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZhubaoSystem

/// An inbox file the run could not take (formats.md "Common rules"): not the sender's fault, so
/// it is not rejected; it stays in the inbox, untouched, is named in the daily report and the
/// log, and is tried again by the next run (exit 74).
package struct UnreadFile: Sendable, Equatable, Codable {
    /// The display name (`SafeName`).
    package let name: String
    /// What went wrong and what to do, in Chinese, the system's text after it.
    package let reason: String

    package init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    init(name: String, error: any Error) {
        self.name = name
        reason = Self.reason(error)
    }

    /// The line of the daily report's warnings.
    package var warning: String { "收件箱中的文件 \(name) 未能处理，已留在 inbox/，下次运行会再试：\(reason)" }

    static func reason(_ error: any Error) -> String {
        guard let error = error as? InboxFileError else {
            return SystemFault.message(for: error) ?? "处理时出错（\(error)）"
        }
        switch (error.operation, error.errno) {
        case (.open, EACCES), (.open, EPERM):
            return "运行 zhubao 的账户无权读取该文件：请让发送方以本账户可读的权限上传（如属组可读 0640），或由管理员调整后等待下次运行（\(error.operation.rawValue): \(error.systemText)）"
        default:
            return "读取该文件时发生系统错误（如磁盘 I/O 错误）：请检查存储设备后等待下次运行（\(error.operation.rawValue): \(error.systemText)）"
        }
    }
}

extension IntakeReport {
    /// sysexits (outputs.md): 74 when a file was left unread, else 65 when one was rejected,
    /// else 0 (business exceptions are not a failure).
    package var exitCode: Int32 {
        if !unread.isEmpty { return 74 }
        return rejectedAny ? 65 : 0
    }
}
