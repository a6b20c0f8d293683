import Foundation
import ZhubaoSystem

/// `MZ_HARD_*.csv`, `XC_HARD_*.csv`, `JY_HARD_*.csv` (formats.md §3): a department's full
/// snapshot of its hardship list. GB18030, or UTF-8 after a byte-order mark; RFC 4180.
struct HardshipImporter: FileImporter {
    static let header = HardshipSpec.header

    /// The categories of each department: name → code.
    static let categories: [String: [String: String]] = Dictionary(grouping: HardshipCategory.allCases, by: { $0.department.rawValue })
        .mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.name, $0.rawValue) }) }

    static let endReasons = HardshipEndReason.allCases.map(\.rawValue)

    /// Whether plain lines may take the quick path (`HardshipQuickPath`); tests turn it off to
    /// compare it with the ordinary one.
    var quick = true

    func read(_ url: URL, name: FileName, context: ImportContext, into sink: inout some RecordSink) throws -> ImportOutcome {
        var outcome = ImportOutcome()
        let file = name.raw
        let spec = HardshipSpec(department: HardshipDepartment(rawValue: name.sender.description))
        let reader: CSVRecordReader
        do {
            reader = CSVRecordReader(lines: LineReader(source: try context.source(url, name),
                                                       fileName: file, encoding: .detectBOM(default: .gb18030)))
        } catch let error as InputError {
            outcome.diagnostics.append(error.diagnostic)
            return outcome
        }
        defer { reader.lines.close() }
        reader.skipsBlankLines = true  // formats.md §3: blank lines are ignored
        var sawHeader = false
        let quick = HardshipQuickPath(spec)
        // The lines stored, a chunk at a time (`HardshipChunk`): written when full and at the end.
        var chunk = HardshipChunk.Builder()
        while true {
            let record: CSVRecordReader.Record
            do {
                let step = try reader.next { bytes, number in
                    guard self.quick, sawHeader, quick.take(bytes, number: number, into: &chunk) else { return false }
                    outcome.recordCount += 1
                    if chunk.isFull { try chunk.flush(into: &sink) }
                    return true
                }
                guard let step else { break }
                guard case .record(let next) = step else { continue }
                record = next
            } catch let error as CSVError {
                outcome.diagnostics.append(error.diagnostic(fileName: file))
                continue
            } catch let error as LineReaderError {
                outcome.diagnostics.append(error.diagnostic(fileName: file))
                break
            } catch let error as InputError {
                outcome.diagnostics.append(error.diagnostic(line: reader.lines.lineNumber + 1))
                break
            }
            if record.isBlank { continue }
            let location = Location(file: file, line: record.line)
            guard sawHeader else {
                sawHeader = true
                if record.fields != Self.header {
                    outcome.diagnostics.append(.error(
                        "第一行应为表头“\(Self.header.joined(separator: ","))”，实为 \(record.fields.count) 列的\(InputQuote.quoted(record.fields.joined(separator: ",")))（个人信息已遮盖）",
                        at: location))
                    return outcome
                }
                continue
            }
            guard record.fields.count == Self.header.count else {
                outcome.diagnostics.append(.error("应有 \(Self.header.count) 列，实为 \(record.fields.count) 列", at: location))
                continue
            }
            ControlCharacters.check(record.fields, names: { Self.header[$0] }, allowingLF: true, at: location,
                                    into: &outcome.diagnostics)
            var r = FieldReader(location: location)
            let v = record.fields
            let (id, idValid) = r.idNumber(v[0], "身份证号")
            let personName = r.required(v[1], "姓名")
            let categoryName = r.required(v[2], "人员类别")
            var category: HardshipCategory?
            if !categoryName.isEmpty {
                category = spec.category(named: categoryName)
                if category == nil { r.fail("人员类别", spec.categoryProblem(categoryName)) }
            }
            let county = r.digits(v[3], "行政区划", count: HardshipSpec.countyDigits)
            let certifiedOn = r.spreadsheetDay(v[4], "认定日期")
            let endsOn = r.optionalSpreadsheetDay(v[5], "终止日期")
            let reasonText = r.optional(v[6])
            let reason = reasonText.flatMap(HardshipEndReason.init(rawValue:))
            if let reasonText, reason == nil { r.fail("终止原因", HardshipSpec.endReasonProblem(reasonText)) }
            for diagnostic in r.diagnostics { outcome.diagnostics.append(diagnostic) }
            guard r.isValid, spec.department != nil, let category else { continue }
            chunk.append(line: record.line, idNumber: id, idValid: idValid, name: personName, category: category,
                         county: county, certifiedOn: certifiedOn, endsOn: endsOn, endReason: reason)
            if chunk.isFull { try chunk.flush(into: &sink) }
            outcome.recordCount += 1
        }
        try chunk.flush(into: &sink)
        if !sawHeader {
            outcome.diagnostics.append(.error("文件为空，缺少表头", at: Location(file: file, line: 1)))
        }
        return outcome
    }
}
