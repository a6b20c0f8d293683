import Foundation
import GRDB
import Testing
import ZhubaoCore
import ZhubaoSystem

@Suite struct LockTests {
    /// A second run while one holds the lock exits 75 at once and touches nothing. The holder
    /// here is another process (flock(1)), exactly as a running zhubao would hold it.
    @Test func aSecondRunExits75AndTouchesNothing() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        let inboxFile = root.appendingPathComponent("inbox/\(file.name)")
        try file.text.write(to: inboxFile, atomically: true, encoding: .utf8)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-o", root.appendingPathComponent("state/run.lock").path, "sleep", "30"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        // Wait until the holder has the lock.
        var held = false
        for _ in 0..<100 {
            do { let probe = try FileLock(path: root.appendingPathComponent("state/run.lock").path); probe.unlock() }
            catch { held = true; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(held)
        let started = Date()
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 75)
        #expect(Date().timeIntervalSince(started) < 10, "it must not wait for the lock")
        #expect(FileManager.default.fileExists(atPath: inboxFile.path))
        // `init` created the store; the locked-out run recorded nothing in it.
        let store = try Store.open(path: root.appendingPathComponent("state/zhubao.sqlite").path)
        #expect(try store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM inputFile") } == 0)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("metrics/zhubao.prom").path))
    }

    /// Two zhubao runs started together: one does the work, the other gets 75 — or, when the
    /// first finished before the second began, 0 with nothing left to do. Never both working.
    @Test func twoConcurrentRunsNeverBothWork() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        for seq in 1...300 {
            let file = disbursementFile(date: "20260115", seq: seq, loan: "L\(seq)")
            try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: false, encoding: .utf8)
        }
        let a = try ZhubaoProcess.start(["run", "--root", root.path, "--as-of", "2026-01-31"])
        let b = try ZhubaoProcess.start(["run", "--root", root.path, "--as-of", "2026-01-31"])
        let outA = String(decoding: a.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outB = String(decoding: b.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        a.0.waitUntilExit(); b.0.waitUntilExit()
        let statuses = [a.0.terminationStatus, b.0.terminationStatus]
        #expect(statuses.contains(0))
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 75 })
        #expect([outA, outB].contains { $0.contains("导入 300 个文件") })
        if statuses == [0, 0] { #expect([outA, outB].contains { $0.contains("导入 0 个文件") }) }
    }

    /// A lock left by a killed process never blocks the next run.
    @Test func aKilledHoldersLockDoesNotBlock() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-o", root.appendingPathComponent("state/run.lock").path, "sleep", "30"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.3)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"]).status == 0)
    }
}
