import Foundation
import ZhubaoSystem

/// The run layout of outputs.md under one root folder.
public struct Workspace: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    public var configFile: URL { root.appendingPathComponent(Settings.fileName) }
    public var inbox: URL { root.appendingPathComponent("inbox", isDirectory: true) }
    public var archive: URL { root.appendingPathComponent("archive", isDirectory: true) }
    public var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    public var out: URL { root.appendingPathComponent("out", isDirectory: true) }
    public var state: URL { root.appendingPathComponent("state", isDirectory: true) }
    public var metrics: URL { root.appendingPathComponent("metrics", isDirectory: true) }
    /// `outbox/{RECIPIENT}/`: the files zhubao sends (outbound.md), created by the first run that sends.
    public var outbox: URL { root.appendingPathComponent("outbox", isDirectory: true) }
    public var storePath: String { state.appendingPathComponent(Store.fileName).path }
    public var lockPath: String { state.appendingPathComponent("run.lock").path }

    public func daily(_ day: Day) -> URL {
        out.appendingPathComponent("daily", isDirectory: true).appendingPathComponent(day.iso, isDirectory: true)
    }

    public func claims(year: Int) -> URL {
        out.appendingPathComponent("claims", isDirectory: true).appendingPathComponent(String(year), isDirectory: true)
    }

    /// `archive/YYYY/MM/` of a business date.
    public func archive(for day: Day) -> URL {
        let c = day.components
        return archive.appendingPathComponent(String(c.year), isDirectory: true)
            .appendingPathComponent(Day.pad(c.month), isDirectory: true)
    }

    /// Creates the folders of the layout and sets their modes (outputs.md): those that hold
    /// personal data — `archive/`, `quarantine/`, `state/`, `out/`, `outbox/` — are 0750 (a
    /// narrower mode an operator set is kept: modes are only ever narrowed); `inbox/` and
    /// `metrics/` are made 0750 and 0755 when missing and otherwise left as they are (senders
    /// and the metrics collector may need them open).
    public func createFolders() throws {
        try FileModes.makeFolder(root, mode: 0o755, narrowExisting: false)
        try FileModes.makeFolder(inbox, mode: FileModes.folder, narrowExisting: false)
        try FileModes.makeFolder(metrics, mode: 0o755, narrowExisting: false)
        for folder in [archive, quarantine, out, state] { try FileModes.makeFolder(folder) }
        // outbox/ (outbound.md): 0750 when created, an operator's narrower mode kept.
        try FileModes.makeFolder(outbox)
    }

    /// Removes what a killed run left: the writers' hidden temporary files (`.NAME.PID.tmp`)
    /// of processes that no longer run. Returns their paths.
    public func removeStaleTemporaries() -> [String] {
        // Not archive/: nothing is written there but by rename from state/intake/.
        [state, quarantine, out, metrics, outbox]
            .flatMap { FileModes.removeStaleTemporaries(in: $0) }
    }

    /// Whether `zhubao init` has been run here.
    public var isInitialised: Bool { FileManager.default.fileExists(atPath: configFile.path) }
}
