import Foundation
import ZhubaoSystem

/// The frame shared by the three bank files (formats.md §4–6): GB18030 `|` lines, a header
/// `H|bank|region|kind|YYYYMMDD|batch|1.0`, detail lines `D|…`, and a trailer
/// `T|count|total` that is the last line of the file.
struct BankFile {
    let name: FileName
    /// The detail's field names after the leading `D`, for messages and the field count.
    let fields: [String]

    /// Reads the file, passing each detail line of the right field count to `detail`, which
    /// stores the record when its fields are valid and returns the amount it adds to the trailer
    /// total (nil when that amount cannot be read). Every problem is collected.
    func read<Sink: RecordSink>(_ url: URL, context: ImportContext, into sink: inout Sink,
                                detail: (inout FieldReader, [String], inout Sink) throws -> Fen?) throws -> ImportOutcome {
        var outcome = ImportOutcome()
        let file = name.raw
        let reader: LineReader
        do {
            reader = LineReader(source: try context.source(url, name), fileName: file, encoding: .gb18030)
        } catch let error as InputError {
            outcome.diagnostics.append(error.diagnostic)
            return outcome
        }
        defer { reader.close() }
        var sawHeader = false
        var trailer: (line: Int, fields: [String])?
        var count = 0
        var total = Fen.zero
        // A detail whose amount cannot be read makes the total meaningless: say so once, there.
        var unreadableAmounts = false
        do {
            while true {
                // A run of empty lines is one fault, reported once at its first line.
                let firstBlank = reader.lineNumber + 1
                let blanks = try reader.skipBlankLines()
                if blanks > 0 {
                    let run = blanks == 1 ? "空行" : " \(blanks) 个连续空行"
                    let at = Location(file: file, line: firstBlank)
                    if let trailer {
                        outcome.diagnostics.append(.error("尾记录（第 \(trailer.line) 行）之后还有\(run)", at: at))
                        break
                    }
                    outcome.diagnostics.append(.error(sawHeader ? "明细之间有\(run)" : "第一行应为头记录 H|…，实为\(run)", at: at))
                }
                guard let line = try reader.next() else { break }
                let location = Location(file: file, line: line.number)
                if let trailer {
                    outcome.diagnostics.append(.error("尾记录（第 \(trailer.line) 行）之后还有内容", at: location))
                    break
                }
                let parts = PipeFields.split(line.text)
                if ControlCharacters.firstIndex(in: line.text) != nil {
                    ControlCharacters.check(parts, names: { fieldName(of: parts.first, at: $0) }, at: location,
                                            into: &outcome.diagnostics)
                }
                switch parts.first {
                case "H" where line.number == 1:
                    sawHeader = true
                    checkHeader(parts, at: location, into: &outcome.diagnostics)
                case "H":
                    outcome.diagnostics.append(.error("第二个头记录", at: location))
                case "D" where sawHeader:
                    let values = Array(parts.dropFirst())
                    guard values.count == fields.count else {
                        outcome.diagnostics.append(.error("明细应有 \(fields.count + 1) 个字段，实为 \(parts.count) 个", at: location))
                        count += 1
                        unreadableAmounts = true
                        continue
                    }
                    var fieldReader = FieldReader(location: location)
                    let amount = try detail(&fieldReader, values, &sink)
                    for diagnostic in fieldReader.diagnostics { outcome.diagnostics.append(diagnostic) }
                    count += 1
                    if let amount { total += amount } else { unreadableAmounts = true }
                case "T" where sawHeader:
                    trailer = (line.number, parts)
                default:
                    outcome.diagnostics.append(.error(sawHeader ? "行首应为 D 或 T" : "第一行应为头记录 H|…", at: location))
                    if !sawHeader { return outcome }
                }
            }
        } catch let error as LineReaderError {
            outcome.diagnostics.append(error.diagnostic(fileName: file))
            return outcome
        } catch let error as InputError {
            outcome.diagnostics.append(error.diagnostic(line: reader.lineNumber + 1))
            return outcome
        }
        if !sawHeader {
            outcome.diagnostics.append(.error("文件为空，缺少头记录", at: Location(file: file, line: 1)))
        } else if let trailer {
            outcome.recordCount = count
            checkTrailer(trailer.fields, count: count, total: unreadableAmounts ? nil : total,
                         at: Location(file: file, line: trailer.line), into: &outcome.diagnostics)
        } else {
            outcome.diagnostics.append(.error("缺少尾记录 T|笔数|合计（文件可能被截断）", at: Location(file: file, line: reader.lineNumber)))
        }
        return outcome
    }

    /// The name of field `index` (0: the record type) of a line starting with `type`.
    private func fieldName(of type: String?, at index: Int) -> String {
        let header = ["记录类型", "行别代码", "地区", "文件类型", "业务日期", "批次号", "版本"]
        let trailer = ["记录类型", "笔数", "合计"]
        let names = type == "H" ? header : type == "T" ? trailer : ["记录类型"] + fields
        return index < names.count ? names[index] : "第 \(index + 1) 个字段"
    }

    private func checkHeader(_ parts: [String], at location: Location, into diagnostics: inout DiagnosticBag) {
        guard parts.count == 7 else {
            diagnostics.append(.error("头记录应有 7 个字段 H|行别|地区|类型|日期|批次号|1.0，实为 \(parts.count) 个", at: location))
            return
        }
        let expected: [(Int, String, String)] = [
            (1, "行别代码", name.sender.bankCode ?? ""), (2, "地区", name.region),
            (3, "文件类型", name.kind.rawValue), (4, "业务日期", name.businessDate.compact),
        ]
        for (index, label, value) in expected where parts[index] != value {
            diagnostics.append(.error("头记录的\(label)\(InputQuote.quoted(parts[index]))与文件名中的“\(value)”不一致", at: location.field(label)))
        }
        if parts[5].isEmpty { diagnostics.append(.error("头记录缺少批次号", at: location.field("批次号"))) }
        if parts[6] != "1.0" { diagnostics.append(.error("版本应为 1.0，实为\(InputQuote.quoted(parts[6]))", at: location.field("版本"))) }
    }

    private func checkTrailer(_ parts: [String], count: Int, total: Fen?, at location: Location,
                              into diagnostics: inout DiagnosticBag) {
        guard parts.count == 3 else {
            diagnostics.append(.error("尾记录应为 T|笔数|合计，实有 \(parts.count) 个字段", at: location))
            return
        }
        if let stated = Int(parts[1]), parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            if stated != count {
                diagnostics.append(.error("尾记录笔数 \(stated) 与明细行数 \(count) 不符", at: location.field("笔数")))
            }
        } else {
            diagnostics.append(.error("尾记录笔数\(InputQuote.quoted(parts[1]))不是整数", at: location.field("笔数")))
        }
        if let stated = Fen(total: parts[2]) {
            if let total, stated != total {
                diagnostics.append(.error("尾记录合计 \(stated.yuan) 与明细合计 \(total.yuan) 不符", at: location.field("合计")))
            }
        } else {
            diagnostics.append(.error("尾记录合计\(InputQuote.quoted(parts[2]))应为两位小数的金额，绝对值不超过 99999999999999.99", at: location.field("合计")))
        }
    }
}

/// The fields of a bank file's detail that name the loan and the borrower, in the order every
/// bank file gives them: loanNo, contractNo, idNumber, name.
struct BankParty {
    var loanNo: String, contractNo: String, idNumber: String, idValid: Bool, name: String
}

extension FieldReader {
    /// Reads the four party fields starting at `values[first]`.
    mutating func party(_ values: [String], from first: Int) -> BankParty {
        let loanNo = required(values[first], "loanNo")
        let contractNo = required(values[first + 1], "contractNo")
        let (id, idValid) = idNumber(values[first + 2], "idNumber")
        let name = required(values[first + 3], "name")
        return BankParty(loanNo: loanNo, contractNo: contractNo, idNumber: id, idValid: idValid, name: name)
    }
}
