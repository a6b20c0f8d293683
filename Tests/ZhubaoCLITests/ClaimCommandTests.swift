import Foundation
import Testing

@Suite struct ClaimCommandTests {
    @Test func aTonglingWorkspaceHasNoSubsidyToClaim() throws {
        let root = temporaryRoot()
        #expect(try ZhubaoProcess.run(["init", "--root", root.path, "--profile", "tongling-2022"]).status == 0)
        let result = try ZhubaoProcess.run(["claim", "--root", root.path, "--year", "2026", "--as-of", "2027-01-20"])
        #expect(result.status == 64)
        #expect(result.stdout.contains("不贴息"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/claims/2026").path))
    }

    @Test func writesAClaimThatValidatesAgainstItsSchema() throws {
        let root = temporaryRoot()
        _ = try ZhubaoProcess.run(["init", "--root", root.path])
        for name in try FileManager.default.contentsOfDirectory(atPath: RerunTests.samples.path) where name.contains("_360700_") {
            try FileManager.default.copyItem(at: RerunTests.samples.appendingPathComponent(name),
                                             to: root.appendingPathComponent("inbox/\(name)"))
        }
        #expect(try ZhubaoProcess.run(["run", "--root", root.path, "--as-of", "2027-01-20"]).status == 0)
        let result = try ZhubaoProcess.run(["claim", "--root", root.path, "--year", "2026", "--as-of", "2027-01-20"])
        #expect(result.status == 0, "\(result.stderr)")
        let claim = root.appendingPathComponent("out/claims/2026/SUBSIDY_CLAIM_360700_105_2026.xml")
        let xml = try String(contentsOf: claim, encoding: .utf8)
        #expect(xml.contains("<LoanNo>GZ105-2026-000017-01</LoanNo>"))
        #expect(xml.contains("<Claimed>270.00</Claimed>"))
        let attributes = try FileManager.default.attributesOfItem(atPath: claim.path)
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o007 == 0, "the claim holds personal data: no access for others")
        // xmllint (libxml2-utils, installed by `bash scripts/setup.sh --tests`) is required:
        // without it this check would pass without checking anything.
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"),
                     "xmllint is missing: run bash scripts/setup.sh --tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schemaPath(), claim.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    func schemaPath() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/subsidy-claim.xsd").path
    }
}
