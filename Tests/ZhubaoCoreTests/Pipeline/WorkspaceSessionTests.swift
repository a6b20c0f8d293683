import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// The job preamble: its checks in order, each stopping before the lock is taken.
@Suite struct WorkspaceSessionTests {
    let logger = Logger(label: "test")

    func workspace() throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString)")
        let workspace = Workspace(root: root)
        try workspace.createFolders()
        return workspace
    }

    func initialise(_ workspace: Workspace, profile: Profile.Name = .ganzhou2021) throws {
        let settings = try Settings.defaults(profile: .named(profile))
        try Data(ConfigTemplate.text(profile: .named(profile), region: settings.region, reference: settings.reference).utf8)
            .write(to: workspace.configFile)
    }

    @Test func anUninitialisedFolderIsAUsageError() throws {
        let ws = try workspace()
        #expect(throws: ConfigError.self) { try WorkspaceSession(workspace: ws, logger: logger, locking: .fail) }
    }

    @Test func aMissingStoreStopsBeforeTheLock() throws {
        let ws = try workspace()
        try initialise(ws)
        #expect(throws: StoreFault.missing(path: ws.storePath)) { try WorkspaceSession(workspace: ws, logger: logger, locking: .fail) }
        #expect(!FileManager.default.fileExists(atPath: ws.lockPath))
        // A job that needs no store gets its session, and the lock.
        let session = try WorkspaceSession(workspace: ws, logger: logger, locking: .fail, requires: [])
        #expect(throws: FileLock.LockError.held(path: ws.lockPath)) { try FileLock(path: ws.lockPath) }
        session.close()
        _ = try FileLock(path: ws.lockPath)
    }

    @Test func aProfileWithoutSubsidyIsRefusedForClaims() throws {
        let ws = try workspace()
        try initialise(ws, profile: .tongling2022)
        _ = try Store.create(path: ws.storePath)
        #expect(throws: ClaimJobError.self) {
            try WorkspaceSession(workspace: ws, logger: logger, locking: .fail, requires: [.store, .subsidy])
        }
    }

    @Test func aHeldLockFailsAtOnceOrAfterTheWait() throws {
        let ws = try workspace()
        try initialise(ws)
        _ = try Store.create(path: ws.storePath)
        let held = try FileLock(path: ws.lockPath)
        defer { held.unlock() }
        #expect(throws: FileLock.LockError.held(path: ws.lockPath)) { try WorkspaceSession(workspace: ws, logger: logger, locking: .fail) }
        let started = Date()
        #expect(throws: FileLock.LockError.held(path: ws.lockPath)) {
            try WorkspaceSession(workspace: ws, logger: logger, locking: .wait(seconds: 0.3))
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
        // Without the lock, the store is opened but no run is recorded.
        let reader = try WorkspaceSession(workspace: ws, logger: logger, locking: .none)
        let registry = RunRegistry(workspace: ws, command: "explain", arguments: [], asOf: nil, logger: logger)
        let store = try reader.openStore(registry: registry)
        #expect(try store.lastRuns(10, isGone: { _ in false }).runs.isEmpty)
    }
}
