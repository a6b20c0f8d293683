import Foundation
import Testing
@testable import ZhubaoCore

/// exceptions.csv: UTF-8 with a byte-order mark, RFC 4180 (CRLF, quoting), one record per row
/// of the report.
@Suite struct CSVTests {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    /// A strict RFC 4180 reader: records end with CRLF, a bare CR or LF outside quotes is an error.
    static func parse(_ data: Data) throws -> [[String]] {
        guard data.starts(with: [0xEF, 0xBB, 0xBF]) else { throw Malformed(description: "no BOM") }
        let text = Array(String(decoding: data.dropFirst(3), as: UTF8.self).unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = "", i = 0, quoted = false, wasQuoted = false
        while i < text.count {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < text.count, text[i + 1] == "\"" { field += "\""; i += 1 } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty, !wasQuoted else { throw Malformed(description: "quote inside a field at \(i)") }
                quoted = true
                wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\r" {
                guard i + 1 < text.count, text[i + 1] == "\n" else { throw Malformed(description: "bare CR at \(i)") }
                record.append(field); records.append(record)
                record = []; field = ""; wasQuoted = false; i += 1
            } else if c == "\n" {
                throw Malformed(description: "bare LF at \(i)")
            } else {
                guard !wasQuoted else { throw Malformed(description: "text after a closing quote at \(i)") }
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed(description: "no CRLF at the end") }
        return records
    }

    @Test func startsWithABOMAndEndsRecordsWithCRLF() throws {
        let data = ExceptionsCSV.render(try ReportFixtures.report())
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(data.suffix(2)) == [0x0D, 0x0A])
        let header = String(decoding: data.dropFirst(3).prefix(while: { $0 != 0x0D }), as: UTF8.self)
        #expect(header == ExceptionTable.columns.map(\.title).joined(separator: ","))
    }

    @Test func everyRowIsOneRecordOfTwentyTwoFields() throws {
        let report = try ReportFixtures.report()
        let records = try Self.parse(ExceptionsCSV.render(report))
        #expect(records.count == report.allRows.count + 1)
        #expect(records.allSatisfy { $0.count == ExceptionTable.columns.count })
        // The acknowledgement note with a line break and markup comes back whole.
        #expect(records.contains { $0[$0.count - 2] == "银行已承诺 5 月退还。\n" + ReportFixtures.markupName })
        // The short id last, what `zhubao exceptions ack` takes.
        #expect(records.dropFirst().allSatisfy { ShortID.looksLikeShortID($0.last ?? "") })
        // Statuses in report order: open ones by owner, acknowledged ones after them, resolved last.
        #expect(ExceptionTable.columns.count == 22)
        // The bank column: the bank's code and name where the exception goes to a bank.
        #expect(Set(records.dropFirst().map { $0[3] }) == ["", "105 建设银行", "313 城市商业银行（赣州银行）"])
        let status = records.dropFirst().map { $0[4] }
        #expect(status.last == "已解决")
        #expect(Set(status) == ["新增", "未解决", "已确认", "已解决"])
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVText.record(["a", "b,c", "say \"hi\"", "x\r\ny", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\r\ny\",\r\n")
    }
}
