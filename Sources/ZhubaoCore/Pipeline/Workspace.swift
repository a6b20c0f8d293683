import Foundation

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

    /// Creates the folders of the layout (those that exist are left alone).
    public func createFolders() throws {
        for folder in [inbox, archive, quarantine, out, state, metrics] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        // The store and the machine-readable outputs hold personal data: owner and group only.
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: state.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out.path)
        // outbox/ (outbound.md) too, when it is created; a mode an operator set is left alone.
        if !FileManager.default.fileExists(atPath: outbox.path) {
            try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: outbox.path)
        }
    }

    /// Whether `zhubao init` has been run here.
    public var isInitialised: Bool { FileManager.default.fileExists(atPath: configFile.path) }
}
