import Foundation
import GRDB
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// Environment faults get a Chinese sentence saying what to do (exit 74), never Foundation's
/// NSCocoaErrorDomain text; anything else is not theirs to claim (exit 70).
@Suite struct SystemFaultTests {
    @Test func aFullDiskSaysSoWhereverItComesFrom() throws {
        let cocoa = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: "/srv/zhubao/out/daily/x",
                                                              NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        let faults: [any Error] = [
            AtomicFileError(operation: "write", path: "/srv/zhubao/out/daily/x", code: ENOSPC),
            cocoa,
            DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"),
        ]
        for fault in faults {
            let message = try #require(SystemFault.message(for: fault))
            #expect(message.contains("磁盘空间已满"), "\(message)")
            #expect(!message.contains("NSCocoaErrorDomain"), "\(message)")
        }
    }

    @Test func aFolderItCannotWriteSaysToCheckThePermissions() throws {
        let message = try #require(SystemFault.message(for: FileModeError(operation: "mkdir", path: "/srv/zhubao/quarantine", code: EACCES)))
        #expect(message.hasPrefix("运行 zhubao 的账户无权访问"))
        #expect(message.contains("/srv/zhubao/quarantine"))
    }

    @Test func aDefectIsNotAnEnvironmentFault() {
        struct Defect: Error {}
        #expect(SystemFault.message(for: Defect()) == nil)
        #expect(SystemFault.message(for: DatabaseError(resultCode: .SQLITE_CONSTRAINT)) == nil)
    }
}
