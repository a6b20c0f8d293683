import Foundation
import Logging
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

/// The generator injects faults and lists each with the exception it must raise; the daily job,
/// run over the generated files, must find every one of them. This ties the generator, the six
/// importers and every rule family together for both cities.
@Suite struct FaultCoverageTests {
    struct Coverage {
        var expected: [FaultEntry]
        var missing: [FaultEntry]
        var found: [ExceptionLifecycle.Reported]
    }

    func runCity(profile: Profile, generator: GeneratorProfile, from: String, to: String, borrowers: Int) throws -> Coverage {
        let ws = try TemporaryWorkspace(profile: profile)
        let staging = ws.root.appendingPathComponent("generated")
        let options = GeneratorOptions(profile: generator, borrowers: borrowers, from: Day(iso: from)!, to: Day(iso: to)!,
                                       faults: .all, edgeCases: true)
        let report = try CityGenerator(options: options).write(to: staging)
        for file in report.files {
            try FileManager.default.moveItem(at: staging.appendingPathComponent(file.name),
                                             to: ws.workspace.inbox.appendingPathComponent(file.name))
        }
        let result = try DailyJob(workspace: ws.workspace, logger: Logger(label: "test")).run(asOf: Day(iso: to)!)
        let found = try #require(result.daily).outcome.exceptions.filter { $0.status != .resolved }
        let missing = report.manifest.faults.filter { fault in
            !found.contains { Self.matches($0.finding, fault) }
        }
        return Coverage(expected: report.manifest.faults, missing: missing, found: found)
    }

    /// Same code, and every subject field that both the manifest and the finding name agrees.
    static func matches(_ finding: Finding, _ fault: FaultEntry) -> Bool {
        guard finding.code == fault.code else { return false }
        let s = finding.subject
        func agree(_ a: String?, _ b: String?) -> Bool { a == nil || b == nil || a == b }
        if [.e001, .e002, .e003, .e004].contains(fault.code), s.file != fault.file { return false }
        return agree(s.idNumber, fault.idNumber) && agree(s.contractNo, fault.contractNo) && agree(s.loanNo, fault.loanNo)
            && agree(s.ticketNo, fault.ticketNo) && agree(s.txnNo, fault.txnNo) && agree(s.month?.iso, fault.month)
            && agree(s.year.map(String.init), fault.year.map(String.init))
            // At least one identifier must be shared, so that agreeing on nothing is no match.
            && [s.file == fault.file, s.idNumber != nil && s.idNumber == fault.idNumber, s.loanNo != nil && s.loanNo == fault.loanNo,
                s.ticketNo != nil && s.ticketNo == fault.ticketNo, s.txnNo != nil && s.txnNo == fault.txnNo,
                s.contractNo != nil && s.contractNo == fault.contractNo].contains(true)
    }

    @Test func everyFaultInjectedIntoAGanzhouYearIsFound() throws {
        let coverage = try runCity(profile: .ganzhou2021, generator: .ganzhou2021, from: "2026-01-01", to: "2027-01-31", borrowers: 80)
        #expect(coverage.expected.count >= 20)
        #expect(coverage.missing.isEmpty, "not found: \(coverage.missing.map { "\($0.code) \($0.fault) \($0.file)" })")
    }

    @Test func aTonglingCityOverTwoYearsRunsCleanWithEveryFaultFound() throws {
        let coverage = try runCity(profile: .tongling2022, generator: .tongling2022, from: "2025-01-01", to: "2026-12-31", borrowers: 80)
        #expect(coverage.expected.count >= 10)
        #expect(coverage.missing.isEmpty, "not found: \(coverage.missing.map { "\($0.code) \($0.fault) \($0.file)" })")
        // Clean: every ERROR found is one that was injected.
        let unexpected = coverage.found.filter { item in
            item.finding.severity == .error && !coverage.expected.contains { Self.matches(item.finding, $0) }
        }
        #expect(unexpected.isEmpty, "unexpected: \(unexpected.prefix(10).map { "\($0.key) \($0.finding.detail)" })")
        // No ganzhou-only code in a tongling city.
        let ganzhouOnly: Set<ExceptionCode> = [.e202, .e205, .e206, .e207, .e305, .e401, .e410, .e501, .e502, .e503, .e504, .e505]
        #expect(coverage.found.allSatisfy { !ganzhouOnly.contains($0.finding.code) })
    }
}
