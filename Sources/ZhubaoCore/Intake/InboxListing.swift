import Foundation
import ZhubaoSystem

/// The complete files of the inbox, in the order they are taken: names that cannot be parsed
/// first (they are rejected without reading), then by business date, then name (rules.md §1:
/// files count in that order). Names are raw bytes: one that is not UTF-8 is listed too.
/// Which files are complete is the intake mode's to say (`IntakeMode`): under `marker` a file
/// whose `NAME.done` is not there yet, under `stable` a file changed within `stable_seconds`,
/// waits for the next run.
struct InboxListing {
    struct Entry {
        /// The name as the file system holds it.
        let raw: [UInt8]
        /// The name as shown (`SafeName.display`): registry, reason file, log, reports.
        let name: String
        let sortKey: (String, String)
        /// `NAME.done` (intake_mode = "marker"), removed with the file.
        var marker: [UInt8]? = nil
        /// Size and modification time when listed (intake_mode = "stable").
        var listed: InboxFileStatus? = nil
    }

    var files: [Entry] = []
    /// Names left alone: still being written (`.part`, `.tmp`), hidden, or not regular files,
    /// and markers whose file is not there.
    var ignored: [String] = []
    /// Complete names the intake mode says are still being written, each with why.
    var waiting: [WaitingFile] = []

    static func read(_ inbox: InboxDirectory, mode: IntakeMode = .rename, stableSeconds: Int = 60,
                     now: Date = Date()) throws -> InboxListing {
        var listing = InboxListing()
        let items = try inbox.entries()
        let regular = Set(items.filter(\.isRegularFile).map(\.raw))
        for item in items {
            let name = SafeName.display(item.raw)
            guard !FileName.isIgnored(name), item.isRegularFile else {
                listing.ignored.append(name)
                continue
            }
            var entry = Entry(raw: item.raw, name: name, sortKey: sortKey(name))
            switch mode {
            case .rename:
                break
            case .marker:
                if isMarker(item.raw) {
                    // Taken with its file; alone, it is left (and named in the log).
                    if !regular.contains(Array(item.raw.dropLast(IntakeMode.markerSuffix.count))) { listing.ignored.append(name) }
                    continue
                }
                let marker = item.raw + IntakeMode.markerSuffix
                guard regular.contains(marker) else {
                    listing.waiting.append(WaitingFile(name: name, reason: "等待标记文件 \(SafeName.display(marker))"))
                    continue
                }
                entry.marker = marker
            case .stable:
                guard let status = inbox.fileStatus(of: item.raw) else { continue }
                let age = Int64(now.timeIntervalSince1970.rounded(.down)) - status.modifiedSeconds
                guard age >= Int64(stableSeconds) else {
                    listing.waiting.append(WaitingFile(name: name, reason: "最近 \(stableSeconds) 秒内仍有改动（stable_seconds）"))
                    continue
                }
                entry.listed = status
            }
            listing.files.append(entry)
        }
        listing.files.sort { $0.sortKey < $1.sortKey }
        return listing
    }

    static func isMarker(_ raw: [UInt8]) -> Bool {
        raw.count > IntakeMode.markerSuffix.count && raw.suffix(IntakeMode.markerSuffix.count).elementsEqual(IntakeMode.markerSuffix)
    }

    static func sortKey(_ name: String) -> (String, String) {
        switch FileName.parse(name) {
        case .success(let parsed): return (parsed.businessDate.iso, name)
        case .failure: return ("", name)
        }
    }
}

/// An inbox file left for the next run because it may still be being written (issue 16).
package struct WaitingFile: Sendable, Equatable {
    package let name: String
    /// Why, in Chinese.
    package let reason: String
}

/// The file changed while it was copied (intake_mode = "stable"): it is still being written.
struct StillBeingWritten: Error {
    let name: String
}
