import ZhubaoSystem
import Foundation

extension Intake {
    /// Places the files of a committed batch, in three passes: each staged copy renamed into
    /// `archive/` or `quarantine/`; each folder renamed into synced once; then each inbox name
    /// handed to `remover`. So no inbox name goes before its placed copy is durable, and a batch
    /// costs a folder sync per folder, not per file. A file whose placing fails stays in the
    /// inbox (recorded: the next run finishes it) and is reported unread; the others are done.
    /// For a dry run the staged copies are dropped and nothing else is touched.
    func place(_ batch: [Taken], into report: inout IntakeReport, remover: InboxRemover) {
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
        var durable: [Taken] = []
        for (file, folder) in placed {
            if let error = unsynced[folder] { leftInInbox(file.entry.name, error, into: &report) } else { durable.append(file) }
        }
        remover.remove(durable)
    }

    /// Reports the files whose inbox names `remover` took away, once it is done with them all:
    /// as delivered, or, when the name could not be removed, as left in the inbox.
    func finish(_ remover: InboxRemover, into report: inout IntakeReport) {
        for (file, error) in remover.finish() {
            if let error { leftInInbox(file.entry.name, error, into: &report) } else { report.add(file.delivery) }
        }
    }

    /// A file that could not be taken or placed: it stays in the inbox and is reported unread.
    func leftInInbox(_ name: String, _ error: any Error, into report: inout IntakeReport) {
        logger.error("file left in the inbox", metadata: ["file": "\(SafeName.logged(name))", "error": "\(SafeName.logged(error, naming: name))"])
        report.unread.append(UnreadFile(name: name, error: error))
    }
}

/// Removes the inbox names of placed files on a thread of its own, in order, while the next
/// batch is read: removing a file whose blocks are on disk waits on the file system (about 2 ms
/// here, with `discard`), nearly all of it idle, so done inline it added a tenth to intake.
final class InboxRemover: @unchecked Sendable {
    private let queue = DispatchQueue(label: "zhubao.intake.remover")
    private let lock = NSLock()
    private var results: [(Intake.Taken, (any Error)?)] = []

    func remove(_ files: [Intake.Taken]) {
        guard !files.isEmpty else { return }
        queue.async { [self] in
            for file in files {
                let result = Result { try file.removeFromInbox() }
                lock.withLock { results.append((file, result.failure)) }
            }
        }
    }

    /// Waits until every name handed over is dealt with; each file with the error, if any.
    func finish() -> [(Intake.Taken, (any Error)?)] {
        queue.sync {}
        return lock.withLock {
            defer { results = [] }
            return results
        }
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
