import Foundation

/// The complete files of the inbox, in the order they are taken: names that cannot be parsed
/// first (they are rejected without reading), then by business date, then name (rules.md §1:
/// files count in that order). Names are raw bytes: one that is not UTF-8 is listed too.
struct InboxListing {
    struct Entry {
        /// The name as the file system holds it.
        let raw: [UInt8]
        /// The name as shown (`SafeName.display`): registry, reason file, log, reports.
        let name: String
        let sortKey: (String, String)
    }

    var files: [Entry] = []
    /// Names left alone: still being written (`.part`, `.tmp`), hidden, or not regular files.
    var ignored: [String] = []

    static func read(_ inbox: InboxDirectory) throws -> InboxListing {
        var listing = InboxListing()
        for item in try inbox.entries() {
            let name = SafeName.display(item.raw)
            guard !FileName.isIgnored(name), item.isRegularFile else {
                listing.ignored.append(name)
                continue
            }
            let key: (String, String)
            switch FileName.parse(name) {
            case .success(let parsed): key = (parsed.businessDate.iso, name)
            case .failure: key = ("", name)
            }
            listing.files.append(Entry(raw: item.raw, name: name, sortKey: key))
        }
        listing.files.sort { $0.sortKey < $1.sortKey }
        return listing
    }
}
