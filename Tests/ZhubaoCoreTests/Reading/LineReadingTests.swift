import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct LineReadingTests {
    static let texts = ["H|105|360700|DEDU|20260110|B1|1.0", "D|钟淑堃|𠮷|4800.00", "D|刘建国,王𠮷|-4452.00", "T|2|348.00"]

    private func reader(_ bytes: [UInt8], encoding: LineReader.Encoding = .detectBOM(default: .gb18030),
                        chunk: Int = 128 * 1024, maxLine: Int = 1 << 20) -> LineReader {
        LineReader(source: ByteSource(bytes: bytes, fileName: "f.txt"), encoding: encoding, chunkSize: chunk, maxLineBytes: maxLine)
    }

    @Test func decodesGB18030LinesWhateverTheChunkBoundaries() throws {
        let scratch = try ReadingScratch()
        let bytes = try scratch.gb18030(Self.texts.joined(separator: "\r\n") + "\r\n")
        for chunk in [1, 2, 3, 4, 5, 7, 11, 64, 128 * 1024] {
            let (lines, error) = readLines(reader(bytes, chunk: chunk))
            #expect(error == nil)
            #expect(lines.map(\.text) == Self.texts, "chunk \(chunk)")
            #expect(lines.map(\.number) == [1, 2, 3, 4])
            #expect(lines.allSatisfy { $0.isTerminated })
        }
        let explicit = reader(bytes, encoding: .gb18030, chunk: 3)
        #expect(readLines(explicit).lines.map(\.text) == Self.texts)
        #expect(explicit.encoding == .gb18030)
    }

    @Test func invalidBytesNameTheirLineAfterTheLinesBefore() throws {
        let scratch = try ReadingScratch()
        let good = try scratch.gb18030("H|一\nD|钟淑堃\n")
        let bytes = good + [0x44, 0x7C, 0xD6, 0xD3, 0x81, 0x20] + Array("\nT|1\n".utf8)
        for chunk in [1, 2, 5, 4096] {
            let reader = reader(bytes, chunk: chunk)
            let (lines, error) = readLines(reader)
            #expect(lines.map(\.text) == ["H|一", "D|钟淑堃"], "chunk \(chunk)")
            guard case .invalidBytes(let line, let offset, "GB18030", let bad)? = error as? LineReaderError else {
                Issue.record("chunk \(chunk): \(String(describing: error))")
                continue
            }
            #expect(line == 3)
            #expect(offset == good.count + 4)
            #expect(bad.starts(with: [0x81, 0x20]))
            #expect(throws: LineReaderError.self) { try reader.next() }  // stays failed
        }
        let diagnostic = (readLines(reader(bytes)).error as? LineReaderError)?.diagnostic(fileName: "f.txt")
        #expect(diagnostic?.location == Location(file: "f.txt", line: 3))
        #expect(diagnostic?.message == "此行含有不是 GB18030 编码的字节，拒收（文件第 \(good.count + 4) 字节处起：81 20 0A 54）")
    }

    @Test func aCharacterCutByTheEndOfTheFileIsAnError() throws {
        let (lines, error) = readLines(reader([0x41, 0x0A, 0x42, 0x95, 0x34], chunk: 2))
        #expect(lines.map(\.text) == ["A"])
        #expect(error as? LineReaderError == .truncatedCharacter(line: 2, offset: 3, encoding: "GB18030", bytes: [0x95, 0x34]))
    }

    @Test func aByteOrderMarkMeansUTF8AndIsStripped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("身份证号,姓名\r\n360702196703150030,钟淑堃𠮷\r\n".utf8)
        for chunk in [1, 2, 3, 4, 9, 4096] {
            let reader = reader(bytes, chunk: chunk)
            let (lines, error) = readLines(reader)
            #expect(error == nil)
            #expect(lines.map(\.text) == ["身份证号,姓名", "360702196703150030,钟淑堃𠮷"], "chunk \(chunk)")
            #expect(reader.encoding == .utf8)
            #expect(reader.hadByteOrderMark)
        }
        let noBOM = reader(Array("abc\n".utf8), encoding: .utf8)
        #expect(readLines(noBOM).lines.map(\.text) == ["abc"])
        #expect(!noBOM.hadByteOrderMark)
    }

    @Test func invalidUTF8IsAnErrorOnItsLine() {
        // BOM, a good line, then an overlong "/" (C0 AF) on line 2.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("好\n".utf8) + [0x61, 0xC0, 0xAF, 0x0A]
        let (lines, error) = readLines(reader(bytes, chunk: 2))
        #expect(lines.map(\.text) == ["好"])
        #expect(error as? LineReaderError == .invalidBytes(line: 2, offset: 8, encoding: "UTF-8", bytes: [0xC0, 0xAF]))
        let surrogate: [UInt8] = Array("x\n".utf8) + [0xED, 0xA0, 0x80]
        #expect(readLines(reader(surrogate, encoding: .utf8)).error as? LineReaderError
            == .invalidBytes(line: 2, offset: 2, encoding: "UTF-8", bytes: [0xED, 0xA0, 0x80]))
    }

    @Test func shortFilesAndEmptyFiles() throws {
        let empty = reader([])
        #expect(try empty.next() == nil)
        #expect(empty.lineNumber == 0)
        #expect(empty.isAtEnd)
        #expect(readLines(reader([0x41])).lines == [.init(number: 1, text: "A", isTerminated: false)])
        #expect(readLines(reader([0xEF, 0xBB])).lines.map(\.text) == ["锘"])  // GB18030 EF BB, no BOM
        #expect(readLines(reader([0xEF, 0xBB, 0xBF])).lines.isEmpty)
    }

    @Test func crlfAndLfEndingsAndStrayCarriageReturns() {
        let (lines, _) = readLines(reader(Array("a\r\nb\nc\r\n\r\nx\ry\rz\r".utf8), chunk: 1))
        #expect(lines.map(\.text) == ["a", "b", "c", "", "x\ry\rz\r"])
        #expect(lines.map(\.isTerminated) == [true, true, true, true, false])
    }

    @Test func tellsWhetherTheLastLineWasTerminated() {
        let terminated = reader(Array("H|1\nT|1|2.00\n".utf8))
        #expect(readLines(terminated).lines.map(\.text) == ["H|1", "T|1|2.00"])
        #expect(terminated.lastLineTerminated)
        #expect(terminated.lineNumber == 2)

        let unterminated = reader(Array("H|1\nT|1|2.00".utf8))
        #expect(readLines(unterminated).lines.last == .init(number: 2, text: "T|1|2.00", isTerminated: false))
        #expect(!unterminated.lastLineTerminated)

        // An extra line ending after the trailer is an empty third line.
        for text in ["H|1\nT|1|2.00\n\n", "H|1\r\nT|1|2.00\r\n\r\n"] {
            let extra = readLines(reader(Array(text.utf8), chunk: 3)).lines
            #expect(extra.map(\.text) == ["H|1", "T|1|2.00", ""])
            #expect(extra.last == .init(number: 3, text: "", isTerminated: true))
        }
    }

    @Test func rawLinesGiveBytesWithoutMakingStrings() throws {
        let reader = reader(Array("ab\r\n\ncd".utf8), chunk: 2)
        var seen: [(Int, [UInt8], Bool)] = []
        while let item = try reader.nextRaw({ ($0.number, Array($0.bytes), $0.isTerminated) }) { seen.append(item) }
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen.map(\.1) == [Array("ab".utf8), [], Array("cd".utf8)])
        #expect(seen.map(\.2) == [true, true, false])
    }

    @Test func aLineLongerThanTheLimitIsAnError() {
        let bytes = Array(("short\n" + String(repeating: "x", count: 5000)).utf8)
        let (lines, error) = readLines(reader(bytes, chunk: 64, maxLine: 1000))
        #expect(lines.map(\.text) == ["short"])
        #expect(error as? LineReaderError == .lineTooLong(line: 2, limit: 1000))
    }

    @Test func memoryStaysFlatOverManyLines() throws {
        let bytes = try ReadingScratch().gb18030(sampleText(lines: 50_000))
        let reader = reader(bytes, encoding: .gb18030, chunk: 4096)
        var count = 0
        while try reader.next() != nil { count += 1 }
        #expect(count == 50_000)
        #expect(reader.capacity <= 4096 * 2 + 64)
    }

    @Test func readsGzipCompressedGB18030() throws {
        let scratch = try ReadingScratch()
        let path = try scratch.write("B105_DEDU_360700_20260110_001.txt.gz",
                                     try scratch.gzip(try scratch.gb18030(Self.texts.joined(separator: "\n"))))
        let reader = LineReader(source: try ByteSource(path: path, gzip: true), encoding: .gb18030)
        let (lines, error) = readLines(reader)
        #expect(error == nil)
        #expect(lines.map(\.text) == Self.texts)
        #expect(!reader.lastLineTerminated)
        #expect(reader.fileName == "B105_DEDU_360700_20260110_001.txt.gz")
        reader.close()
        #expect(reader.source.isClosed)
    }
}
