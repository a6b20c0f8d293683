import Foundation
import Logging
import ZhubaoCore

/// `zhubao demo`: a workspace with realistic generated files for a few hundred borrowers over a
/// year, delivered into the inbox day by day and taken by the daily job as it would be in
/// production, then the year's claim (ganzhou-2021).
package struct DemoJob {
    package let workspace: Workspace
    package let logger: Logger
    /// What is generated: `borrowers` over `from` … `to` with every fault and the edge cases;
    /// the daily job runs on every business date in the period and on `to`.
    package let options: GeneratorOptions

    package static let marker = ".zhubao-demo"

    package init(workspace: Workspace, profile: Profile, borrowers: Int = 300,
                from: Day = Day(year: 2026, month: 1, day: 1)!, to: Day = Day(year: 2027, month: 1, day: 31)!,
                logger: Logger) {
        self.workspace = workspace
        self.logger = logger
        options = GeneratorOptions(profile: profile, borrowers: borrowers, from: from, to: to, faults: .all, edgeCases: true)
    }

    package struct Result: Sendable {
        package var runs: Int
        package var lastDay: Day
        package var report: URL
        package var rejectedFiles: Int
        package var openExceptions: Int
        package var faultsInjected: Int
        package var claims: [URL]
    }

    package func run() throws -> Result {
        try prepareFolder()
        let (profile, from, to) = (options.profile, options.from, options.to)
        let settings = try Settings.defaults(profile: profile)
        try workspace.createFolders()
        _ = try Store.create(path: workspace.storePath)  // what `zhubao init` does
        try ConfigTemplate.text(profile: profile, region: settings.region, reference: settings.reference)
            .write(to: workspace.configFile, atomically: true, encoding: .utf8)
        let staging = workspace.root.appendingPathComponent("generated", isDirectory: true)
        let generated = try CityGenerator(options: options).write(to: staging)
        logger.info("demo files generated", metadata: ["files": "\(generated.files.count)", "borrowers": "\(options.borrowers)"])
        // Deliver each business date's files, then run the daily job as of that date.
        var byDay: [Day: [String]] = [:]
        for file in generated.files {
            let day = (try? FileName.parse(file.name).get())?.businessDate ?? from
            byDay[day, default: []].append(file.name)
        }
        let job = DailyJob(workspace: workspace, logger: logger)
        var runs = 0, rejected = 0
        var last: DailyRunResult?
        for day in Set(byDay.keys).union([to]).sorted() where day <= to {
            for name in byDay[day] ?? [] {
                try FileManager.default.moveItem(at: staging.appendingPathComponent(name),
                                                 to: workspace.inbox.appendingPathComponent(name))
            }
            let started = Date()
            let result = try job.run(asOf: day)
            RunMetrics.record(workspace: workspace, asOf: day, exitCode: result.exitCode, started: started, result: result, logger: logger)
            rejected += result.intake.count(.rejected) + result.intake.count(.conflict)
            runs += 1
            last = result
        }
        var claims: [URL] = []
        if profile.subsidisesInterest {
            claims = try ClaimJob(workspace: workspace, logger: logger).run(year: to.year - 1, bank: nil, asOf: to).map(\.file)
        }
        let outcome = last!.daily!.outcome
        return Result(runs: runs, lastDay: to, report: workspace.daily(to).appendingPathComponent("exceptions.html"),
                      rejectedFiles: rejected, openExceptions: outcome.exceptions.filter { $0.status != .resolved }.count,
                      faultsInjected: generated.manifest.faults.count, claims: claims)
    }

    /// The demo folder is rebuilt on every call, but only a folder that is empty or that an
    /// earlier demo made (it holds the marker) — never a real workspace.
    func prepareFolder() throws {
        let fm = FileManager.default
        let root = workspace.root
        if fm.fileExists(atPath: root.path) {
            let contents = try fm.contentsOfDirectory(atPath: root.path)
            if !contents.isEmpty {
                guard contents.contains(Self.marker) else {
                    throw ConfigError("\(root.path) 已存在且不是演示目录：请指定一个新目录（--root）")
                }
                for name in contents { try fm.removeItem(at: root.appendingPathComponent(name)) }
            }
        }
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent(Self.marker))
    }
}
