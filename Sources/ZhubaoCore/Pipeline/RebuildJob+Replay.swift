import Foundation

extension RebuildJob {
    /// Applies journal entries, in order, to the new store.
    struct Replay {
        let store: Store
        let sources: ArchiveIndex
        let settings: Settings
        /// Computes a date's lifecycle; its outputs go to a scratch folder and are thrown away.
        let report: DailyReport
        var result = Result()

        mutating func apply(_ entry: JournalEntry) throws {
            for file in entry.files ?? [] { try replay(file) }
            if entry.action == .run, let asOf = entry.asOf.flatMap(Day.init(iso:)), let unread = entry.unread {
                try store.recordUnread(unread, asOf: asOf)  // before the dates, as the run did
            }
            let days = (entry.days ?? []).compactMap(Day.init(iso:))
            if entry.action == .rerun {
                // As rerun did: each date from the files its run had seen (every journaled date was computed).
                result.days += try RerunJob.recompute(days, everyDate: true, store: store, report: report, settings: settings).computed.count
            } else {
                for day in days {
                    _ = try report.produce(asOf: day)
                    result.days += 1
                }
            }
            for file in entry.outbox ?? [] { try store.inserted(file) }
            if let ack = entry.ack {
                try store.inserted(ack)
                result.acknowledgements += 1
            }
            if var run = entry.claimRun {
                run.state = ClaimRunRecord.done
                _ = try store.insertClaimRun(run, approvals: entry.approvals ?? [])
                result.claimRuns += 1
            }
        }

        /// One registry row: a rejected or conflicting delivery is recorded as it was (its
        /// reason is in the journal); an imported one is read again from its kept bytes.
        mutating func replay(_ file: InputFileRecord) throws {
            result.files += 1
            guard file.status == .imported else {
                try store.record(file)
                return
            }
            guard let url = sources.file(sha256: file.sha256), case .success(let name) = FileName.parse(file.name) else {
                throw RebuildError.missingFile(name: file.name, sha256: file.sha256)
            }
            var row = file
            row.recordCount = 0
            let importer = Importers.importer(for: name.kind)
            let context = ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory())
            let (stored, outcome) = try store.importFile(row, readingAhead: { sink in
                try importer.read(url, name: name, context: context, into: &sink)
            })
            guard stored.status == .imported, stored.id == file.id, outcome.recordCount == file.recordCount else {
                throw RebuildError.differentImport(name: file.name,
                    detail: "原 \(file.recordCount) 条记录，现 \(stored.status == .imported ? "\(outcome.recordCount) 条" : "被拒收")")
            }
        }
    }
}
