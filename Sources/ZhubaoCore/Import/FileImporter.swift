import Foundation
import ZhubaoSystem

/// Reads one input file, checks it against its contract (formats.md) and writes its records
/// through the sink. Problems are collected as diagnostics, never thrown: only what stops the
/// whole run (the store failing) throws.
package protocol FileImporter: Sendable {
    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome
}

/// What an importer needs to know beyond the file itself.
package struct ImportContext: Sendable {
    package var settings: Settings
    /// Where XSDs live (`schemas/`).
    package var schemaDirectory: URL?

    package init(settings: Settings, schemaDirectory: URL? = nil) {
        self.settings = settings
        self.schemaDirectory = schemaDirectory
    }
}

extension ImportContext {
    /// Opens an input file for reading (decompressing a `.gz` name), capped at
    /// `settings.maxDecompressedBytes`: every importer opens its file here.
    func source(_ url: URL, _ name: FileName) throws -> ByteSource {
        let source = try ByteSource(path: url.path, gzip: name.gzip)
        source.limit = settings.maxDecompressedBytes
        return source
    }
}

/// One importer per input kind.
package enum Importers {
    package static func importer(for kind: InputKind) -> any FileImporter {
        switch kind {
        case .disbursements: return DisbursementImporter()
        case .deductions: return DeductionImporter()
        case .claims: return ClaimImporter()
        case .hardship: return HardshipImporter()
        case .receipts: return ReceiptImporter()
        case .participants: return ParticipantImporter()
        }
    }
}
