import Foundation
import Testing
import ZhubaoCore
import ZhubaoSystem

@Suite struct AckTests {
    /// By short id; a second acknowledgement adds a row and the reports show both; an ID number
    /// and a name typed into a note are masked in HTML, CSV and XLSX, and kept in exceptions.jsonl.
    @Test func aSecondAcknowledgementAddsAndNotesAreMasked() throws {
        let w = try SampleWorkspace()
        let short = try #require(try w.shortID(of: "E501"))
        let first = try w.zhubao(["exceptions", "ack", short, "--note", "已电话联系刘建国 360702196703150030", "--by", "王会计", "--as-of", "2027-01-20"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try w.zhubao(["exceptions", "ack", "E501|GZ105-2026-000017-01|2026", "--note", "银行已更正", "--by", "李科长",
                              "--as-of", "2027-01-20"]).status == 0)
        #expect(try w.rows("SELECT note FROM acknowledgement ORDER BY id").count == 2)
        #expect(try w.zhubao(["rerun", "--from", "2027-01-20", "--to", "2027-01-20"]).status == 0)
        let folder = w.root.appendingPathComponent("out/daily/2027-01-20")
        let html = try String(contentsOf: folder.appendingPathComponent("exceptions.html"), encoding: .utf8)
        let csv = try String(contentsOf: folder.appendingPathComponent("exceptions.csv"), encoding: .utf8)
        let xlsx = try unzip(folder.appendingPathComponent("exceptions.xlsx"), "xl/worksheets/*.xml")
        for (name, text) in [("html", html), ("csv", csv), ("xlsx", xlsx)] {
            #expect(text.contains("已电话联系刘*国 360702********0030"), "\(name)")
            #expect(text.contains("银行已更正"), "\(name): the history, not only the last note")
            #expect(!text.contains("360702196703150030"), "\(name)")
            #expect(!text.contains("刘建国"), "\(name)")
        }
        let jsonl = try String(contentsOf: folder.appendingPathComponent("exceptions.jsonl"), encoding: .utf8)
        #expect(jsonl.contains("银行已更正"))
        let journal = try Journal(url: w.root.appendingPathComponent("state/journal.jsonl")).entries()
        #expect(journal.compactMap(\.ack?.note) == ["已电话联系刘建国 360702196703150030", "银行已更正"])
    }

    @Test func anUnknownKeyIsAUsageError() throws {
        let w = try SampleWorkspace()
        let unknown = try w.zhubao(["exceptions", "ack", "E501|NOPE|2026", "--note", "x", "--by", "y"])
        #expect(unknown.status == 64)
        #expect(unknown.stdout.contains("没有哪次日常运行发现过"))
        #expect(try w.zhubao(["exceptions", "ack", "0123456789", "--note", "x", "--by", "y"]).status == 64)
        #expect(try w.rows("SELECT * FROM acknowledgement").isEmpty)
    }

    /// It waits for a run that holds the lock, up to settings.lock_wait_seconds, then exits 75.
    @Test func itWaitsForTheLockThenGivesUp() throws {
        let w = try SampleWorkspace()
        let short = try #require(try w.shortID(of: "E501"))
        let lock = w.root.appendingPathComponent("state/run.lock").path
        let brief = try holdLock(lock, seconds: 1.5)
        let started = Date()
        let waited = try w.zhubao(["exceptions", "ack", short, "--note", "等到了", "--by", "王"])
        brief.waitUntilExit()
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(Date().timeIntervalSince(started) >= 0.8, "it waited for the holder")
        let toml = w.root.appendingPathComponent("zhubao.toml")
        let text = try String(contentsOf: toml, encoding: .utf8).replacingOccurrences(of: "lock_wait_seconds = 60", with: "lock_wait_seconds = 1")
        try text.write(to: toml, atomically: true, encoding: .utf8)
        let long = try holdLock(lock, seconds: 5)
        defer { kill(long.processIdentifier, SIGKILL); long.waitUntilExit() }
        let again = Date()
        let refused = try w.zhubao(["exceptions", "ack", short, "--note", "等不到", "--by", "王"])
        #expect(refused.status == 75)
        #expect(Date().timeIntervalSince(again) < 4, "one second of waiting, not the holder's five")
        #expect(try w.rows("SELECT note FROM acknowledgement").count == 1)
    }

    /// flock(1) holding the lock; returns once it holds it.
    func holdLock(_ path: String, seconds: Double) throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-o", path, "sleep", String(seconds)]
        // Not the test's own output: an orphaned sleep would hold it open after the test.
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        for _ in 0..<100 {
            do { let probe = try FileLock(path: path); probe.unlock() } catch { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return holder
    }
}

/// One part of a zip file (an XLSX), through unzip(1).
func unzip(_ file: URL, _ part: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-p", file.path, part]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
