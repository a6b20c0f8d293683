import ArgumentParser
import Foundation
import ZhubaoCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The daily job: take the inbox, import or reject each file, reconcile, write the daily outputs.",
        discussion: "Exit codes: 0 done; 65 done, but input files were rejected; 74 an I/O fault: an inbox file could not be read (the rest was done; it waits in the inbox), a full disk, a folder it cannot write, a missing or damaged store (then nothing was done); 75 another run holds the lock; 64 usage; 70 internal error.")

    @OptionGroup var options: RootOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to reconcile as of (default: today).", valueName: "yyyy-mm-dd"))
    var asOf: Day?

    @Flag(name: .customLong("intake-only"), help: "Only take the inbox (import or reject each file); compute no daily outputs.")
    var intakeOnly = false

    @Flag(name: .customLong("dry-run"), help: "试运行：在临时副本上导入并计算，列出将导入、拒收的文件和将报告的异常（按代码）；工作目录不作任何改动，不记入运行记录。")
    var dryRun = false

    func run() throws {
        let logger = Log.make()
        let day = asOf ?? Day.today()
        if dryRun { return try runDry(asOf: day, logger: logger) }
        let registry = RunRegistry(workspace: options.workspace, command: "run", arguments: Array(CommandLine.arguments.dropFirst()),
                                   asOf: day, logger: logger)
        let started = Date()
        var finished: DailyRunResult?
        let metrics = { (code: Int32) in
            RunMetrics.record(workspace: options.workspace, asOf: day, exitCode: code, started: started, result: finished, logger: logger)
        }
        try Exit.guarding(logger, registry: registry, after: metrics) {
            let result = try DailyJob(workspace: options.workspace, logger: logger).run(asOf: day, intakeOnly: intakeOnly, registry: registry)
            finished = result
            let intake = result.intake
            registry.filesImported = intake.count(.imported)
            registry.filesRejected = intake.count(.rejected) + intake.count(.conflict)
            registry.filesUnreadable = intake.unread.count
            registry.exceptionsByCode = result.daily.map { daily in
                daily.outcome.exceptions.filter { $0.status != .resolved }.reduce(into: [:]) { $0[$1.finding.code, default: 0] += 1 }
            }
            print("as of \(day.iso): \(intake.count(.imported)) imported, \(intake.count(.rejected) + intake.count(.conflict)) rejected, \(intake.count(.alreadyRecorded)) already recorded, \(intake.ignored.count) ignored\(intake.unread.isEmpty ? "" : ", \(intake.unread.count) left unread in the inbox")")
            return result.exitCode
        }
    }
}
