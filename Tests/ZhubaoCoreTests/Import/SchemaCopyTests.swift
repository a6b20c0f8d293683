import Foundation
import Testing
@testable import ZhubaoCore

/// The XSDs live in `schemas/`; the library ships a copy as resources so that an installed
/// binary finds them. The two must never drift apart.
@Suite struct SchemaCopyTests {
    @Test(arguments: ["tax-receipt.xsd", "participant.xsd", "subsidy-claim.xsd"])
    func theShippedCopyIsTheProjectsSchema(_ name: String) throws {
        let project = SampleFiles.projectRoot.appendingPathComponent("schemas/\(name)")
        let shipped = try #require(SchemaLocator.directory()).appendingPathComponent(name)
        #expect(try Data(contentsOf: shipped) == Data(contentsOf: project),
                "copy schemas/\(name) to Sources/ZhubaoCore/Resources/schemas/")
    }
}
