import Foundation

/// The complete files of the inbox, in the order they are taken: names that cannot be parsed
/// first (they are rejected without reading), then by business date, then name (rules.md §1:
/// files count in that order).
struct InboxListing {
    struct Entry {
        let url: URL
        let name: String
        let sortKey: (String, String)
    }

    var files: [Entry] = []
    /// Names left alone: still being written (`.part`, `.tmp`), hidden, or not regular files.
    var ignored: [String] = []

    static func read(_ inbox: URL) throws -> InboxListing {
        var listing = InboxListing()
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        for name in names {
            let url = inbox.appendingPathComponent(name)
            guard !FileName.isIgnored(name), isRegularFile(url) else {
                listing.ignored.append(name)
                continue
            }
            let key: (String, String)
            switch FileName.parse(name) {
            case .success(let parsed): key = (parsed.businessDate.iso, name)
            case .failure: key = ("", name)
            }
            listing.files.append(Entry(url: url, name: name, sortKey: key))
        }
        listing.files.sort { $0.sortKey < $1.sortKey }
        return listing
    }

    /// A regular file, not a link to one (lstat: symbolic links are not followed).
    static func isRegularFile(_ url: URL) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return false }
        return attributes[.type] as? FileAttributeType == .typeRegular
    }
}
