import Foundation
import Logging
@testable import ZhubaoCore

/// A workspace in a fresh temporary folder, removed when the value goes away.
final class TemporaryWorkspace {
    let workspace: Workspace
    let settings: Settings

    init(profile: Profile = .ganzhou2021) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-test-\(UUID().uuidString)")
        workspace = Workspace(root: root)
        try workspace.createFolders()
        _ = try Store.create(path: workspace.storePath)  // as `zhubao init` does
        settings = try Settings.defaults(profile: profile)
        let text = ConfigTemplate.text(profile: profile, region: settings.region, reference: settings.reference)
        try text.write(to: workspace.configFile, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: workspace.root) }

    var root: URL { workspace.root }

    /// Drops a file into the inbox.
    @discardableResult
    func deliver(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = workspace.inbox.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func deliver(_ name: String, text: String) throws {
        try deliver(name, Array(text.utf8))
    }

    func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func intake(asOf: String = "2026-04-30", logger: Logger = Logger(label: "test"), defersIndexes: Bool? = nil) throws -> (IntakeReport, Store) {
        let store = try Store.open(path: workspace.storePath)
        let intake = Intake(workspace: workspace, store: store,
                            context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()),
                            logger: logger, defersIndexes: defersIndexes)
        return (try intake.run(asOf: Day(iso: asOf)!), store)
    }

    func allDeliveries(_ store: Store) throws -> [InputFileRecord] {
        try store.database.read { db in try InputFileRecord.order(Column("id")).fetchAll(db) }
    }
}

import GRDB
