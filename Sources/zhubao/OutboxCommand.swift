import ArgumentParser
import Foundation
import ZhubaoCore

struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "The files zhubao sent to other agencies (outbound.md).",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the files written to outbox/, as the store records them (the record, not the folder, is the truth).")

        @OptionGroup var options: RootOptions

        @Option(help: ArgumentHelp("Only this recipient: B105, TAX, MZ, XC, JY, SI …", valueName: "recipient"))
        var recipient: String?

        @Option(help: ArgumentHelp("Only this kind: FDBK or ELIG.", valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("Only files dated on or after this date.", valueName: "yyyy-mm-dd"))
        var from: Day?

        @Option(help: ArgumentHelp("Only files dated on or before this date.", valueName: "yyyy-mm-dd"))
        var to: Day?

        func validate() throws {
            if let kind, OutboundKind(rawValue: kind) == nil { throw ValidationError("--kind must be FDBK or ELIG") }
            if let from, let to, from > to { throw ValidationError("--from must not be after --to") }
        }

        func run() throws {
            let logger = Log.make()
            try Exit.guarding(logger) {
                let store = try Store.open(path: options.workspace.storePath)
                let files = try OutboxRecords(store: store).list(recipient: recipient, kind: kind, from: from, to: to)
                print(OutboxListing.render(files))
                return Exit.ok
            }
        }
    }
}
