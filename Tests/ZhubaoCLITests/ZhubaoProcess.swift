import Foundation

/// Runs the built `zhubao` executable, which `swift test` builds beside the test bundle.
struct ZhubaoProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the test runner is `…/debug/zhubaoPackageTests.xctest`; elsewhere it may sit
        // inside a bundle. Walk up until the executable is found.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("zhubao")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("zhubao")
    }

    /// Starts zhubao with the arguments; the caller waits or kills.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        try start(program: executable, arguments, environment: environment)
    }

    /// Starts `program` (zhubao, or a launcher of it: `sh -c "umask …"`, setpriv).
    static func start(program: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs zhubao to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(program: executable, arguments, environment: environment)
    }

    /// Runs `program` to completion.
    static func run(program: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(program: program, arguments, environment: environment)
        // Both pipes read at once, before waiting: a child that fills one pipe while the other is
        // being read (a chatty log on stderr) would otherwise block for ever.
        nonisolated(unsafe) var stderr = Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Waits until a run started with `zhubao run` is inside an intake batch (a staged copy in
/// `state/intake/`), or has ended, then `extra` seconds more, and kills it with SIGKILL. Kills
/// timed from the start land anywhere on a loaded machine (CI runs the whole suite at once).
/// Returns whether the kill ended the process.
@discardableResult
func killOnceStaged(_ process: Process, root: URL, extra: Double = 0) -> Bool {
    let staging = root.appendingPathComponent("state/intake").path
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, Date() < deadline, ((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []).isEmpty {
        usleep(1000)
    }
    Thread.sleep(forTimeInterval: extra)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
}

/// A fresh folder for a workspace.
func temporaryRoot() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A valid one-line disbursement file (ASCII only, so GB18030 and UTF-8 read it the same).
func disbursementFile(date: String, seq: Int, loan: String) -> (name: String, text: String) {
    let seqText = String(format: "%03d", seq)
    let name = "B105_DISB_360700_\(date)_\(seqText).txt"
    let lines = [
        "H|105|360700|DISB|\(date)|B105360700\(date)\(seqText)|1.0",
        "D|\(loan)|C-\(loan)|360702196703150030|Liu|A|8904.00|3.0000|\(date)|20270114|202601|202612|36070001199000000001|N",
        "T|1|8904.00",
    ]
    return (name, lines.joined(separator: "\n") + "\n")
}
