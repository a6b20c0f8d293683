import Testing
@testable import ZhubaoCore
@testable import ZhubaoSystem

@Suite struct CSVReadingTests {
    private func records(_ text: String, chunk: Int = 4096) -> (records: [CSVRecordReader.Record], error: Error?) {
        let lines = LineReader(source: ByteSource(bytes: Array(text.utf8), fileName: "h.csv"), encoding: .utf8, chunkSize: chunk)
        let reader = CSVRecordReader(lines: lines)
        var records: [CSVRecordReader.Record] = []
        do {
            while let record = try reader.next() { records.append(record) }
            return (records, nil)
        } catch {
            return (records, error)
        }
    }

    @Test func splitsQuotedCommasAndDoubledQuotes() throws {
        #expect(try CSVLine.split(#"a,"b,c","d""e","""",,"x""#) == ["a", "b,c", #"d"e"#, #"""#, "", "x"])
        #expect(try CSVLine.split("360702196703150030,\"钟, 淑堃\",特困人员") == ["360702196703150030", "钟, 淑堃", "特困人员"])
        #expect(try CSVLine.split(" a , b ") == [" a ", " b "])
        #expect(try CSVLine.split("") == [""])
        #expect(try CSVLine.split(",,") == ["", "", ""])
        #expect(try CSVLine.split(#""""#) == [""])
    }

    @Test func refusesBrokenQuoting() {
        #expect(throws: CSVError.quoteInUnquotedField(line: 7, field: 2)) { try CSVLine.split(#"a,b"c,d"#, line: 7) }
        #expect(throws: CSVError.textAfterClosingQuote(line: 1, field: 1)) { try CSVLine.split(#""ab"c,d"#) }
        #expect(throws: CSVError.unterminatedQuote(line: 3)) { try CSVLine.split(#"a,"bc"#, line: 3) }
        #expect(CSVError.quoteInUnquotedField(line: 7, field: 2).diagnostic(fileName: "h.csv").description
            == "h.csv:7: 第 2 列不以引号开头，却含有引号（RFC 4180：field 2: quote inside an unquoted field）")
    }

    @Test func joinsPhysicalLinesWhileAQuoteIsOpen() {
        let text = "h1,h2\r\n1,\"第一行\r\n第二行,\"\"引\"\"\"\r\n3,x\r\n,\n"
        for chunk in [1, 3, 4096] {
            let (records, error) = records(text, chunk: chunk)
            #expect(error == nil)
            #expect(records == [
                .init(line: 1, fields: ["h1", "h2"]),
                .init(line: 2, fields: ["1", "第一行\n第二行,\"引\""]),
                .init(line: 4, fields: ["3", "x"]),
                .init(line: 5, fields: ["", ""]),
            ], "chunk \(chunk)")
            #expect(records.map(\.isBlank) == [false, false, false, true])
        }
    }

    @Test func anUnterminatedQuoteNamesTheLineWhereTheRecordStarts() {
        let (records, error) = records("a,b\nc,\"open\nmore\nstill more\n")
        #expect(records == [.init(line: 1, fields: ["a", "b"])])
        #expect(error as? CSVError == .unterminatedQuote(line: 2))
    }

    @Test func readingGoesOnAfterABrokenRecord() throws {
        let lines = LineReader(source: ByteSource(bytes: Array("a,b\"c\nd,e\n".utf8)), encoding: .utf8)
        let reader = CSVRecordReader(lines: lines)
        #expect(throws: CSVError.quoteInUnquotedField(line: 1, field: 2)) { try reader.next() }
        #expect(try reader.next() == .init(line: 2, fields: ["d", "e"]))
        #expect(try reader.next() == nil)
    }

    @Test func readsAGB18030HardshipList() throws {
        let scratch = try ReadingScratch()
        let text = "身份证号,姓名,人员类别\r\n360702196703150030,\"钟淑堃,𠮷\",特困人员\r\n"
        let path = try scratch.write("MZ_HARD_360700_20260131_001.csv", try scratch.gb18030(text))
        let reader = CSVRecordReader(source: try ByteSource(path: path))
        #expect(try reader.next() == .init(line: 1, fields: ["身份证号", "姓名", "人员类别"]))
        #expect(try reader.next() == .init(line: 2, fields: ["360702196703150030", "钟淑堃,𠮷", "特困人员"]))
        #expect(try reader.next() == nil)
        #expect(reader.lastLineTerminated)
        #expect(reader.lines.encoding == .gb18030)
    }

    @Test func readsAUTF8ListWithAByteOrderMark() throws {
        let scratch = try ReadingScratch()
        let path = try scratch.write("XC_HARD_360700_20260131_001.csv", [0xEF, 0xBB, 0xBF] + Array("身份证号,姓名\n1,脱贫户".utf8))
        let reader = CSVRecordReader(source: try ByteSource(path: path))
        #expect(try reader.next()?.fields == ["身份证号", "姓名"])
        #expect(try reader.next()?.fields == ["1", "脱贫户"])
        #expect(try reader.next() == nil)
        #expect(!reader.lastLineTerminated)
        #expect(reader.lines.encoding == .utf8)
    }
}
