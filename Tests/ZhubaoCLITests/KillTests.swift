import Foundation
import GRDB
import Testing
import ZhubaoCore

@Suite struct KillTests {
    /// A run killed with SIGKILL in the middle of intake, several times over, then a run to the
    /// end: every file is recorded exactly once, with all its records, and none is lost or left
    /// half-recorded.
    @Test func aKilledRunLosesNothingAndRecordsNothingTwice() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let count = 600
        var names: [String] = []
        for seq in 1...count {
            let file = disbursementFile(date: "20260115", seq: seq, loan: "L\(seq)")
            names.append(file.name)
            try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: false, encoding: .utf8)
        }
        var killedMidway = 0
        for delay in [0.08, 0.15, 0.25, 0.4, 0.6, 0.9] {
            let (process, _, _) = try ZhubaoProcess.start(["run", "--root", root.path, "--as-of", "2026-01-31"])
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning && process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            try checkInvariants(root: root, names: names, complete: false)
        }
        #expect(killedMidway > 0, "no run was killed mid-way: make the inbox bigger")
        let final = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(final.status == 0, "\(final.stderr)")
        try checkInvariants(root: root, names: names, complete: true)
        // The journal holds every registry row once, though kills fell between store and journal.
        let journaled = try Journal(url: root.appendingPathComponent("state/journal.jsonl")).entries().flatMap { $0.files ?? [] }
        #expect(journaled.count == count)
        #expect(Set(journaled.map(\.name)) == Set(names))
        let verify = try ZhubaoProcess.run(["verify", "--root", root.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// Kills that land inside a batch (its staged copies still in `state/intake/`): a batch's
    /// files are recorded together or not at all, so after every kill the store holds whole
    /// batches only; every file is imported and archived or still in the inbox, none lost, none
    /// half-recorded; the next run takes the rest.
    @Test func aRunKilledInsideABatchKeepsWholeBatchesOnly() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        var names: [String] = []
        for date in ["20260115", "20260116"] {
            for seq in 1...500 {
                let file = disbursementFile(date: date, seq: seq, loan: "L\(date)-\(seq)")
                names.append(file.name)
                try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: false, encoding: .utf8)
            }
        }
        #expect(names.count > 3 * Intake.batchFiles, "make the inbox hold several batches")
        var killedInsideABatch = 0
        for delay in [0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.3] {
            let (process, _, _) = try ZhubaoProcess.start(["run", "--root", root.path, "--as-of", "2026-01-31", "--intake-only"])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let staged = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("state/intake").path)) ?? []
            if process.terminationReason == .uncaughtSignal && !staged.isEmpty { killedInsideABatch += 1 }
            let recorded = try checkInvariants(root: root, names: names, complete: false)
            #expect(recorded % Intake.batchFiles == 0 || recorded == names.count, "\(recorded) files recorded: part of a batch")
        }
        #expect(killedInsideABatch > 0, "no kill landed inside a batch: make the inbox bigger")
        let final = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31", "--intake-only"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try checkInvariants(root: root, names: names, complete: true) == names.count)
    }

    /// Every name is in the inbox or the archive (both only when recorded, with the same bytes),
    /// recorded at most once (exactly once when archived), and a recorded file has all its records.
    /// Returns how many files are recorded.
    @discardableResult
    private func checkInvariants(root: URL, names: [String], complete: Bool) throws -> Int {
        let fm = FileManager.default
        let store = try Store.open(path: root.appendingPathComponent("state/zhubao.sqlite").path)
        let rows = try store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.name, f.status, f.recordCount, (SELECT count(*) FROM drawdown d WHERE d.fileId = f.id) AS stored
                FROM inputFile f
                """)
        }
        var recorded: [String: Int] = [:]
        for row in rows {
            let name: String = row["name"]
            recorded[name, default: 0] += 1
            #expect(row["status"] as String == "IMPORTED")
            #expect(row["recordCount"] as Int == row["stored"] as Int)
        }
        for name in names {
            let inInbox = fm.fileExists(atPath: root.appendingPathComponent("inbox/\(name)").path)
            let inArchive = fm.fileExists(atPath: root.appendingPathComponent("archive/2026/01/\(name)").path)
            // The archive copy is renamed in before the inbox name is removed: a run killed
            // between the two leaves both, recorded, with the same bytes; the next run removes
            // the inbox name.
            #expect(inInbox || inArchive, "\(name) lost")
            if inInbox && inArchive {
                #expect(recorded[name] == 1, "\(name) in both places but not recorded")
                #expect(fm.contentsEqual(atPath: root.appendingPathComponent("inbox/\(name)").path,
                                         andPath: root.appendingPathComponent("archive/2026/01/\(name)").path))
            }
            #expect((recorded[name] ?? 0) <= 1, "\(name) recorded twice")
            if inArchive { #expect(recorded[name] == 1, "\(name) archived but not recorded") }
            if complete { #expect(!inInbox && inArchive && recorded[name] == 1) }
        }
        if complete {
            // Nothing a killed run left: no staged copy, no temporary file.
            #expect(try fm.contentsOfDirectory(atPath: root.appendingPathComponent("state/intake").path).isEmpty)
            let leftovers = (fm.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
        #expect(try fm.contentsOfDirectory(atPath: root.appendingPathComponent("quarantine").path).isEmpty)
        return rows.count
    }
}
