import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct GzipReadingTests {
    @Test func readsEveryMemberOfAMultiMemberFile() throws {
        let scratch = try ReadingScratch()
        let first = Array(sampleText(lines: 3000).utf8)
        let second = Array("T|3000|已完\n".utf8)
        let path = try scratch.write("B105_DEDU_360700_20260110_001.txt.gz", try scratch.gzip(first) + scratch.gzip(second))
        let source = try ByteSource(path: path, gzip: true)
        let bytes = try readAll(source, chunk: 1000)
        #expect(bytes == first + second)
        #expect(source.bytesRead == first.count + second.count)
    }

    @Test func aTruncatedStreamIsAnError() throws {
        let scratch = try ReadingScratch()
        let whole = try scratch.gzip(Array(sampleText(lines: 20000).utf8))
        // Cut inside the compressed data, and cut only the 8-byte trailer (CRC and size).
        for cut in [whole.count / 2, 8] {
            let path = try scratch.write("cut.gz", Array(whole.dropLast(cut)))
            let source = try ByteSource(path: path, gzip: true)
            let error = #expect(throws: InputError.self) { _ = try readAll(source) }
            guard case .gzip(let name, let zlib) = error else {
                Issue.record("expected a gzip error, got \(String(describing: error))")
                continue
            }
            #expect(name == "cut.gz")
            #expect(zlib.kind == .truncated)
            #expect(zlib.message == "unexpected end of file")
        }
    }

    /// zlib's gz* layer ignores bytes after the last member; formats.md calls such a stream
    /// corrupt, so the file is refused. A second member after the first is still read.
    @Test(arguments: [[0x00], [0x00, 0x00, 0x00, 0x00], Array("trailer".utf8), [0x1F], [0x1F, 0x8C]])
    func bytesAfterTheLastMemberAreAnError(_ tail: [UInt8]) throws {
        let scratch = try ReadingScratch()
        let text = Array(sampleText(lines: 500).utf8)
        let path = try scratch.write("tail.gz", try scratch.gzip(text) + tail)
        let error = #expect(throws: InputError.self) { _ = try readAll(ByteSource(path: path, gzip: true)) }
        guard case .gzip(_, let zlib) = error else {
            Issue.record("expected a gzip error, got \(String(describing: error))")
            return
        }
        #expect(zlib.kind == .corrupt)
        #expect(error?.description == "tail.gz: gzip stream is corrupt (data after the end of the gzip stream)")
    }

    @Test func anEmptyFileIsNotGzip() throws {
        let scratch = try ReadingScratch()
        let path = try scratch.write("empty.gz", [])
        let error = #expect(throws: InputError.self) { _ = try readAll(ByteSource(path: path, gzip: true)) }
        guard case .gzip(_, let zlib) = error else {
            Issue.record("expected a gzip error, got \(String(describing: error))")
            return
        }
        #expect(zlib.kind == .notGzip)
    }

    @Test func garbageInTheMiddleIsAnError() throws {
        let scratch = try ReadingScratch()
        var bytes = try scratch.gzip(Array(sampleText(lines: 20000).utf8))
        let middle = bytes.count / 2
        for i in middle..<(middle + 64) { bytes[i] = UInt8(truncatingIfNeeded: i &* 131 &+ 7) }
        let path = try scratch.write("bad.gz", bytes)
        let source = try ByteSource(path: path, gzip: true)
        let error = #expect(throws: InputError.self) { _ = try readAll(source) }
        guard case .gzip(_, let zlib) = error else {
            Issue.record("expected a gzip error, got \(String(describing: error))")
            return
        }
        #expect(zlib.kind == .corrupt)
        #expect(error?.description.hasPrefix("bad.gz: gzip stream is corrupt (") == true)
    }

    @Test func aPlainFileReadAsGzipIsRefused() throws {
        let scratch = try ReadingScratch()
        let path = try scratch.write("plain.txt.gz", "H|105|360700\n")
        let source = try ByteSource(path: path, gzip: true)
        let error = #expect(throws: InputError.self) { _ = try readAll(source) }
        guard case .gzip(_, let zlib) = error else {
            Issue.record("expected a gzip error, got \(String(describing: error))")
            return
        }
        #expect(zlib.kind == .notGzip)
    }

    @Test func aMissingFileNamesOnlyTheFileAndTheSystemReason() throws {
        let scratch = try ReadingScratch()
        for gzip in [false, true] {
            let error = #expect(throws: InputError.self) {
                _ = try ByteSource(path: scratch.path("nowhere.txt"), gzip: gzip)
            }
            #expect(error == .system(fileName: "nowhere.txt", operation: .open, errno: ENOENT))
            #expect(error?.description == "nowhere.txt: cannot open: No such file or directory")
            #expect(error?.diagnostic.location == Location(file: "nowhere.txt"))
        }
    }

    @Test func plainBytesAndClosing() throws {
        let scratch = try ReadingScratch()
        let content = Array(sampleText(lines: 500).utf8)
        let path = try scratch.write("plain.txt", content)
        let source = try ByteSource(path: path)
        #expect(source.fileName == "plain.txt")
        #expect(try readAll(source, chunk: 333) == content)
        #expect(source.bytesRead == content.count)
        source.close()
        source.close()
        #expect(source.isClosed)
        #expect(throws: InputError.closed(fileName: "plain.txt")) { _ = try readAll(source) }
    }

    @Test func readingADirectoryIsAReadError() throws {
        let scratch = try ReadingScratch()
        let source = try ByteSource(path: scratch.directory.path)
        #expect(throws: InputError.system(fileName: scratch.directory.lastPathComponent, operation: .read, errno: EISDIR)) {
            _ = try readAll(source)
        }
    }

    @Test func memoryBytesReadLikeAFile() throws {
        let source = ByteSource(bytes: Array("甲乙丙".utf8), fileName: "m.txt")
        #expect(try readAll(source, chunk: 2) == Array("甲乙丙".utf8))
        #expect(try readAll(ByteSource(bytes: [])) == [])
    }
}
