import Foundation
import ZhubaoSystem

/// Reads one input file, checks it against its contract (formats.md) and writes its records
/// through the sink. Problems are collected as diagnostics, never thrown: only what stops the
/// whole run (the store failing) throws.
public protocol FileImporter: Sendable {
    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome
}

/// What an importer needs to know beyond the file itself.
public struct ImportContext: Sendable {
    public var settings: Settings
    /// Where XSDs live (`schemas/`).
    public var schemaDirectory: URL?

    public init(settings: Settings, schemaDirectory: URL? = nil) {
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
public enum Importers {
    public static func importer(for kind: InputKind) -> any FileImporter {
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
