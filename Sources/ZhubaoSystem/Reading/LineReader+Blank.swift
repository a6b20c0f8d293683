// Skipping runs of blank lines in bulk.
extension LineReader {
    /// Skips the blank lines (an LF, or CR LF, alone) ahead, many at a time without making a
    /// line of each, and returns how many it skipped; the next `next()` gives the first line
    /// with content (line numbers count the skipped ones). A file of a gigabyte of line breaks
    /// goes by at the speed of the read. A decoding error ahead is left for `next()` to throw.
    @discardableResult
    package func skipBlankLines() throws -> Int {
        if !started { try begin() }
        var skipped = 0
        defer {
            if skipped > 0 {
                lineNumber += skipped
                lastLineTerminated = true
            }
        }
        while true {
            var i = start
            // Eight bytes at a time while they are all LF, or all CR LF pairs.
            while i + 8 <= end {
                let word = UnsafeRawPointer(buf + i).loadUnaligned(as: UInt64.self)
                if word == 0x0A0A_0A0A_0A0A_0A0A {
                    skipped += 8
                } else if word == 0x0A0D_0A0D_0A0D_0A0D {
                    skipped += 4
                } else {
                    break
                }
                i += 8
            }
            while i < end {
                if buf[i] == 0x0A {
                    skipped += 1
                    i += 1
                } else if buf[i] == 0x0D, i + 1 < end, buf[i + 1] == 0x0A {
                    skipped += 1
                    i += 2
                } else {
                    break
                }
            }
            start = i
            scan = max(scan, i)
            // Content ahead, or a CR whose LF may come with the next chunk.
            let crAtEnd = i + 1 == end && buf[i] == 0x0D
            if i < end && !(crAtEnd && !sourceEnded && pendingError == nil) { return skipped }
            if sourceEnded || pendingError != nil { return skipped }
            try refill()
        }
    }
}
