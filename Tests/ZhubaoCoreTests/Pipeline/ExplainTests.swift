import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// `zhubao explain` and the accounts of claims.html agree with the claim over a generated city:
/// for every subsidised drawdown, the spans add up to the line's days and 积数, the exact value
/// rounds to its computed amount, and the verdict is the claim's.
@Suite struct ExplainTests {
    @Test func everySubsidisedDrawdownOfAGeneratedCityIsExplainedAsClaimed() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        let staging = ws.root.appendingPathComponent("generated")
        let options = GeneratorOptions(profile: .ganzhou2021, borrowers: 40, from: Day(iso: "2026-01-01")!,
                                       to: Day(iso: "2027-01-31")!, faults: .all, gzip: .none, edgeCases: true)
        let generated = try CityGenerator(options: options).write(to: staging)
        for file in generated.files {
            try FileManager.default.moveItem(at: staging.appendingPathComponent(file.name),
                                             to: ws.workspace.inbox.appendingPathComponent(file.name))
        }
        let asOf = Day(iso: "2027-01-31")!
        _ = try DailyJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: asOf, intakeOnly: true)
        let store = try Store.open(path: ws.workspace.storePath)
        let settings = try Settings.load(root: ws.root)
        let ledger = try LedgerLoader(store: store).load(asOf: asOf, settings: settings)
        let statement = ClaimStatement(ledger: ledger, year: 2026)
        var lines: [String: ClaimStatement.Line] = [:]
        for bank in statement.banks {
            for line in statement.lines(bank: bank) { lines[line.loanNo] = line }
        }
        let subsidised = Subsidy(ledger: ledger).subsidies(year: 2026)
        #expect(subsidised.count >= 20)
        for expected in subsidised {
            let line = try #require(lines[expected.loanNo])
            let account = try #require(line.account)
            #expect(account.line == expected)
            #expect(account.spanTotal.days == expected.days, "\(expected.loanNo)")
            #expect(account.spanTotal.accumulated == expected.accumulated, "\(expected.loanNo)")
            #expect(account.spans.first?.from == account.window?.lowerBound && account.spans.last?.to == account.window?.upperBound)
            #expect(account.exact?.rounded == line.computed, "\(expected.loanNo)")
            #expect(account.verdict?.approved == line.approved && account.verdict?.codes == line.codes)
            #expect(account.eligibility?.isEligible == true)
        }
        // The claim lines with no subsidy (E502, E504) have their account too.
        #expect(lines.values.contains { $0.codes == [.e502] && $0.account?.noSubsidyReason != nil })

        // The command's job gives the same account as the claim statement.
        let job = ExplainJob(workspace: ws.workspace, logger: Logger(label: "test"))
        for expected in subsidised.prefix(3) {
            #expect(try job.account(loanNo: expected.loanNo, year: 2026, asOf: asOf) == lines[expected.loanNo]?.account)
        }
        #expect(throws: ExplainError.self) { try job.account(loanNo: "NO-SUCH-LOAN", year: 2026, asOf: asOf) }

        // claims.html: every line's loanNo links to its own closed section, with its account.
        let banks = statement.banks.map { ClaimsHTML.Bank(code: $0, lines: statement.lines(bank: $0)) }
        let html = ClaimsHTML.render(region: settings.region, year: 2026, asOf: asOf, banks: banks)
        for line in lines.values {
            #expect(html.contains("<a href=\"#explain-\(line.loanNo)\">\(line.loanNo)</a>"), "\(line.loanNo)")
            #expect(html.contains("<details class=\"account\" id=\"explain-\(line.loanNo)\">"), "\(line.loanNo)")
            #expect(!html.contains(line.idNumber), "an ID number in claims.html")
        }
        #expect(!html.contains("<script"))
        let first = try #require(subsidised.first)
        #expect(html.contains("÷ 360 = \(Interest.exact(accumulated: first.accumulated, rate: first.rate).decimalText)元"))
    }
}
