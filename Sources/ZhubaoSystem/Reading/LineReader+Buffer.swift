#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Filling the UTF-8 buffer: encoding detection, chunked reads, GB18030 decoding.
extension LineReader {
    /// Resolves the encoding (looking for a byte-order mark if asked) and sets up decoding.
    func begin() throws {
        started = true
        var prefix: [UInt8] = []
        var resolved: Encoding
        switch requestedEncoding {
        case .gb18030:
            resolved = .gb18030
        case .utf8, .detectBOM:
            prefix = [0, 0, 0]
            let n = try prefix.withUnsafeMutableBytes { try source.readFully(into: $0) }
            prefix.removeLast(3 - n)
            if prefix == [0xEF, 0xBB, 0xBF] {
                hadByteOrderMark = true
                prefix = []
                bufFileOffset = 3
                resolved = .utf8
            } else if case .detectBOM(let fallback) = requestedEncoding {
                resolved = fallback == .utf8 ? .utf8 : .gb18030
            } else {
                resolved = .utf8
            }
        }
        encoding = resolved
        if resolved == .gb18030 {
            decoder = try IconvDecoder(from: "GB18030", to: "UTF-8")
            let rawBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + 8, alignment: 8)
            raw = rawBuffer
            // Bytes read while looking for a BOM wait in front of the next chunk.
            for (i, byte) in prefix.enumerated() { rawBuffer[i] = byte }
            carry = prefix.count
        } else {
            for (i, byte) in prefix.enumerated() { buf[i] = byte }
            end = prefix.count
        }
    }

    /// Reads one more chunk and appends its UTF-8 at `end`; sets `sourceEnded` at the end or
    /// at a decoding error (which waits in `pendingError`).
    func refill() throws {
        compact()
        if encoding == .utf8 {
            ensureSpace(chunkSize)
            let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buf + end, count: chunkSize))
            if n == 0 { sourceEnded = true } else { end += n }
            return
        }
        guard let raw else { return }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[carry..<(carry + chunkSize)]))
        if n == 0 {
            sourceEnded = true
            if carry > 0 { decodeRaw(count: carry, final: true) }
            return
        }
        decodeRaw(count: carry + n, final: false)
    }

    /// Converts raw[0..<count], keeping a cut character in front of raw for the next chunk.
    /// ASCII runs are copied as they are (GB18030 leaves them alone); only runs of multi-byte
    /// characters go through iconv, which still judges every one of their bytes.
    private func decodeRaw(count: Int, final: Bool) {
        guard let raw, let decoder else { return }
        let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // GB18030 → UTF-8 at most doubles: glibc turns six two-byte codes (FE51, FE52, FE53,
        // FE6C, FE76, FE91) into four bytes each; other pairs give at most three, four-byte
        // sequences four. (It was 3/2, and a chunk full of those six overran the buffer.)
        ensureSpace(count * 2 + 8)
        var i = 0
        while i < count {
            var j = WordScan.skip(base, from: i, count: count) { $0 & WordScan.highBits == 0 }
            while j < count && base[j] < 0x80 { j += 1 }
            if j > i {
                precondition(end + (j - i) <= capacity, "decodeRaw: output past the buffer")
                (buf + end).update(from: base + i, count: j - i)
                end += j - i
                i = j
            }
            if i == count { break }
            // A run of whole characters: a second byte 0x30–0x39 makes a four-byte sequence.
            while j < count && base[j] >= 0x80 {
                j += (j + 1 < count && base[j + 1] >= 0x30 && base[j + 1] <= 0x39) ? 4 : 2
            }
            j = min(j, count)
            // Two-byte characters by the table; what it does not hold goes to iconv.
            // (The output position is a local: `end`, a property, costs an exclusivity check an access.)
            let (read, written) = GB18030TwoByte.table.withUnsafeBufferPointer { table in
                var k = i, out = buf + end
                // Two input bytes give at most three here: the room reserved above holds them.
                precondition(end + (j - i) * 3 / 2 <= capacity, "decodeRaw: output past the buffer")
                while k + 1 < j {
                    let entry = GB18030TwoByte.entry(table, lead: base[k], trail: base[k + 1])
                    guard entry != 0 else { break }
                    let length = Int(entry >> 24)
                    out[0] = UInt8(truncatingIfNeeded: entry)
                    if length > 1 { out[1] = UInt8(truncatingIfNeeded: entry >> 8) }
                    if length > 2 { out[2] = UInt8(truncatingIfNeeded: entry >> 16) }
                    out += length
                    k += 2
                }
                return (k, out - (buf + end))
            }
            i = read
            end += written
            if i == j { continue }
            let result = decoder.convert(UnsafeRawBufferPointer(start: base + i, count: j - i),
                                         into: UnsafeMutableRawBufferPointer(start: buf + end, count: capacity - end))
            end += result.produced
            i += result.consumed
            switch result.stop {
            case .endOfInput:
                continue
            case .outputFull:
                ensureSpace((count - i) * 2 + 8)
            case .partialCharacter where j == count && !final:
                carry = count - i
                memmove(base, base + i, carry)
                rawFileOffset += i
                return
            case .partialCharacter, .invalidBytes:
                let bad = Array(UnsafeBufferPointer(start: base + i, count: min(4, count - i)))
                let at = rawFileOffset + i
                pendingError = result.stop == .invalidBytes
                    ? .invalidBytes(line: 0, offset: at, encoding: "GB18030", bytes: bad)
                    : .truncatedCharacter(line: 0, offset: at, encoding: "GB18030", bytes: bad)
                sourceEnded = true
                carry = 0
                return
            }
        }
        rawFileOffset += count
        carry = 0
    }

    /// Moves the undelivered bytes to the front of the buffer.
    private func compact() {
        guard start > 0 else { return }
        let count = end - start
        if count > 0 { memmove(buf, buf + start, count) }
        bufFileOffset += start
        end = count
        scan -= start
        start = 0
    }

    /// Makes room for `bytes` more bytes after `end`.
    private func ensureSpace(_ bytes: Int) {
        guard capacity - end < bytes else { return }
        let newCapacity = max(capacity * 2, end + bytes)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buf, count: end)
        buf.deallocate()
        buf = bigger
        capacity = newCapacity
    }
}
