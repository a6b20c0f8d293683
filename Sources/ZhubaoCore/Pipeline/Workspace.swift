import Foundation
import ZhubaoSystem

/// The run layout of outputs.md under one root folder.
package struct Workspace: Sendable {
    package let root: URL

    package init(root: URL) { self.root = root.standardizedFileURL }

    package var configFile: URL { root.appendingPathComponent(Settings.fileName) }
    package var inbox: URL { root.appendingPathComponent("inbox", isDirectory: true) }
    package var archive: URL { root.appendingPathComponent("archive", isDirectory: true) }
    package var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    package var out: URL { root.appendingPathComponent("out", isDirectory: true) }
    package var state: URL { root.appendingPathComponent("state", isDirectory: true) }
    package var metrics: URL { root.appendingPathComponent("metrics", isDirectory: true) }
    /// `outbox/{RECIPIENT}/`: the files zhubao sends (outbound.md), created by the first run that sends.
    package var outbox: URL { root.appendingPathComponent("outbox", isDirectory: true) }
    package var storePath: String { state.appendingPathComponent(Store.fileName).path }
    package var lockPath: String { state.appendingPathComponent("run.lock").path }

    package func daily(_ day: Day) -> URL {
        out.appendingPathComponent("daily", isDirectory: true).appendingPathComponent(day.iso, isDirectory: true)
    }

    package func claims(year: Int) -> URL {
        out.appendingPathComponent("claims", isDirectory: true).appendingPathComponent(String(year), isDirectory: true)
    }

    /// `archive/YYYY/MM/` of a business date.
    package func archive(for day: Day) -> URL {
        let c = day.components
        return archive.appendingPathComponent(String(c.year), isDirectory: true)
            .appendingPathComponent(Day.pad(c.month), isDirectory: true)
    }

    /// Creates the folders of the layout and sets their modes (outputs.md): those that hold
    /// personal data — `archive/`, `quarantine/`, `state/`, `out/`, `outbox/` — are 0750 (a
    /// narrower mode an operator set is kept: modes are only ever narrowed); `inbox/` and
    /// `metrics/` are made 0750 and 0755 when missing and otherwise left as they are (senders
    /// and the metrics collector may need them open).
    package func createFolders() throws {
        try FileModes.makeFolder(root, mode: 0o755, narrowExisting: false)
        try FileModes.makeFolder(inbox, mode: FileModes.folder, narrowExisting: false)
        try FileModes.makeFolder(metrics, mode: 0o755, narrowExisting: false)
        for folder in [archive, quarantine, out, state] { try FileModes.makeFolder(folder) }
        // outbox/ (outbound.md): 0750 when created, an operator's narrower mode kept.
        try FileModes.makeFolder(outbox)
    }

    /// Removes what a killed run left: the writers' hidden temporary files (`.NAME.PID.tmp`)
    /// of processes that no longer run. Returns their paths.
    package func removeStaleTemporaries() -> [String] {
        // Not archive/: nothing is written there but by rename from state/intake/.
        [state, quarantine, out, metrics, outbox]
            .flatMap { FileModes.removeStaleTemporaries(in: $0) }
    }

    /// Whether `zhubao init` has been run here.
    package var isInitialised: Bool { FileManager.default.fileExists(atPath: configFile.path) }
}
