import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

/// The line reader copies ASCII itself and hands only multi-byte runs to iconv; it must agree
/// with iconv over the whole input, on text and on where the first bad byte is.
@Suite struct LineReadingDifferentialTests {
    struct XorShift {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static let pieces: [[UInt8]] = [
        Array("H|105|".utf8), [0xD6, 0xD3], [0xCA, 0xE7], [0x88, 0xD2], [0x95, 0x34, 0xB2, 0x35],
        [0x81, 0x30, 0x81, 0x30], [0x81, 0x41], [0x30, 0x39], [0x7C],
        // broken: a lone lead byte, a bad second byte, a bad third byte, 0x80, 0xFF
        [0x81], [0x81, 0x20], [0x81, 0x30, 0x41, 0x42], [0x80], [0xFF],
    ]

    @Test func agreesWithIconvOverTheWholeInput() throws {
        var random = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        var outcomes = (good: 0, invalid: 0, truncated: 0)
        for round in 0..<600 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + random.next(12)) {
                // Mostly good pieces, now and then a broken one.
                let index = random.next(10) == 0 ? 9 + random.next(5) : random.next(9)
                bytes += Self.pieces[index]
            }
            if random.next(8) == 0 { bytes += [[0x81], [0x95, 0x34], [0x95, 0x34, 0xB2]][random.next(3)] }  // cut at the end
            let chunk = 1 + random.next(9)
            let reader = LineReader(source: ByteSource(bytes: bytes), encoding: .gb18030, chunkSize: chunk)
            let (lines, error) = readLines(reader)
            do {
                let expected = try IconvDecoder.decode(bytes)
                outcomes.good += 1
                #expect(error == nil, "round \(round)")
                #expect(lines.map(\.text) == [expected], "round \(round) chunk \(chunk) \(bytes)")
            } catch IconvError.invalidBytes(let offset, _) {
                outcomes.invalid += 1
                guard case .invalidBytes(1, offset, "GB18030", _)? = error as? LineReaderError else {
                    Issue.record("round \(round) chunk \(chunk) \(bytes): expected invalid at \(offset), got \(String(describing: error))")
                    continue
                }
            } catch IconvError.truncatedCharacter(let offset, _) {
                outcomes.truncated += 1
                guard case .truncatedCharacter(1, offset, "GB18030", _)? = error as? LineReaderError else {
                    Issue.record("round \(round) chunk \(chunk) \(bytes): expected truncated at \(offset), got \(String(describing: error))")
                    continue
                }
            }
        }
        #expect(outcomes.good > 100 && outcomes.invalid > 100 && outcomes.truncated > 5, "\(outcomes)")
    }
}

/// The two-byte GB18030 characters `LineReader` looks up (`GB18030TwoByte`) instead of asking
/// iconv: every one of them, read in chunks that cut them anywhere, gives iconv's text, and a pair
/// iconv refuses is refused the same way, at the same offset.
@Suite struct GB18030TwoByteTests {
    static func pairs() -> [[UInt8]] {
        (0x81...0xFE).flatMap { lead in (0x40...0xFE).filter { $0 != 0x7F }.map { [UInt8(lead), UInt8($0)] } }
    }

    @Test(arguments: [1, 2, 3, 7, 4096])
    func everyTwoByteCharacterReadsAsIconvReadsIt(chunk: Int) throws {
        let valid = Self.pairs().filter { (try? IconvDecoder.decode($0)) != nil }
        #expect(valid.count > 20_000)
        // Between the characters now and then an ASCII byte, so that pairs start at odd offsets.
        let bytes: [UInt8] = valid.enumerated().flatMap { index, pair -> [UInt8] in index % 7 == 0 ? [0x41] + pair : pair }
        let reader = LineReader(source: ByteSource(bytes: bytes), encoding: .gb18030, chunkSize: chunk)
        let (lines, error) = readLines(reader)
        #expect(error == nil)
        #expect(lines.map(\.text) == [try IconvDecoder.decode(bytes)])
    }

    /// A lead byte whose next byte is no trail (0x7F, 0xFF, below 0x30, 0x3A–0x3F) is left to
    /// iconv, which refuses it where it starts. (glibc converts every one of the 23,940 pairs the
    /// table covers, the user-defined ones to the private use area; all but six to one to three
    /// bytes of UTF-8, which the table holds.)
    @Test func aLeadWithoutATrailIsRefusedAtItsOffset() throws {
        let held = GB18030TwoByte.table.withUnsafeBufferPointer { table in
            Self.pairs().filter { pair in GB18030TwoByte.entry(table, lead: pair[0], trail: pair[1]) != 0 }.count
        }
        // What the table leaves out (six pairs here) is what iconv turns into other than one to
        // three bytes of UTF-8; the test above reads those through iconv.
        let short = Self.pairs().filter { ((try? IconvDecoder.decode($0))?.utf8.count).map { (1...3).contains($0) } ?? false }
        #expect(held == short.count && held > 23_900)
        for lead in [0x81, 0xA0, 0xD6, 0xFE] as [UInt8] {
            for trail in [0x7F, 0xFF, 0x20, 0x3A, 0x3F] as [UInt8] {
                let bytes: [UInt8] = [0xD6, 0xD3, lead, trail, 0x41]
                #expect(throws: IconvError.self) { try IconvDecoder.decode(bytes) }
                let (_, error) = readLines(LineReader(source: ByteSource(bytes: bytes), encoding: .gb18030))
                guard case .invalidBytes(1, 2, "GB18030", _)? = error as? LineReaderError else {
                    Issue.record("\([lead, trail]): \(String(describing: error))")
                    continue
                }
            }
        }
    }
}

/// Regression (found in review of 57fb182, older than it): `decodeRaw` reserved 3/2 of a chunk
/// for its UTF-8, but glibc decodes six two-byte codes (FE51 …) to four bytes. A partial line
/// kept at a refill, then a chunk mostly of those, wrote past the buffer. The same input now reads
/// as iconv reads it (and a write past the reserved room would stop on a precondition).
@Suite struct GB18030GrowthTests {
    @Test func aChunkOfFourByteUTF8CharactersAfterAPartialLineFits() throws {
        var bytes = [UInt8](repeating: 0x78, count: 101_071) + [0x0A] + [UInt8](repeating: 0x79, count: 30_000)
        for _ in 0..<50_000 { bytes += [0xFE, 0x51] }
        bytes += [0x41, 0x42]
        for _ in 0..<15_535 { bytes += [0xD6, 0xD0] }
        bytes += [0x0A]
        #expect(try IconvDecoder.decode([0xFE, 0x51]).utf8.count == 4)
        let reader = LineReader(source: ByteSource(bytes: bytes), encoding: .gb18030)
        let (lines, error) = readLines(reader)
        #expect(error == nil)
        let expected = try IconvDecoder.decode(bytes).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.map(\.text) == expected)
    }
}
