import Foundation
import Testing

/// The command line speaks Chinese, as the reports do (issue 16): every command's overview and
/// every option's help; option names stay English.
@Suite struct ChineseCLITests {
    static let commands: [[String]] = [
        [], ["init"], ["run"], ["rerun"], ["runs"], ["explain"], ["exceptions"], ["exceptions", "list"], ["exceptions", "ack"],
        ["outbox"], ["outbox", "list"], ["validate"], ["claim"], ["demo"], ["generate"], ["rebuild"], ["verify"],
    ]

    func isChinese(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test(arguments: commands) func everyHelpTextIsChinese(_ command: [String]) throws {
        let help = try ZhubaoProcess.run(command + ["--help"])
        #expect(help.status == 0, "\(command): \(help.stderr)")
        let lines = help.stdout.split(separator: "\n")
        let overview = try #require(lines.first { $0.hasPrefix("OVERVIEW: ") }, "\(command)")
        #expect(isChinese(overview), "\(command): \(overview)")
        // An option's help starts on its own line after the name, or on the next line when the name is long.
        let options = lines.drop { $0 != "OPTIONS:" }.dropFirst().filter { $0.hasPrefix("  -") && !$0.contains("--help") }
        for option in options {
            let index = try #require(lines.firstIndex(of: option))
            // Name and help are two columns apart by two spaces or more.
            let columns = option.components(separatedBy: "  ").filter { !$0.isEmpty }
            let text = columns.count > 1 ? Substring(columns.last!) : lines[index + 1]
            #expect(isChinese(text), "\(command): \(option)")
        }
    }

    @Test func aValidationMessageIsChinese() throws {
        let bad = try ZhubaoProcess.run(["rerun", "--from", "2026-02-01", "--to", "2026-01-01", "--root", temporaryRoot().path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--from 不能晚于 --to"))
    }
}
