import Foundation
import Logging
import ZhubaoSystem

/// The outbox step of `zhubao run` (outbound.md "The outbox"), after the daily report: compares
/// what the run of D would send to each recipient with the last file of that kind recorded for it
/// (FDBK: that recipient and date; ELIG: that recipient and year) and writes a file only where
/// the lines differ, under the next SEQ. Each file is written as `NAME.part`, flushed, recorded
/// in the store and published under its name in one transaction; it is never rewritten.
/// Only `run` comes here: `rerun`, `validate` and `claim` never write to the outbox.
package struct Outbox {
    package let workspace: Workspace
    package let store: Store
    package let settings: Settings
    package let logger: Logger

    /// Sends what `daily.plan` holds and rewrites summary.json with the files of the date.
    package func send(_ daily: DailyReport.Result, now: Date = Date()) throws -> DailyReport.Result {
        var daily = daily
        try removeLeftovers()
        daily.sent = try send(daily.plan, now: now)
        daily.summary.outbox = try store.outboxCounts(on: daily.plan.asOf)
        try AtomicFile.write(daily.summary.render(), to: daily.folder.appendingPathComponent("summary.json"), mode: 0o640)
        return daily
    }

    /// Writes the files that differ from what was sent; returns their records, in order written.
    package func send(_ plan: OutboundPlan, now: Date = Date()) throws -> [OutboxFileRecord] {
        var sent: [OutboxFileRecord] = []
        let sentFeedback = try store.outboxRecipients(kind: .feedback, on: plan.asOf)
        for recipient in Set(plan.feedback.keys).union(sentFeedback).sorted() {
            let last = try store.lastOutboxFile(kind: .feedback, recipient: recipient, date: plan.asOf)
            if let file = try write(recipient: recipient, kind: .feedback, year: nil, lines: plan.feedback[recipient] ?? [],
                                    last: last, asOf: plan.asOf, now: now) {
                sent.append(file)
            }
        }
        if let year = plan.eligibilityYear {
            for bank in plan.eligibility.keys.sorted() {
                let last = try store.lastOutboxFile(kind: .eligibility, recipient: bank, year: year)
                if let file = try write(recipient: bank, kind: .eligibility, year: year, lines: plan.eligibility[bank] ?? [],
                                        last: last, asOf: plan.asOf, now: now) {
                    sent.append(file)
                }
            }
        }
        return sent
    }

    /// One recipient and kind: nothing when the lines are those last sent (or there are none
    /// and nothing was sent), else the whole file under the next SEQ of the date.
    func write(recipient: String, kind: OutboundKind, year: Int?, lines: [OutboundLine], last: OutboxFileRecord?,
               asOf: Day, now: Date) throws -> OutboxFileRecord? {
        let seq = try store.lastOutboxSeq(kind: kind, recipient: recipient, region: settings.region, date: asOf) + 1
        let file = OutboundFile(recipient: recipient, kind: kind, region: settings.region, date: asOf, seq: seq, lines: lines)
        if let last {
            if last.linesSha256 == file.linesDigest { return nil }
        } else if lines.isEmpty {
            return nil
        }
        let bytes = try file.bytes()
        let folder = try self.folder(recipient)
        let final = folder.appendingPathComponent(file.name), part = folder.appendingPathComponent(file.name + ".part")
        try AtomicFile.writeFlushed(bytes, at: part, mode: 0o640)
        let record = OutboxFileRecord(
            id: nil, name: file.name, recipient: recipient, kind: kind, region: settings.region,
            businessDate: asOf.iso, seq: seq, year: year, lineCount: lines.count, total: file.total.value,
            sha256: FileDigest.sha256(bytes), linesSha256: file.linesDigest, runAsOf: asOf.iso,
            writtenAt: ISO8601DateFormatter().string(from: now))
        let recorded = try store.recordOutboxFile(record) {
            // Published inside the transaction: killed before the commit, the file may be
            // visible but unrecorded; the next run then writes the same name with the same
            // bytes, finds it there and records it (never a second, different file).
            if try !AtomicFile.publishWithoutReplacing(part, as: final) {
                try? FileManager.default.removeItem(at: part)
                guard let existing = try? FileDigest.of(final), existing.sha256 == record.sha256 else {
                    throw OutboxError("outbox/\(recipient)/\(file.name) 已存在且内容不同：zhubao 不覆盖已发出的文件，请核对 outbox 目录")
                }
            }
        }
        logger.info("outbox file written", metadata: [
            "recipient": "\(recipient)", "file": "\(file.name)", "lines": "\(lines.count)",
        ])
        return recorded
    }

    /// `outbox/{recipient}/`, created `0750` when missing (a mode an operator set is left alone).
    func folder(_ recipient: String) throws -> URL {
        let outbox = workspace.outbox, folder = outbox.appendingPathComponent(recipient, isDirectory: true)
        for url in [outbox, folder] where !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: url.path)
        }
        return folder
    }

    /// `.part` files a killed run left: never complete, never recorded; removed before writing.
    func removeLeftovers() throws {
        let fm = FileManager.default
        guard let recipients = try? fm.contentsOfDirectory(atPath: workspace.outbox.path) else { return }
        for recipient in recipients {
            let folder = workspace.outbox.appendingPathComponent(recipient)
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".part") {
                try fm.removeItem(at: folder.appendingPathComponent(name))
                logger.info("outbox leftover removed", metadata: ["file": "\(name)"])
            }
        }
    }
}

package struct OutboxError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
