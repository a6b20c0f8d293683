import ZhubaoSystem
import Foundation
import GRDB

extension Intake {
    /// One inbox file staged and decided in a batch, waiting for the batch's commit to be placed.
    /// Sendable by hand: `InboxRemover` calls `removeFromInbox` on its thread, which uses the
    /// inbox folder's descriptor (`unlinkat`, safe beside the next batch's `openat`) and nothing
    /// else that another thread touches.
    struct Taken: @unchecked Sendable {
        let entry: InboxListing.Entry
        let staged: URL
        let delivery: Delivery
        /// Takes the name (and its marker) out of the inbox, while it still names the file read.
        let removeFromInbox: () throws -> Void
    }

    /// Decides an entry prepared ahead (`Intake.prepare`: opened once, copied to the staging
    /// folder and hashed) from the copy alone, recording the decision in `batch`. A reading
    /// started ahead is handed to the store, or cancelled when the file is not imported.
    func take(_ prepared: Prepared, from directory: InboxDirectory, batch: ImportBatch, stamp: Stamp) throws -> Taken {
        let entry = prepared.entry
        let ready = try prepared.staged.get()
        var reading = ready.reading
        defer { reading?.cancel() }  // not handed to the store: the file is not imported
        let (file, staged, digest) = (ready.file, ready.url, ready.digest)
        let taken = { (record: InputFileRecord, outcome: Delivery.Outcome) in
            Taken(entry: entry, staged: staged, delivery: Delivery(record: record, outcome: outcome)) {
                if try !directory.remove(entry.raw, ifStill: file) {
                    logger.warning("inbox name no longer refers to the file read; left alone", metadata: ["file": "\(SafeName.logged(entry.name))"])
                } else if let marker = entry.marker {
                    try directory.removeRegularFile(marker, name: SafeName.display(marker))
                }
            }
        }
        let earlier = try batch.deliveries(named: entry.name)
        if let same = earlier.first(where: { $0.sha256 == digest.sha256 }) {
            // Seen with these very bytes: a redelivery, or a run killed after the commit and
            // before the move. Finish the move; import nothing.
            logger.info("already recorded, not imported again", metadata: ["file": "\(SafeName.logged(entry.name))", "status": "\(same.status.rawValue)"])
            return taken(same, .alreadyRecorded)
        }
        var row = InputFileRecord(id: nil, name: entry.name, sha256: digest.sha256, size: digest.size,
                                  status: .rejected, recordCount: 0,
                                  receivedAt: stamp.receivedAt, receivedOn: stamp.asOf.iso)
        let parsed = FileName.parse(entry.name)
        if case .success(let name) = parsed {
            row.sender = name.sender
            row.kind = name.kind
            row.region = name.region
            row.businessDate = name.businessDate.iso
            row.seq = name.seq
        }
        if !earlier.isEmpty {
            // formats.md "Idempotence": E002 and not E001 as well; the first delivery stands.
            row.status = .conflict
            row.reason = "文件名 \(entry.name) 已于 \(earlier[0].receivedOn) 收到过，但本次内容不同（SHA-256 \(digest.sha256.prefix(12))…，原为 \(earlier[0].sha256.prefix(12))…）；以首次收到的文件为准。更正的文件应使用下一个序号。"
            return taken(rejected(entry, try batch.record(row)), .conflict)
        }
        let name: FileName
        switch parsed {
        case .failure(let error):
            row.reason = "文件名不符合约定：\(error.reason)"
            return taken(rejected(entry, try batch.record(row)), .rejected)
        case .success(let parsedName):
            name = parsedName
        }
        if let refusal = name.refusal(under: context.settings) ?? (digest.size == 0 ? Self.emptyFile : nil) {
            row.reason = refusal
            return taken(rejected(entry, try batch.record(row)), .rejected)
        }
        let handed = reading ?? reader(for: staged, name: name)
        reading = nil
        let (stored, outcome) = try batch.importFile(row, reading: handed)
        logger.info("file \(stored.status == .imported ? "imported" : "rejected")",
                    metadata: ["file": "\(SafeName.logged(entry.name))", "records": "\(outcome.recordCount)"])
        return stored.status == .imported ? taken(stored, .imported) : taken(rejected(entry, stored), .rejected)
    }

    /// Logs a rejection (the record is written already) and hands the record back.
    private func rejected(_ entry: InboxListing.Entry, _ row: InputFileRecord) -> InputFileRecord {
        logger.warning("file rejected", metadata: ["file": "\(SafeName.logged(entry.name))", "status": "\(row.status.rawValue)"])
        return row
    }
}
