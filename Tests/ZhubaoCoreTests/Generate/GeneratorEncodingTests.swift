import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate
@testable import ZhubaoSystem

@Suite struct GeneratorEncodingTests {
    @Test(arguments: ["𠮷", "钟淑堃", "刘建国,温小玲|123.00\r\n", "ABC abc 0123"])
    func gb18030MatchesIconv(_ text: String) throws {
        let ours = try GB18030Encoder.encode(text)
        let theirs = try GenTestFiles.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030"], input: Data(text.utf8))
        #expect(ours == Array(theirs))
        let back = try GenTestFiles.run("/usr/bin/iconv", ["-f", "GB18030", "-t", "UTF-8"], input: Data(ours))
        #expect(String(decoding: back, as: UTF8.self) == text)
    }

    @Test func outsideTheBMPIsFourBytes() throws {
        #expect(try GB18030Encoder.encode("𠮷") == [0x95, 0x34, 0xB2, 0x35])
        #expect(try GB18030Encoder.encode("钟淑堃").count == 6)
        #expect(try GB18030Encoder.encode("").isEmpty)
    }

    @Test func writerChunksKeepCharactersWholeAndAddLineEnds() throws {
        let url = GenFixture.temporaryDirectory("writer").appendingPathExtension("txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try GenTextWriter(path: url.path, encoding: .gb18030, crlf: true, chunkBytes: 16)
        var expected = ""
        for i in 0..<200 {
            let line = "\(i)|钟淑堃𠮷|\(Fen(Int64(i) * 101).yuan)"
            try writer.line(line)
            expected += line + "\r\n"
        }
        try writer.close()
        #expect(writer.highWater < 64)
        let decoded = try GenTestFiles.run("/usr/bin/iconv", ["-f", "GB18030", "-t", "UTF-8", url.path])
        #expect(String(decoding: decoded, as: UTF8.self) == expected)
    }

    @Test func utf8WithBOMStartsWithTheMark() throws {
        let url = GenFixture.temporaryDirectory("bom").appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try GenTextWriter(path: url.path, encoding: .utf8BOM)
        try writer.line(GenRender.hardshipHeader)
        try writer.close()
        let data = try Data(contentsOf: url)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == GenRender.hardshipHeader + "\n")
    }

    @Test func gzipIsDeterministicAndMultiMemberRoundTrips() throws {
        let directory = GenFixture.temporaryDirectory("gz")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = (0..<500).map { "D|\($0)|钟淑堃" }.joined(separator: "\n") + "\n"
        var outputs: [Data] = []
        for members in [1, 1, 2] {
            let url = directory.appendingPathComponent("f\(outputs.count).txt")
            try Data(text.utf8).write(to: url)
            let gz = try GenGzip.gzipInPlace(url, members: members)
            outputs.append(try Data(contentsOf: gz))
            #expect(String(decoding: try GenTestFiles.bytes(gz), as: UTF8.self) == text)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[2] != outputs[0])
    }
}
