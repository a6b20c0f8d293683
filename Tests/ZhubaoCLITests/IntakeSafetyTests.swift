import Foundation
import Testing
import ZhubaoCore

/// Modes whatever the umask, a narrowed folder kept narrow, temporaries of a killed run removed,
/// and the store guard as the operator sees it (exit 74, a Chinese sentence).
@Suite struct IntakeSafetyTests {
    /// Runs `zhubao ARGS` through sh with a umask.
    func zhubao(_ arguments: [String], umask: String) throws -> ZhubaoProcess.Result {
        let quoted = ([ZhubaoProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ZhubaoProcess.run(program: URL(fileURLWithPath: "/bin/sh"), ["-c", "umask \(umask); exec \(quoted)"])
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test(arguments: ["000", "077"])
    func foldersAre0750AndFiles0640WhateverTheUmask(_ umask: String) throws {
        let root = temporaryRoot()
        #expect(try zhubao(["init", "--root", root.path], umask: umask).status == 0)
        let good = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try good.text.write(to: root.appendingPathComponent("inbox/\(good.name)"), atomically: true, encoding: .utf8)
        try "x".write(to: root.appendingPathComponent("inbox/bad-name.txt"), atomically: true, encoding: .utf8)
        let result = try zhubao(["run", "--root", root.path, "--as-of", "2026-01-31"], umask: umask)
        #expect(result.status == 65, "\(result.stderr)")
        for folder in ["archive", "archive/2026", "archive/2026/01", "quarantine", "state", "out", "out/daily/2026-01-31"] {
            #expect(try mode(root.appendingPathComponent(folder)) == 0o750, "\(folder) under umask \(umask)")
        }
        var files = ["archive/2026/01/\(good.name)", "quarantine/bad-name.txt", "quarantine/bad-name.txt.reason.txt",
                     "state/zhubao.sqlite", "out/daily/2026-01-31/summary.json", "out/daily/2026-01-31/exceptions.html"]
        files += ["state/zhubao.sqlite-wal", "state/zhubao.sqlite-shm"].filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        for file in files {
            #expect(try mode(root.appendingPathComponent(file)) == 0o640, "\(file) under umask \(umask)")
        }
    }

    @Test func aFolderAnOperatorNarrowedStaysNarrowAndKilledRunsLeaveNoTemporaries() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        for folder in ["state", "out", "archive"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root.appendingPathComponent(folder).path)
        }
        // What a run killed while writing leaves: AtomicFile's `.NAME.PID.tmp` (a PID that no
        // longer runs) and a staged copy.
        let stale = root.appendingPathComponent("out/daily/2026-01-30/.summary.json.2147483000.tmp")
        try FileManager.default.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "half".write(to: stale, atomically: false, encoding: .utf8)
        let staged = root.appendingPathComponent("state/intake/B105_DISB_360700_20260115_001.txt")
        try FileManager.default.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "half".write(to: staged, atomically: false, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 0, "\(result.stderr)")
        for folder in ["state", "out", "archive"] {
            #expect(try mode(root.appendingPathComponent(folder)) == 0o700, "\(folder) was widened")
        }
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(!FileManager.default.fileExists(atPath: staged.path))
    }

    @Test func aMissingStoreExits74WithWhatToDoAndTheInboxUntouched() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let file = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        try file.text.write(to: root.appendingPathComponent("inbox/\(file.name)"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("state/zhubao.sqlite"))
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("zhubao rebuild"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("inbox/\(file.name)").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("state/zhubao.sqlite").path))
    }

    /// A folder zhubao cannot write (out/ made a file, so that even root cannot write into it):
    /// 74 with a Chinese sentence, not 70 with Foundation's text.
    @Test func aFolderItCannotWriteExits74() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        let daily = root.appendingPathComponent("out/daily")
        try "not a folder".write(to: daily, atomically: true, encoding: .utf8)
        let result = try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("请检查"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }
}

/// The SFTP upload the service account cannot read (owned by another user, mode 0600), for
/// real: as root (which reads anything) zhubao runs as `nobody` through setpriv(1), the file
/// stays root's; as another user the file is made 0000.
@Suite struct UnreadableDeliveryTests {
    @Test func aFileTheAccountCannotReadWaitsInTheInboxAndTheRunExits74() throws {
        let root = temporaryRoot()
        let asRoot = getuid() == 0
        func zhubao(_ arguments: [String]) throws -> ZhubaoProcess.Result {
            guard asRoot else { return try ZhubaoProcess.run(arguments) }
            return try ZhubaoProcess.run(program: URL(fileURLWithPath: "/usr/bin/setpriv"),
                                         ["--reuid=nobody", "--regid=nogroup", "--clear-groups", ZhubaoProcess.executable.path] + arguments)
        }
        if asRoot { #expect(chown(root.path, 65534, 65534) == 0) }
        #expect(try zhubao(["init", "--root", root.path]).status == 0)
        let good = disbursementFile(date: "20260115", seq: 1, loan: "L1")
        let secret = disbursementFile(date: "20260115", seq: 2, loan: "L2")
        let goodURL = root.appendingPathComponent("inbox/\(good.name)"), secretURL = root.appendingPathComponent("inbox/\(secret.name)")
        try good.text.write(to: goodURL, atomically: true, encoding: .utf8)
        try secret.text.write(to: secretURL, atomically: true, encoding: .utf8)
        if asRoot {
            #expect(chown(goodURL.path, 65534, 65534) == 0)
            #expect(chmod(secretURL.path, 0o600) == 0)  // root's, 0600: nobody cannot open it
        } else {
            #expect(chmod(secretURL.path, 0) == 0)
        }
        let result = try zhubao(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stdout.contains("导入 1 个文件") && result.stdout.contains("1 个无法读取、留在收件箱"))
        #expect(FileManager.default.fileExists(atPath: secretURL.path))
        #expect(!FileManager.default.fileExists(atPath: goodURL.path))
        #expect(result.stderr.contains("file=\(secret.name)") && result.stderr.contains("无权读取"))
        let daily = root.appendingPathComponent("out/daily/2026-01-31")
        for output in ["summary.json", "exceptions.html"] {
            #expect(try String(contentsOf: daily.appendingPathComponent(output), encoding: .utf8).contains(secret.name), "\(output)")
        }
        // Made readable, it is taken by the next run.
        #expect(chmod(secretURL.path, 0o644) == 0)
        let next = try zhubao(["run", "--root", root.path, "--as-of", "2026-01-31"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: secretURL.path))
    }
}
