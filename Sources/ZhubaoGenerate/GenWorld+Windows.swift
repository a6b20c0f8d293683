import ZhubaoCore

/// The files written a window at a time: the files, in writing order, are cut into windows of
/// at most `GeneratorOptions.recordsPerPass` records, and for each window every borrower's
/// records are made again and only that window's kept. A city of a million borrowers is
/// written in a few passes holding a few hundred megabytes of records, instead of all of them
/// (10 GB) at once; a small city is one window. The bytes do not depend on the cut: each pass
/// makes the same records with the same numbers (`makeEveryBorrower`), each file's records go
/// in the same order, and the files are written in the same order with one stream of random
/// choices (`GeneratorWindowsTests.windowsGiveTheSameBytes`).
extension GenWorld {
    /// The windows: consecutive runs of `keys` (in writing order) of at most `budget` records,
    /// a file of more being a window of its own.
    static func windows(_ keys: [GenFileKey], records: [GenFileKey: Int], budget: Int) -> [ArraySlice<GenFileKey>] {
        var windows: [ArraySlice<GenFileKey>] = []
        var start = 0, held = 0
        for (n, key) in keys.enumerated() {
            let count = records[key] ?? 0
            if n > start, held + count > budget {
                windows.append(keys[start..<n])
                start = n
                held = 0
            }
            held += count
        }
        if start < keys.count { windows.append(keys[start...]) }
        return windows
    }

    /// Hands each window, in writing order, to `body` with its files' records: made again,
    /// sorted as the files list them, with the record faults' copies and added records after.
    /// The first pass also finds the records the record faults repeat, and records those faults.
    func forEachWindow(of census: GenCensus, recordFaults steps: [GenRecordFaultStep],
                       _ body: (ArraySlice<GenFileKey>, GenBuckets) throws -> Void) throws {
        let keys = census.keys
        var duplicates: [Int: GenRecordFaultStep] = [:]
        for step in steps {
            if case .duplicate(_, let borrower, _) = step { duplicates[borrower] = step }
        }
        var added: [GenFileKey: [GenRecord]] = [:]
        let windows = Self.windows(keys, records: census.records, budget: options.recordsPerPass)
        for (n, window) in windows.enumerated() {
            let first = window.first!, last = window.last!
            var buckets = GenBuckets()
            var captured: [Int: GenRecord] = [:]
            forgettingFaults {
                makeEveryBorrower { i, b in
                    if n == 0, let step = duplicates[i] { captured[i] = capture(step, from: b) }
                    forEachRecord(of: b) { key, record in
                        if key >= first && key <= last { buckets.add(record, to: key) }
                    }
                }
            }
            if n == 0 { added = resolve(steps, captured: captured, keys: keys) }
            buckets.sortForWriting()
            for key in window {
                for record in added[key] ?? [] { buckets.add(record, to: key) }
                if key.kind == .hardship { buckets.hardship[key] = census.hardship[key] }
            }
            try body(window, buckets)
        }
        if windows.isEmpty { _ = resolve(steps, captured: [:], keys: keys) }
    }
}
