import Foundation
import GRDB
import Logging
import ZhubaoSystem

/// The intake half of the daily job (outputs.md "Run layout", formats.md "Common rules"):
/// lists the inbox, records every complete file in the store, imports or rejects it, and only
/// then moves it to `archive/` or `quarantine/`.
public struct Intake {
    public let workspace: Workspace
    public let store: Store
    public let context: ImportContext
    public let logger: Logger
    /// The folder listed: the workspace's inbox, or for a dry run the real workspace's inbox
    /// while everything else is the throwaway copy's.
    public let inbox: URL
    /// false for a dry run: nothing is moved to `archive/` or `quarantine/`, no inbox name or
    /// marker is removed; the store (a throwaway copy) records what would have been done.
    public let placesFiles: Bool

    public init(workspace: Workspace, store: Store, context: ImportContext, logger: Logger,
                inbox: URL? = nil, placesFiles: Bool = true) {
        self.workspace = workspace
        self.store = store
        self.context = context
        self.logger = logger
        self.inbox = inbox ?? workspace.inbox
        self.placesFiles = placesFiles
    }

    /// Takes every complete file of the inbox. `asOf` is the run's date; `now` stamps the rows.
    /// A file that cannot be read, or whose handling fails, stays in the inbox and is listed in
    /// `unread`; the other files are taken all the same. Only the store failing stops the run.
    public func run(asOf: Day, now: Date = Date()) throws -> IntakeReport {
        var report = IntakeReport()
        let directory = try InboxDirectory(path: inbox.path)
        let settings = context.settings
        let listing = try InboxListing.read(directory, mode: settings.intakeMode, stableSeconds: settings.stableSeconds, now: now)
        report.ignored = listing.ignored
        report.waiting = listing.waiting
        for file in listing.waiting {
            logger.info("file may still be written; left for the next run", metadata: ["file": "\(file.name)", "why": "\(file.reason)"])
        }
        let staging = Staging(workspace: workspace)
        try staging.clear()
        defer { try? staging.clear() }
        for entry in listing.files {
            do {
                report.add(try take(entry, from: directory, staging: staging, asOf: asOf, now: now))
            } catch let error as DatabaseError {
                throw error
            } catch let error as StillBeingWritten {
                let file = WaitingFile(name: error.name, reason: "复制时文件仍在改动")
                logger.info("file changed while it was read; left for the next run", metadata: ["file": "\(file.name)"])
                report.waiting.append(file)
            } catch let error as InboxFileError where error.operation == .open && [ELOOP, EINVAL, ENOENT].contains(error.errno) {
                // Gone, or no longer a regular file (a link or FIFO swapped in): left alone, like
                // any name that is not a regular file. Nothing of it was read.
                logger.warning("not a regular file when opened; ignored", metadata: ["file": "\(entry.name)", "error": "\(error)"])
                report.ignored.append(entry.name)
            } catch {
                let unread = UnreadFile(name: entry.name, error: error)
                logger.error("file left in the inbox", metadata: ["file": "\(entry.name)", "error": "\(error)"])
                report.unread.append(unread)
            }
        }
        return report
    }

    /// Opens the entry once (`O_NOFOLLOW`), copies it to the staging folder from that
    /// descriptor, and decides from the copy alone.
    private func take(_ entry: InboxListing.Entry, from directory: InboxDirectory, staging: Staging,
                      asOf: Day, now: Date) throws -> Delivery {
        let file = try directory.open(entry.raw, name: entry.name)
        defer { file.close() }
        let (staged, digest) = try staging.copy(file, as: SafeName.isKept(entry.raw) ? entry.name : "unsafe-name", checking: entry.listed)
        let placing = Placing(staged: staged, places: placesFiles) {
            if try !directory.remove(entry.raw, ifStill: file) {
                logger.warning("inbox name no longer refers to the file read; left alone", metadata: ["file": "\(entry.name)"])
            } else if let marker = entry.marker {
                try directory.removeRegularFile(marker, name: SafeName.display(marker))
            }
        }
        let earlier = try store.deliveries(named: entry.name)
        if let same = earlier.first(where: { $0.sha256 == digest.sha256 }) {
            // Seen with these very bytes: a redelivery, or a run killed after the commit and
            // before the move. Finish the move; import nothing.
            logger.info("already recorded, not imported again", metadata: ["file": "\(entry.name)", "status": "\(same.status.rawValue)"])
            try placing.apply(Disposition(workspace: workspace), same)
            return Delivery(record: same, outcome: .alreadyRecorded)
        }
        var row = InputFileRecord(id: nil, name: entry.name, sha256: digest.sha256, size: digest.size,
                                  status: .rejected, recordCount: 0,
                                  receivedAt: ISO8601DateFormatter().string(from: now), receivedOn: asOf.iso)
        let parsed = FileName.parse(entry.name)
        if case .success(let name) = parsed {
            row.sender = name.sender.description
            row.kind = name.kind.rawValue
            row.region = name.region
            row.businessDate = name.businessDate.iso
            row.seq = name.seq
        }
        if !earlier.isEmpty {
            // formats.md "Idempotence": E002 and not E001 as well; the first delivery stands.
            row.status = .conflict
            row.reason = "文件名 \(entry.name) 已于 \(earlier[0].receivedOn) 收到过，但本次内容不同（SHA-256 \(digest.sha256.prefix(12))…，原为 \(earlier[0].sha256.prefix(12))…）；以首次收到的文件为准。更正的文件应使用下一个序号。"
            return try finish(entry, placing, row: try store.record(row), outcome: .conflict)
        }
        let name: FileName
        switch parsed {
        case .failure(let error):
            row.reason = "文件名不符合约定：\(error.reason)"
            return try finish(entry, placing, row: try store.record(row), outcome: .rejected)
        case .success(let parsedName):
            name = parsedName
        }
        if let refusal = name.refusal(under: context.settings) ?? (digest.size == 0 ? Self.emptyFile : nil) {
            row.reason = refusal
            return try finish(entry, placing, row: try store.record(row), outcome: .rejected)
        }
        let importer = Importers.importer(for: name.kind)
        let context = context
        let (stored, outcome) = try store.importFile(row, readingAhead: { sink in
            try importer.read(staged, name: name, context: context, into: &sink)
        })
        logger.info("file \(stored.status == .imported ? "imported" : "rejected")",
                    metadata: ["file": "\(entry.name)", "records": "\(outcome.recordCount)"])
        return try finish(entry, placing, row: stored, outcome: stored.status == .imported ? .imported : .rejected)
    }


    /// An empty file is rejected (E001) rather than left to wait for content (issue 16).
    static let emptyFile = "文件为空（0 字节），没有可导入的内容；请发送方检查后以下一个序号重新发送"

    private func finish(_ entry: InboxListing.Entry, _ placing: Placing, row: InputFileRecord,
                        outcome: Delivery.Outcome) throws -> Delivery {
        if row.status != .imported {
            logger.warning("file rejected", metadata: ["file": "\(entry.name)", "status": "\(row.status.rawValue)"])
        }
        try placing.apply(Disposition(workspace: workspace), row)
        return Delivery(record: row, outcome: outcome)
    }

    /// The staged copy of the file being taken and how to take its name out of the inbox.
    private struct Placing {
        let staged: URL
        /// false for a dry run: the staged copy is dropped, nothing else is touched.
        let places: Bool
        let removeFromInbox: () throws -> Void

        func apply(_ disposition: Disposition, _ record: InputFileRecord) throws {
            guard places else { return try FileManager.default.removeItem(at: staged) }
            try disposition.apply(staged: staged, record: record, removeFromInbox: removeFromInbox)
        }
    }
}

/// What became of one inbox file in this run.
public struct Delivery: Sendable {
    public enum Outcome: String, Sendable {
        case imported, rejected, conflict, alreadyRecorded
    }
    public let record: InputFileRecord
    public let outcome: Outcome
}

/// The intake's account of a run, handed to the reconciliation and the summary.
public struct IntakeReport: Sendable {
    public var deliveries: [Delivery] = []
    public var ignored: [String] = []
    /// Files left in the inbox because they could not be read or placed (exit 74).
    public var unread: [UnreadFile] = []
    /// Files left in the inbox because they may still be being written (`intake_mode`).
    public var waiting: [WaitingFile] = []

    public mutating func add(_ delivery: Delivery) { deliveries.append(delivery) }

    public func count(_ outcome: Delivery.Outcome) -> Int {
        deliveries.filter { $0.outcome == outcome }.count
    }

    /// Exit 65 when any file was rejected in this run (outputs.md "Exit codes").
    public var rejectedAny: Bool {
        deliveries.contains { $0.outcome == .rejected || $0.outcome == .conflict }
    }
}
