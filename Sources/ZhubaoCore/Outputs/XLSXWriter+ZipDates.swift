import Foundation

extension XLSXWorkbook {
    /// ZIPFoundation turns each entry's date into DOS time with `gmtime`, whose result lives in a
    /// buffer glibc shares with `localtime` — which swift-log's `StreamLogHandler` calls for every
    /// log line's timestamp. A line logged on another thread while a workbook is zipped (a rerun
    /// renders on a thread of its own while the main thread records and logs; tests run side by
    /// side) could overwrite the buffer between the call and its reading, and an entry came out
    /// dated with the time of day of that log line: the same workbook, other bytes. So the date
    /// and time of every entry, in its local header and in the central directory, are set again
    /// here to the DOS epoch (1980-01-01 00:00: date 33, time 0), whatever ZIPFoundation wrote.
    /// The archive is the one `data()` just made: no comment, no data descriptors, no ZIP64.
    static func pinningEntryDates(_ zip: Data) throws -> Data {
        var bytes = [UInt8](zip)
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw CocoaError(.fileWriteUnknown) }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int { try (u16(at) | u16(at + 2) << 16) }
        func pin(_ at: Int) throws {
            _ = try u32(at)  // in bounds
            bytes[at] = 0; bytes[at + 1] = 0  // time 00:00:00
            bytes[at + 2] = 33; bytes[at + 3] = 0  // date 1980-01-01
        }
        let end = bytes.count - 22  // the end of central directory record, without a comment
        guard try u32(end) == 0x0605_4B50 else { throw CocoaError(.fileWriteUnknown) }
        let count = try u16(end + 10)
        var entry = try u32(end + 16)
        for _ in 0..<count {
            guard try u32(entry) == 0x0201_4B50 else { throw CocoaError(.fileWriteUnknown) }
            try pin(entry + 12)
            let local = try u32(entry + 42)
            guard try u32(local) == 0x0403_4B50 else { throw CocoaError(.fileWriteUnknown) }
            try pin(local + 10)
            entry += try 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32)
        }
        return Data(bytes)
    }
}
