import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct IconvReadingTests {
    // 钟 D6 D3, 淑 CA E7, 堃 88 D2, 𠮷 95 34 B2 35 (a four-byte GB18030 sequence).
    static let rareNameBytes: [UInt8] = [0xD6, 0xD3, 0xCA, 0xE7, 0x88, 0xD2, 0x95, 0x34, 0xB2, 0x35]

    @Test func decodesRareCharactersIncludingFourByteSequences() throws {
        #expect(try IconvDecoder.decode(Self.rareNameBytes) == "钟淑堃𠮷")
        #expect(try IconvDecoder.decode(Array("H|105".utf8)) == "H|105")
        #expect(try IconvDecoder.decode([]) == "")
    }

    @Test func carriesACutCharacterAcrossChunks() throws {
        let bytes = Array("A".utf8) + Self.rareNameBytes + Array("Z".utf8)
        for chunk in 1...5 {
            let decoder = try IconvDecoder()
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let piece = Array(bytes[i..<min(i + chunk, bytes.count)])
                try piece.withUnsafeBytes { try decoder.decode($0, appendingTo: &out) }
                i += chunk
            }
            try decoder.finish()
            #expect(String(decoding: out, as: UTF8.self) == "A钟淑堃𠮷Z", "chunk \(chunk)")
            #expect(decoder.bytesConsumed == bytes.count)
        }
    }

    @Test func invalidBytesGiveTheirOffset() throws {
        // 0x81 must be followed by 0x30–0x39 or 0x40–0xFE; 0x20 is neither.
        #expect(throws: IconvError.invalidBytes(offset: 3, bytes: [0x81, 0x20, 0x42])) {
            try IconvDecoder.decode([0x41, 0xD6, 0xD3, 0x81, 0x20, 0x42])
        }
        #expect(throws: IconvError.invalidBytes(offset: 0, bytes: [0xFF, 0x41])) {
            try IconvDecoder.decode([0xFF, 0x41])
        }
    }

    @Test func aCharacterCutByTheEndIsAnError() throws {
        #expect(throws: IconvError.truncatedCharacter(offset: 1, bytes: [0x95, 0x34, 0xB2])) {
            try IconvDecoder.decode([0x41, 0x95, 0x34, 0xB2])
        }
    }

    @Test func convertStopsAndSaysWhy() throws {
        let decoder = try IconvDecoder()
        var output = [UInt8](repeating: 0, count: 64)
        let input: [UInt8] = [0x41, 0xD6, 0xD3, 0x95, 0x34]
        let result = input.withUnsafeBytes { raw in
            output.withUnsafeMutableBytes { decoder.convert(raw, into: $0) }
        }
        #expect(result == IconvDecoder.Conversion(consumed: 3, produced: 4, stop: .partialCharacter))
        #expect(String(decoding: output[..<4], as: UTF8.self) == "A钟")
        let small = [UInt8](repeating: 0, count: 2)
        let full = [UInt8]([0xD6, 0xD3]).withUnsafeBytes { raw in
            var out = small
            return out.withUnsafeMutableBytes { try! IconvDecoder().convert(raw, into: $0) }
        }
        #expect(full.stop == .outputFull)
        #expect(full.consumed == 0)
    }

    @Test func anUnknownEncodingIsRefused() {
        #expect(throws: IconvError.self) { try IconvDecoder(from: "NO-SUCH-ENCODING") }
    }
}
