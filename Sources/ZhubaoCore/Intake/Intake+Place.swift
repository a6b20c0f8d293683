import Foundation

extension Intake {
    /// Places the files of a committed batch, in three passes: each staged copy renamed into
    /// `archive/` or `quarantine/`; each folder renamed into synced once; then each inbox name
    /// removed. So no inbox name goes before its placed copy is durable, and a batch costs a
    /// folder sync per folder, not per file. A file whose placing fails stays in the inbox
    /// (recorded: the next run finishes it) and is reported unread; the others are done.
    /// For a dry run the staged copies are dropped and nothing else is touched.
    func place(_ batch: [Taken], into report: inout IntakeReport) {
        guard placesFiles else {
            for file in batch {
                try? FileManager.default.removeItem(at: file.staged)
                report.add(file.delivery)
            }
            return
        }
        let disposition = Disposition(workspace: workspace)
        var placed: [(file: Taken, folder: String)] = []
        for file in batch {
            do {
                placed.append((file, try disposition.place(staged: file.staged, record: file.delivery.record).path))
            } catch {
                leftInInbox(file.entry.name, error, into: &report)
            }
        }
        var unsynced: [String: any Error] = [:]
        for folder in Set(placed.map(\.folder)).sorted() {
            do { try AtomicFile.syncFolder(URL(fileURLWithPath: folder, isDirectory: true)) } catch { unsynced[folder] = error }
        }
        for (file, folder) in placed {
            do {
                if let error = unsynced[folder] { throw error }
                try file.removeFromInbox()
                report.add(file.delivery)
            } catch {
                leftInInbox(file.entry.name, error, into: &report)
            }
        }
    }

    /// A file that could not be taken or placed: it stays in the inbox and is reported unread.
    func leftInInbox(_ name: String, _ error: any Error, into report: inout IntakeReport) {
        logger.error("file left in the inbox", metadata: ["file": "\(name)", "error": "\(error)"])
        report.unread.append(UnreadFile(name: name, error: error))
    }
}
