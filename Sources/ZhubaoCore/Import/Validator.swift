import Foundation
import ZhubaoSystem

/// `zhubao validate`: the checks of import without a store. Lists every problem of each file
/// (not only the first) with its file and line or element.
package struct Validator {
    package let context: ImportContext

    package init(context: ImportContext) { self.context = context }

    package struct Report: Sendable {
        package var file: String
        /// nil when the name itself is wrong.
        package var kind: InputKind?
        package var recordCount: Int
        package var diagnostics: [Diagnostic]
        package var dropped: Int
        /// Whether import would reject the file (an error, listed or among those not listed).
        package var rejected: Bool
    }

    package func validate(_ url: URL) throws -> Report {
        let name = url.lastPathComponent
        if let outbound = OutboundValidator.parse(name) {
            return try OutboundValidator(region: context.settings.region).validate(url, name: outbound)
        }
        let parsed: FileName
        switch FileName.parse(name) {
        case .failure(let error):
            return Report(file: name, kind: nil, recordCount: 0,
                          diagnostics: [.error("文件名不符合约定：\(error.reason)", at: Location(file: name))], dropped: 0,
                          rejected: true)
        case .success(let value):
            parsed = value
        }
        if let refusal = parsed.refusal(under: context.settings) {
            return Report(file: name, kind: parsed.kind, recordCount: 0,
                          diagnostics: [.error(refusal, at: Location(file: name))], dropped: 0, rejected: true)
        }
        var sink = DiscardingSink()
        let outcome = try Importers.importer(for: parsed.kind).read(url, name: parsed, context: context, into: &sink)
        return Report(file: name, kind: parsed.kind, recordCount: outcome.recordCount,
                      diagnostics: outcome.diagnostics.items, dropped: outcome.diagnostics.dropped, rejected: outcome.rejects)
    }
}
