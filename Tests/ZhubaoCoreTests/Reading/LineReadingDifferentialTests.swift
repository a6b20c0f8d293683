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
