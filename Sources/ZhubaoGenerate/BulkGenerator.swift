import Foundation
import ZhubaoCore

/// Options of the bulk generators: one very large file, for benchmarks.
package struct BulkOptions: Sendable {
    package var profile: Profile
    package var rows: Int
    package var seed = GeneratorOptions.defaultSeed
    /// The file's business date.
    package var date = Day(year: 2026, month: 1, day: 31)!
    /// The department of a hardship file.
    package var department = HardshipDepartment.civilAffairs
    package var gzip = false

    /// `rows` rows for `profile`; the other options have their defaults until set.
    package init(profile: Profile, rows: Int) {
        self.profile = profile
        self.rows = rows
    }

    package func validate() throws {
        guard rows >= 1, rows <= 20_000_000 else { throw GeneratorOptionsError("rows must be 1 … 20000000") }
    }
}

/// What a bulk generator wrote, and the largest text it held in memory at once.
package struct BulkResult: Sendable {
    package var file: GeneratedFile
    package var peakBufferBytes: Int
}

/// Writes one large, valid file row by row through `GenTextWriter`, so memory stays flat
/// whatever the row count: a hardship snapshot, or a tax receipt file.
package enum BulkGenerator {
    /// A full snapshot of one department's list with `rows` people.
    package static func hardship(_ options: BulkOptions, to directory: URL) throws -> BulkResult {
        try options.validate()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ids = BulkIdentities(profile: options.profile, seed: options.seed)
        let name = "\(options.department.rawValue)_HARD_\(options.profile.defaultRegion)_\(options.date.compact)_001.csv"
        let url = directory.appendingPathComponent(name)
        let writer = try GenTextWriter(path: url.path, encoding: .gb18030, crlf: true)
        try writer.line(GenRender.hardshipHeader)
        let categories = options.department.categories
        for i in 0..<options.rows {
            var rng = GenRandom(seed: options.seed &+ 0x5EED, label: "bulk-hardship", i)
            let person = ids.person(i, rng: &rng)
            var row = GenHardshipRow(idNumber: person.idNumber, name: person.name, category: rng.weighted(categories),
                                     county: person.county, certifiedOn: options.date - rng.int(0, 3_000),
                                     dateStyle: rng.chance(700) ? options.department.preferredDateStyle : rng.below(4))
            if rng.chance(40) {
                row.endOn = max(row.certifiedOn + 1, options.date - rng.int(0, 25))
                row.endReason = "正常退出"
            }
            try writer.line(GenRender.hardship(row))
        }
        try writer.close()
        return try finish(url, kind: .hardship, rows: options.rows, writer: writer, gzip: options.gzip)
    }

    /// A tax receipt file with `rows` receipts, of realistic amounts: the header states their
    /// true total (formats.md lets a control total reach 99,999,999,999,999.99; should the
    /// running total come near that, the next record reverses the receipt before it, 冲正).
    package static func receipts(_ options: BulkOptions, to directory: URL) throws -> BulkResult {
        try options.validate()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let plan = BulkReceiptPlan(options: options)
        var total = Fen.zero
        plan.forEach { total += $0.paid.amount }      // first pass: the header needs the total
        let name = "TAX_RCPT_\(options.profile.defaultRegion)_\(options.date.compact)_001.xml"
        let url = directory.appendingPathComponent(name)
        let writer = try GenTextWriter(path: url.path, encoding: .utf8)
        for line in GenRender.receiptsHead(region: options.profile.defaultRegion, date: options.date, seq: 1,
                                           taxOffice: GenCity(options.profile).taxOffice, count: options.rows, total: total,
                                           encoding: .utf8) {
            try writer.line(line)
        }
        var failure: Error?
        plan.forEach { receipt in
            guard failure == nil else { return }
            do { try writer.line(GenRender.receipt(receipt, compact: true)[0]) } catch { failure = error }
        }
        if let failure { throw failure }
        for line in GenRender.receiptsTail { try writer.line(line) }
        try writer.close()
        return try finish(url, kind: .receipts, rows: options.rows, writer: writer, gzip: options.gzip)
    }

    static func finish(_ url: URL, kind: InputKind, rows: Int, writer: GenTextWriter, gzip: Bool) throws -> BulkResult {
        let final = gzip ? try GenGzip.gzipInPlace(url) : url
        let size = (try FileManager.default.attributesOfItem(atPath: final.path)[.size] as? NSNumber)?.intValue ?? 0
        return BulkResult(file: GeneratedFile(name: final.lastPathComponent, kind: kind.rawValue, records: rows,
                                              bytes: size, fault: nil),
                          peakBufferBytes: writer.highWater)
    }
}
