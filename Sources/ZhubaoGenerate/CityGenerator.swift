import Foundation
import ZhubaoCore

/// Writes a realistic, consistent set of input files of every kind for one city over a date
/// range — the register, drawdowns, receipts, deductions, hardship snapshots and (ganzhou)
/// subsidy claims — with the requested faults injected and listed in `faults.json`.
/// The same options always give the same bytes.
package struct CityGenerator: Sendable {
    package let options: GeneratorOptions

    package init(options: GeneratorOptions) throws {
        try options.validate()
        self.options = options
    }

    package static let manifestName = "faults.json"

    /// Writes the files and `faults.json` into `directory`, which must be empty or absent (a file
    /// left from another run would break the manifest's promise).
    @discardableResult
    package func write(to directory: URL) throws -> GenerationReport {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard existing.isEmpty else { throw GenWriteError.notEmpty(directory.path) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let world = GenWorld(options: options)
        let (recordFaults, fileFaults) = world.plan()
        world.materialise()
        var buckets = world.collect()
        world.injectRecordFaults(recordFaults, into: &buckets)
        let files = try world.writeFiles(buckets, fileFaults: fileFaults, to: directory)
        let manifest = FaultManifest(
            profile: options.profile.name.rawValue, region: options.profile.defaultRegion, seed: options.seed,
            from: options.from.iso, to: options.to.iso, asOf: options.to.iso,
            faults: world.faults.map(\.entry).sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) },
            unplaced: world.unplaced.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(manifest).write(to: directory.appendingPathComponent(Self.manifestName))
        let all = world.borrowers
        return GenerationReport(
            manifest: manifest, files: files, borrowers: all.count,
            drawdowns: all.reduce(0) { $0 + $1.drawdowns.count }, receipts: all.reduce(0) { $0 + $1.receipts.count },
            transactions: all.reduce(0) { $0 + $1.transactions.count }, claimLines: all.reduce(0) { $0 + $1.claims.count },
            hardshipPersons: world.noise.count + all.filter(\.everCertified).count)
    }
}
