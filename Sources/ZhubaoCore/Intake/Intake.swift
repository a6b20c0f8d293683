import Foundation
import GRDB
import Logging
import ZhubaoSystem

/// The intake half of the daily job (outputs.md "Run layout", formats.md "Common rules"):
/// lists the inbox, records every complete file in the store, imports or rejects it, and only
/// then moves it to `archive/` or `quarantine/`.
package struct Intake {
    package let workspace: Workspace
    package let store: Store
    package let context: ImportContext
    package let logger: Logger
    /// The folder listed: the workspace's inbox, or for a dry run the real workspace's inbox
    /// while everything else is the throwaway copy's.
    package let inbox: URL
    /// false for a dry run: nothing is moved to `archive/` or `quarantine/`, no inbox name or
    /// marker is removed; the store (a throwaway copy) records what would have been done.
    package let placesFiles: Bool
    /// Whether the key and date indexes wait until the end (`Store+DeferredIndexes.swift`); nil
    /// lets the store decide from the inbox's and its own bytes (tests force either way).
    package let defersIndexes: Bool?
    /// false: the deferred indexes are left for the caller to build (`run` builds them while it
    /// reads the ledger: `Store.startBuildingDeferredIndexes`).
    package let buildsIndexes: Bool

    package init(workspace: Workspace, store: Store, context: ImportContext, logger: Logger,
                inbox: URL? = nil, placesFiles: Bool = true, defersIndexes: Bool? = nil, buildsIndexes: Bool = true) {
        self.defersIndexes = defersIndexes
        self.buildsIndexes = buildsIndexes
        self.workspace = workspace
        self.store = store
        self.context = context
        self.logger = logger
        self.inbox = inbox ?? workspace.inbox
        self.placesFiles = placesFiles
    }

    /// A batch (one transaction, `Store.inBatch`) closes after this many files, or once its
    /// files hold `batchBytes`: a run of many small files syncs the store, the staged copies and
    /// each archive folder once a batch instead of once a file; a big file still ends its batch.
    package static let batchFiles = 256
    package static let batchBytes: Int64 = 64 << 20

    /// Takes every complete file of the inbox. `asOf` is the run's date; `now` stamps the rows.
    /// A file that cannot be read, or whose handling fails, stays in the inbox and is listed in
    /// `unread`; the other files are taken all the same. Only the store failing stops the run.
    ///
    /// The files are taken in batches: each file is staged and decided in a savepoint of its
    /// batch's transaction (whole or nothing); the staged copies are flushed, the batch commits,
    /// and only then are its files placed in `archive/` or `quarantine/` and taken out of the
    /// inbox. A run killed at any moment leaves each file recorded and placed (perhaps still in
    /// the inbox too, which the next run finishes), or unrecorded and in the inbox.
    package func run(asOf: Day, now: Date = Date()) throws -> IntakeReport {
        var report = IntakeReport()
        let directory = try InboxDirectory(path: inbox.path)
        let settings = context.settings
        let listing = try InboxListing.read(directory, mode: settings.intakeMode, stableSeconds: settings.stableSeconds, now: now)
        report.ignored = listing.ignored
        report.waiting = listing.waiting
        for file in listing.waiting {
            logger.info("file may still be written; left for the next run", metadata: ["file": "\(SafeName.logged(file.name))", "why": "\(SafeName.logged(text: file.reason, naming: file.name))"])
        }
        let staging = Staging(workspace: workspace)
        try staging.clear()
        defer { try? staging.clear() }
        let stamp = Stamp(asOf: asOf, receivedAt: ISO8601DateFormatter().string(from: now))
        let remover = InboxRemover()
        defer { finish(remover, into: &report) }
        // Much to import against what the store holds: the key and date indexes wait until the
        // last batch has committed (`Store+DeferredIndexes.swift`).
        let bulk = defersIndexes ?? store.defersIndexes(importing: listing.files.reduce(0) {
            $0 + (($1.listed ?? directory.fileStatus(of: $1.raw))?.size ?? 0)  // "stable" mode listed the sizes already
        })
        // The entries are opened, copied and read ahead on a thread of their own while the
        // store writes (`Intake+Prefetch.swift`); stopped on every path out.
        let prefetch = Prefetch(count: listing.files.count) { index in
            prepare(listing.files[index], number: index + 1, directory: directory, staging: staging)
        }
        defer { prefetch.stop() }
        var next = 0
        while next < listing.files.count {
            let taken = try store.inBatch { batch in
                var taken: [Taken] = []
                var bytes: Int64 = 0
                let first = next
                if bulk && first == 0 {
                    let dropped = try batch.deferIndexes()
                    logger.info("indexes deferred to the end of the intake", metadata: ["indexes": "\(dropped)", "files": "\(listing.files.count)"])
                }
                while next < listing.files.count, next - first < Self.batchFiles, bytes < Self.batchBytes {
                    let entry = listing.files[next]
                    next += 1
                    guard let prepared = prefetch.next() else { break }
                    guard let file = try attempt(entry, into: &report, { try take(prepared, from: directory, batch: batch, stamp: stamp) }) else { continue }
                    taken.append(file)
                    bytes += file.delivery.record.size
                }
                try staging.sync()  // the copies are on disk before the commit that records them
                return taken
            }
            place(taken, into: &report, remover: remover)
        }
        if buildsIndexes { try store.buildDeferredIndexes(logger: logger) }
        finish(remover, into: &report)
        return report
    }

    /// Runs `work` for one inbox entry: its value, or nil with the entry reported as waiting,
    /// ignored or unread. Only the store failing is passed on (it stops the run).
    func attempt<T>(_ entry: InboxListing.Entry, into report: inout IntakeReport, _ work: () throws -> T) throws -> T? {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw error
        } catch let error as StillBeingWritten {
            let file = WaitingFile(name: error.name, reason: "复制时文件仍在改动")
            logger.info("file changed while it was read; left for the next run", metadata: ["file": "\(SafeName.logged(file.name))"])
            report.waiting.append(file)
        } catch let error as InboxFileError where error.operation == .open && [ELOOP, EINVAL, ENOENT].contains(error.errno) {
            // Gone, or no longer a regular file (a link or FIFO swapped in): left alone, like
            // any name that is not a regular file. Nothing of it was read.
            logger.warning("not a regular file when opened; ignored", metadata: ["file": "\(SafeName.logged(entry.name))", "error": "\(SafeName.logged(error, naming: entry.name))"])
            report.ignored.append(entry.name)
        } catch {
            leftInInbox(entry.name, error, into: &report)
        }
        return nil
    }

    /// The run's date and time, as every registry row of the run carries them.
    struct Stamp {
        let asOf: Day
        let receivedAt: String
    }

    /// An empty file is rejected (E001) rather than left to wait for content (issue 16).
    static let emptyFile = "文件为空（0 字节），没有可导入的内容；请发送方检查后以下一个序号重新发送"
}

/// What became of one inbox file in this run.
package struct Delivery: Sendable {
    package enum Outcome: String, Sendable {
        case imported, rejected, conflict, alreadyRecorded
    }
    package let record: InputFileRecord
    package let outcome: Outcome
}

/// The intake's account of a run, handed to the reconciliation and the summary.
package struct IntakeReport: Sendable {
    package var deliveries: [Delivery] = []
    package var ignored: [String] = []
    /// Files left in the inbox because they could not be read or placed (exit 74).
    package var unread: [UnreadFile] = []
    /// Files left in the inbox because they may still be being written (`intake_mode`).
    package var waiting: [WaitingFile] = []

    package mutating func add(_ delivery: Delivery) { deliveries.append(delivery) }

    package func count(_ outcome: Delivery.Outcome) -> Int {
        deliveries.filter { $0.outcome == outcome }.count
    }

    /// Exit 65 when any file was rejected in this run (outputs.md "Exit codes").
    package var rejectedAny: Bool {
        deliveries.contains { $0.outcome == .rejected || $0.outcome == .conflict }
    }
}
