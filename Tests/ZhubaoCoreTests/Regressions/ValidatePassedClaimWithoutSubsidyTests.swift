import Foundation
import Testing
@testable import ZhubaoCore

/// Regression (issue 13): `zhubao validate` passed a CLAIM file in a profile without subsidy
/// (铜陵) that `zhubao run` rejects, because the name-level refusals were written twice and the
/// validator's copy lacked this one. Input: `fixtures/regressions/B105_CLAIM_340700_20270112_001.txt`,
/// the specification's sample claim moved to 铜陵 (340700), well formed in every other way.
@Suite struct ValidatePassedClaimWithoutSubsidyTests {
    static let name = "B105_CLAIM_340700_20270112_001.txt"
    static let file = SampleFiles.projectRoot.appendingPathComponent("fixtures/regressions/\(name)")
    static let reason = "本市方案 tongling-2022 不贴息，不受理银行贴息申请（CLAIM）文件；文件未导入任何内容"

    @Test func validateRejectsItWithTheReasonRunGives() throws {
        let ws = try TemporaryWorkspace(profile: .tongling2022)
        let report = try Validator(context: ImportContext(settings: ws.settings, schemaDirectory: SchemaLocator.directory()))
            .validate(Self.file)
        #expect(report.rejected)
        #expect(report.recordCount == 0)
        #expect(report.diagnostics.map(\.message) == [Self.reason])

        try ws.deliver(Self.name, Array(try Data(contentsOf: Self.file)))
        let (intake, store) = try ws.intake(asOf: "2027-01-12")
        #expect(intake.count(.rejected) == 1)
        #expect(try ws.allDeliveries(store).map(\.reason) == [Self.reason])
    }

    /// The file is refused for its name alone: where the scheme subsidises interest, the same
    /// bytes validate without a problem.
    @Test func theSameBytesPassWhereInterestIsSubsidised() throws {
        var settings = try Settings.defaults(profile: .ganzhou2021)
        settings.region = "340700"
        let report = try Validator(context: ImportContext(settings: settings, schemaDirectory: SchemaLocator.directory()))
            .validate(Self.file)
        #expect(!report.rejected)
        #expect(report.recordCount == 1)
        #expect(report.diagnostics.isEmpty)
    }
}
