import ArgumentParser
import Foundation
import ZhubaoCore

/// `zhubao generate`: deterministic, realistic input files for tests, the demo and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes realistic generated input files (the same options and seed give the same bytes).",
        discussion: """
        WHAT is one of:
          city            Every kind of file for a city over --from … --to, consistent
                          with one another; the requested faults are injected and listed
                          in faults.json (what a run as of --to must find).
          bulk-hardship   One hardship snapshot CSV of --rows rows (benchmarks).
          bulk-receipts   One TAX receipt XML of --rows receipts (benchmarks).
        Both bulk modes write row by row: memory stays flat at any size.

        --faults takes none, all, a rate per borrower (0.05 or 5%; files get a
        tenth of it), or a list of names or codes with optional counts, such as
        no-receipt,E504,wrong-count:2. The names:
          \(GenFault.allCases.map(\.rawValue).joined(separator: " "))

        Examples:
          zhubao generate city --borrowers 300 --faults all --out demo
          zhubao generate city --profile tongling-2022 --from 2023-01-01 --to 2024-06-30 --out t
          zhubao generate bulk-hardship --rows 1000000 --gzip --out bench
        """)

    enum What: String, ExpressibleByArgument, CaseIterable {
        case city, bulkHardship = "bulk-hardship", bulkReceipts = "bulk-receipts"
    }

    @Argument(help: ArgumentHelp("What to generate: city, bulk-hardship or bulk-receipts.", valueName: "what"))
    var what: What = .city

    @Option(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("The policy: ganzhou-2021 or tongling-2022.", valueName: "profile"))
    var profile: String = GeneratorProfile.ganzhou2021.rawValue

    @Option(help: ArgumentHelp("Seed of the generator's own pseudo-random numbers.", valueName: "n"))
    var seed: UInt64 = GeneratorOptions.defaultSeed

    @Option(help: ArgumentHelp("city: how many borrowers (default 200).", valueName: "n"))
    var borrowers: Int?

    @Option(help: ArgumentHelp("city: the first day of the range (default 2026-01-01).", valueName: "yyyy-mm-dd"))
    var from: Day?

    @Option(help: ArgumentHelp("city: the last day of the range (default 2026-12-31).", valueName: "yyyy-mm-dd"))
    var to: Day?

    @Option(help: ArgumentHelp("city: none, all, a rate (0.05, 5%) or a list (no-receipt,E504,wrong-count:2).", valueName: "faults"))
    var faults: String?

    @Option(help: ArgumentHelp("city: people on the hardship lists who borrow nothing, per borrower (default 2).", valueName: "n"))
    var noise: Int?

    @Flag(help: "Gzip every XML and CSV file (city), or the bulk file.")
    var gzip = false

    @Flag(name: .customLong("no-gzip"), help: "city: gzip nothing (default: half the TAX files, a tenth of the other XML and CSV).")
    var noGzip = false

    @Flag(help: "city: plain formats only: UTF-8 XML, GB18030 CSV, LF line ends everywhere.")
    var plain = false

    @Flag(name: .customLong("edge-cases"), help: "city: rare legal spellings too: a quoted name with a comma, a lower-case x, multi-member gzip.")
    var edgeCases = false

    @Option(help: ArgumentHelp("bulk: how many rows.", valueName: "n"))
    var rows: Int?

    @Option(help: ArgumentHelp("bulk: the file's business date (default 2026-01-31).", valueName: "yyyy-mm-dd"))
    var date: Day?

    @Option(help: ArgumentHelp("bulk-hardship: the department, MZ, XC or JY (default MZ).", valueName: "dept"))
    var department: String?

    func validate() throws {
        guard GeneratorProfile(rawValue: profile) != nil else {
            throw ValidationError("--profile must be ganzhou-2021 or tongling-2022")
        }
        if gzip && noGzip { throw ValidationError("--gzip and --no-gzip exclude each other") }
        switch what {
        case .city:
            let bulkOnly = [("--rows", rows != nil), ("--date", date != nil), ("--department", department != nil)]
            if let (name, _) = bulkOnly.first(where: \.1) { throw ValidationError("\(name) applies to the bulk modes only") }
            if let borrowers, !(1...200_000).contains(borrowers) { throw ValidationError("--borrowers must be 1 … 200000") }
            if let noise, !(0...50).contains(noise) { throw ValidationError("--noise must be 0 … 50") }
            do { _ = try FaultRequest.parse(faults ?? "none") } catch { throw ValidationError("--faults: \(error)") }
            do { try cityOptions().validate() } catch { throw ValidationError("\(error)") }
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: out), !entries.isEmpty {
                throw ValidationError("--out \(out) is not empty: a city set goes into an empty or new folder")
            }
        case .bulkHardship, .bulkReceipts:
            guard let rows else { throw ValidationError("\(what.rawValue) needs --rows") }
            guard (1...20_000_000).contains(rows) else { throw ValidationError("--rows must be 1 … 20000000") }
            let cityOnly = [("--borrowers", borrowers != nil), ("--from", from != nil), ("--to", to != nil),
                            ("--faults", faults != nil), ("--noise", noise != nil), ("--no-gzip", noGzip),
                            ("--plain", plain), ("--edge-cases", edgeCases)]
            if let (name, _) = cityOnly.first(where: \.1) { throw ValidationError("\(name) applies to city only") }
            if let department {
                guard what == .bulkHardship else { throw ValidationError("--department applies to bulk-hardship only") }
                guard HardshipDepartment(rawValue: department) != nil else { throw ValidationError("--department must be MZ, XC or JY") }
            }
        }
    }

    func cityOptions() throws -> GeneratorOptions {
        GeneratorOptions(profile: GeneratorProfile(rawValue: profile)!, borrowers: borrowers ?? 200, from: from, to: to,
                         seed: seed, faults: try FaultRequest.parse(faults ?? "none"),
                         gzip: gzip ? .all : noGzip ? .none : .some, variety: !plain, edgeCases: edgeCases,
                         hardshipNoisePerBorrower: noise ?? 2)
    }

    func run() throws {
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        let started = Date()
        do {
            switch what {
            case .city:
                let report = try CityGenerator(options: try cityOptions()).write(to: directory)
                let faulty = report.files.filter { $0.fault != nil }.count
                print("wrote \(report.files.count) files (\(faulty) with file faults) and \(CityGenerator.manifestName) to \(directory.path)")
                print("borrowers \(report.borrowers), drawdowns \(report.drawdowns), receipts \(report.receipts), "
                      + "repayments \(report.transactions), claim lines \(report.claimLines), hardship people \(report.hardshipPersons)")
                print("faults injected \(report.manifest.faults.count)"
                      + (report.manifest.unplaced.isEmpty ? "" : "; not placed: \(report.manifest.unplaced.joined(separator: ", "))"))
            case .bulkHardship, .bulkReceipts:
                var options = BulkOptions(profile: GeneratorProfile(rawValue: profile)!, rows: rows!, seed: seed, gzip: gzip)
                if let date { options.date = date }
                if let department { options.department = HardshipDepartment(rawValue: department)! }
                let result = what == .bulkHardship ? try BulkGenerator.hardship(options, to: directory)
                    : try BulkGenerator.receipts(options, to: directory)
                print("wrote \(result.file.name): \(result.file.records) rows, \(result.file.bytes) bytes")
            }
        } catch {
            FileHandle.standardError.write(Data("zhubao generate: \(error)\n".utf8))
            throw ExitCode(70)
        }
        let seconds = Int(Date().timeIntervalSince(started) * 1000)
        FileHandle.standardError.write(Data("zhubao generate: done in \(seconds) ms\n".utf8))
    }
}
