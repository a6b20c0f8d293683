import Crypto
import Foundation

extension SafeName {
    /// A file name as it goes into a log. Anybody can drop a file into the inbox under any
    /// name, and personal data never goes to logs, not even masked: a name is logged as it is
    /// only when it is one of zhubao's own layouts, field by field (`isZhubaoLayout`). Any other
    /// name is logged as `name#` and the first 8 hex digits of its SHA-256: an operator can tell
    /// the lines of one file apart, and 32 bits say nothing of an ID number (there are far more
    /// of those than values).
    package static func logged(_ name: String) -> String {
        isZhubaoLayout(name) ? display(name) : fingerprint(name)
    }

    /// A path whose last part is a file name (a temporary file a killed run left): the folder,
    /// which is the workspace's, as it is; the name through `logged(_:)`.
    package static func logged(path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return display(url.deletingLastPathComponent().path) + "/" + logged(url.lastPathComponent)
    }

    /// A system error about the file `name`: its description through `logged(text:naming:)`.
    package static func logged(_ error: any Error, naming name: String) -> String {
        logged(text: "\(error)", naming: name)
    }

    /// A text about the file `name` (an error, a reason quoting it or its marker file): the name,
    /// wherever it stands, raw or escaped, in the logged form; the rest is zhubao's or the
    /// system's wording and the workspace's paths.
    package static func logged(text: String, naming name: String) -> String {
        text.replacingOccurrences(of: display(name), with: logged(name))
            .replacingOccurrences(of: name, with: logged(name))
    }

    static func fingerprint(_ name: String) -> String {
        let digest = SHA256.hash(data: Data(name.utf8))
        return "name#" + digest.prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether a name is one of zhubao's own layouts, checked field by field: an inbox name
    /// (`FileName.parse`), an outbound name (`OutboundValidator.parse`), a claim file
    /// (`SUBSIDY_CLAIM_{region}_{bank}_{year}`) or a daily output, also as the reason file, the
    /// marker file or the temporary file (`.NAME.PID.tmp`) of one. The region must be a city's
    /// (ending in `00`), as every region of reference.md is: a free mix of words and short
    /// numbers let an ID number through, split by separators into parts of 8 digits or fewer
    /// (`360702_19670315_0030.txt`), and region, date and SEQ in a person's county code (which
    /// never ends in `00`) would spell most of one.
    static func isZhubaoLayout(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        var core = Substring(name)
        if core.hasPrefix("."), core.hasSuffix(".tmp") {  // AtomicFile's `.NAME.PID.tmp`
            core = core.dropFirst().dropLast(4)
            guard let dot = core.lastIndex(of: "."), core[core.index(after: dot)...].allSatisfy(\.isASCIIDigit) else { return false }
            core = core[..<dot]
        }
        for suffix in [".reason.txt", ".done", ".ready"] where core.hasSuffix(suffix) { core = core.dropLast(suffix.count) }
        let text = String(core)
        if Self.outputNames.contains(text) { return true }
        if case .success(let parsed) = FileName.parse(text) { return parsed.region.hasSuffix("00") }
        if let parsed = OutboundValidator.parse(text) { return parsed.region.hasSuffix("00") }
        return isClaimName(text)
    }

    /// The daily outputs and the claims' overview (outputs.md "Run layout").
    private static let outputNames: Set<String> = [
        "exceptions.jsonl", "exceptions.csv", "exceptions.html", "exceptions.xlsx", "summary.json", "claims.html",
    ]

    /// `SUBSIDY_CLAIM_{region}_{bank}_{year}.xml` or `.xlsx` (outputs.md).
    private static func isClaimName(_ name: String) -> Bool {
        guard let dot = name.firstIndex(of: "."), ["xml", "xlsx"].contains(name[name.index(after: dot)...]) else { return false }
        let parts = name[..<dot].split(separator: "_", omittingEmptySubsequences: false)
        let widths = [6, 3, 4]
        guard parts.count == 5, parts[0] == "SUBSIDY", parts[1] == "CLAIM", parts[2].hasSuffix("00") else { return false }
        return zip(parts.dropFirst(2), widths).allSatisfy { part, width in part.count == width && part.allSatisfy(\.isASCIIDigit) }
    }
}
