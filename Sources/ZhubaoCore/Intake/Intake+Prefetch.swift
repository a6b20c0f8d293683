import Foundation
import ZhubaoSystem

extension Intake {
    /// An inbox entry made ready ahead of the store (`Prefetch`): opened once (`O_NOFOLLOW`),
    /// copied to the staging folder from that descriptor and hashed, and — a small file whose
    /// name would be imported — its importer already reading the copy. What failed is kept as
    /// the error, for `take` to meet in the entry's turn, as if it had failed there.
    struct Prepared: @unchecked Sendable {
        let entry: InboxListing.Entry
        let staged: Result<Staged, any Error>
    }

    struct Staged {
        /// Closed by now; its device and inode still say which file was read.
        let file: OpenInboxFile
        let url: URL
        let digest: FileDigest
        /// The importer reading `url`, or nil: the file is not imported, or too big to read
        /// ahead (it is read when its turn comes, streaming).
        let reading: ImportReading?
    }

    /// Prepares the entry numbered `number` (from 1, in the run's order; it names the staging
    /// folder of an unsafe name). Runs on the prefetch thread.
    func prepare(_ entry: InboxListing.Entry, number: Int, directory: InboxDirectory, staging: Staging) -> Prepared {
        Prepared(entry: entry, staged: Result {
            let file = try directory.open(entry.raw, name: entry.name)
            defer { file.close() }
            // Importers quote the staged name in their reasons: the file's own name where it is
            // safe (unique in the inbox, so in the batch), else `unsafe-name` in a folder of its own.
            let stagedName = SafeName.isKept(entry.raw) ? entry.name : "\(number)/unsafe-name"
            let (url, digest) = try staging.copy(file, as: stagedName, checking: entry.listed)
            var reading: ImportReading?
            if digest.size > 0, digest.size <= Prefetch.readAheadBytes, case .success(let name) = FileName.parse(entry.name),
               name.refusal(under: context.settings) == nil {
                reading = reader(for: url, name: name)
            }
            return Staged(file: file, url: url, digest: digest, reading: reading)
        })
    }

    /// The importer of `name`'s kind reading the staged copy at `url`, started now.
    func reader(for url: URL, name: FileName) -> ImportReading {
        let importer = Importers.importer(for: name.kind), context = context
        return ImportReading { sink in try importer.read(url, name: name, context: context, into: &sink) }
    }
}

/// The inbox's entries prepared in order on a thread of their own (`Intake.prepare`, through
/// `MadeAhead`), ahead of the store's writing: while the store writes one file's rows, the next
/// files are copied, hashed and parsed. A run of small files took the sum of their reading and
/// their writing one after the other; now it takes about the longer of the two
/// (docs/benchmarks.md). Up to `depth` entries wait, and the files being read ahead among them
/// hold at most `budgetBytes` (one bigger file is read ahead all the same): memory stays bounded
/// by the budget, whatever the inbox holds.
///
/// Why so deep: a hardship list (two megabytes, 35,000 lines) takes its reader a tenth of a
/// second, during which the store, having written everything before it, would wait; read
/// 256 files ahead it is parsed while the store writes the small files before it (the
/// two-year inbox's intake 11.0 → 10.2 s on average, docs/benchmarks.md "Session 14").
struct Prefetch {
    static let depth = 256
    /// Files up to this size are read ahead; a bigger one is read when its turn comes.
    static let readAheadBytes: Int64 = 4 << 20
    /// The most bytes of files read ahead and not yet taken.
    static let budgetBytes = 32 << 20

    private let made: MadeAhead<Intake.Prepared>

    /// Starts preparing `count` entries, `prepare(index)` each in order.
    init(count: Int, prepare: @escaping (Int) -> Intake.Prepared) {
        made = MadeAhead(count: count, ahead: Self.depth, budget: Self.budgetBytes, weight: Self.bytesReadAhead,
                         name: "zhubao.intake.prefetch", make: prepare)
    }

    /// The size of an entry's file when it is being read ahead, else 0.
    static func bytesReadAhead(_ prepared: Intake.Prepared) -> Int {
        guard case .success(let staged) = prepared.staged, staged.reading != nil else { return 0 }
        return Int(staged.digest.size)
    }

    /// The next entry prepared, in order; nil once every entry was handed out (or after `stop`).
    func next() -> Intake.Prepared? { made.next() }

    /// Stops preparing, waits for the thread, and cancels the readings of the entries prepared
    /// and not handed out. On every path out of the intake.
    func stop() {
        for prepared in made.stop() { (try? prepared.staged.get())?.reading?.cancel() }
    }
}
