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
        let census = world.takeCensus()
        let steps = world.giveOutRecordFaults(recordFaults, census: census)
        let files = try world.writeFiles(census, recordFaults: steps, fileFaults: fileFaults, to: directory)
        let manifest = FaultManifest(
            profile: options.profile.name.rawValue, region: options.profile.defaultRegion, seed: options.seed,
            from: options.from.iso, to: options.to.iso, asOf: options.to.iso,
            faults: world.faults.map(\.entry).sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) },
            unplaced: world.unplaced.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(manifest).write(to: directory.appendingPathComponent(Self.manifestName))
        return GenerationReport(
            manifest: manifest, files: files, borrowers: world.borrowers.count,
            drawdowns: census.drawdowns, receipts: census.receipts, transactions: census.transactions,
            claimLines: census.claimLines, hardshipPersons: world.noise.count + world.borrowers.filter(\.everCertified).count)
    }
}
