import Crypto
import Foundation

extension SafeName {
    /// A file name as it goes into a log. Anybody can drop a file into the inbox under any
    /// name, and personal data never goes to logs, not even masked: a name is logged as it is
    /// only when every part of it is a word of zhubao's own file names (senders, kinds,
    /// extensions, output names) or a number of at most 8 digits (region, date, SEQ, PID), as
    /// in formats.md's and outbound.md's layouts. Any other name is logged as `name#` and the
    /// first 8 hex digits of its SHA-256: an operator can tell the lines of one file apart, and
    /// 32 bits say nothing of an ID number (there are far more of those than values).
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

    /// The words of zhubao's file names (formats.md, outbound.md, outputs.md).
    private static let words: Set<Substring> = [
        "TAX", "SI", "MZ", "XC", "JY", "RCPT", "PART", "HARD", "DISB", "DEDU", "CLAIM", "FDBK", "ELIG", "SUBSIDY",
        "xml", "csv", "txt", "gz", "json", "jsonl", "html", "xlsx", "tmp", "reason", "exceptions", "summary", "claims",
    ]

    static func isZhubaoLayout(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        // A predicate and not the regex `/[_.\-]/`: the same parts (a part with anything but ASCII
        // is no word either way) at a fraction of the cost, paid for every file of a run.
        return name.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "_" || $0 == "." || $0 == "-" }).allSatisfy { part in
            if words.contains(part) { return true }
            if part.count == 4, part.first == "B", part.dropFirst().allSatisfy(\.isASCIIDigitChar) { return true }
            return part.count <= 8 && part.allSatisfy(\.isASCIIDigitChar)
        }
    }
}

private extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}
