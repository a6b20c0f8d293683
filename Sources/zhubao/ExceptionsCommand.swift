import ArgumentParser
import Foundation
import ZhubaoCore

struct ExceptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exceptions",
        abstract: "List or acknowledge exceptions.",
        subcommands: [List.self, Ack.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the exceptions of the latest daily run (or of --as-of).")

        @OptionGroup var options: RootOptions

        @Option(help: ArgumentHelp("Only these statuses: NEW, OPEN, ACKNOWLEDGED, RESOLVED (comma-separated).", valueName: "status"))
        var status: String?

        @Option(help: ArgumentHelp("Only this owner: sender, SI, BANK, TAX or CZ.", valueName: "owner"))
        var owner: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The run date to list (default: the latest run).", valueName: "yyyy-mm-dd"))
        var asOf: Day?

        func validate() throws {
            let known = Set(ExceptionLifecycle.Status.allCases.map(\.rawValue))
            for s in status?.split(separator: ",") ?? [] where !known.contains(String(s)) {
                throw ValidationError("--status: \(s) is not one of \(known.sorted().joined(separator: ", "))")
            }
            if let owner, !["sender", "SI", "BANK", "TAX", "CZ"].contains(owner) {
                throw ValidationError("--owner must be sender, SI, BANK, TAX or CZ")
            }
        }

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                let workspace = options.workspace
                let store = try Store.open(path: workspace.storePath)
                let statuses = status.map { Set($0.split(separator: ",").map(String.init)) }
                let listing = try ExceptionListing(store: store).list(asOf: asOf, statuses: statuses, owner: owner)
                print(listing)
                return Exit.ok
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge an exception: the note is kept and shown in every later report; it never changes the arithmetic.",
            discussion: "A second acknowledgement adds to the history. Waits for a run that holds the lock up to settings.lock_wait_seconds (default 60), then exits 75; an unknown key exits 64.")

        @OptionGroup var options: RootOptions

        @Argument(help: "The exception's key, as in exceptions.jsonl (e.g. E301|GZ105-2026-000017|GZ105-2026-000017-01), or its 10-digit short id.")
        var key: String

        @Option(help: "What was done or decided.")
        var note: String

        @Option(help: "Who acknowledges it.")
        var by: String

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The date from which it counts as acknowledged (default: today).", valueName: "yyyy-mm-dd"))
        var asOf: Day?

        func validate() throws {
            guard !note.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--note must not be empty") }
            guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--by must not be empty") }
            guard (key.hasPrefix("E") && key.contains("|")) || ShortID.looksLikeShortID(key.lowercased()) else {
                throw ValidationError("KEY looks like E301|CONTRACT|LOAN or a short id such as 3f9a0c12d4: copy it from the report")
            }
        }

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                let day = asOf ?? Day.today()
                do {
                    let full = try AcknowledgeJob(workspace: options.workspace, logger: logger).run(key: key, note: note, by: by, on: day)
                    print("acknowledged \(ShortID.of(key: full)); it shows as ACKNOWLEDGED from \(day.iso) on")
                    return Exit.ok
                } catch let error as AcknowledgeError {
                    // The key may hold an ID number: on standard output only, never in the log.
                    print(error.description)
                    logger.error("unknown exception key or short id; nothing acknowledged")
                    return Exit.usage
                }
            }
        }
    }
}
