import Foundation
import ZhubaoSystem

/// `zhubao validate` for the files zhubao sends (outbound.md), so that a partner can check what
/// it received: the name, GB18030, the header against the name, every detail line's fields, the
/// order of the lines, and the trailer's count and total. Every problem, each with its line.
struct OutboundValidator {
    let region: String

    /// `SI_{FDBK|ELIG}_{REGION}_{YYYYMMDD}_{SEQ}.txt`, or nil when the name is not an outbound one.
    static func parse(_ name: String) -> (kind: OutboundKind, region: String, date: Day, seq: Int)? {
        guard name.hasPrefix("SI_"), name.hasSuffix(".txt") else { return nil }
        let parts = name.dropLast(4).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 5, let kind = OutboundKind(rawValue: String(parts[1])),
              parts[2].utf8.count == 6, parts[2].allSatisfy(\.isASCIIDigit), let date = Day(compact: parts[3]),
              parts[4].utf8.count == 3, parts[4].allSatisfy(\.isASCIIDigit), let seq = Int(parts[4]), seq >= 1
        else { return nil }
        return (kind, String(parts[2]), date, seq)
    }

    func validate(_ url: URL, name: (kind: OutboundKind, region: String, date: Day, seq: Int)) throws -> Validator.Report {
        let file = url.lastPathComponent
        var problems: [Diagnostic] = []
        func fault(_ message: String, line: Int? = nil, field: String? = nil) {
            problems.append(.error(message, at: Location(file: file, line: line, field: field)))
        }
        if name.region != region { fault("文件名中的地区代码 \(name.region) 不是本市 \(region)") }
        let text: String
        do {
            text = try IconvDecoder.decode(Array(try Data(contentsOf: url)))
        } catch {
            fault("不是有效的 GB18030 文本：\(error)")
            return report(file, name.kind, 0, problems)
        }
        // CRLF is one Character in Swift: split on either ending.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" }).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first, lines.count >= 2, let trailer = lines.last, trailer.hasPrefix("T|") else {
            fault("文件应由表头（H）、明细（D）和表尾（T）组成")
            return report(file, name.kind, 0, problems)
        }
        let file0 = OutboundFile(recipient: "", kind: name.kind, region: name.region, date: name.date, seq: name.seq, lines: [])
        let h = PipeFields.split(String(header))
        if h.count != 7 || h[0] != "H" { fault("表头应为 H|接收方|地区|类型|日期|批次号|1.0", line: 1) }
        else {
            if Sender(h[1]) == nil { fault("接收方“\(h[1])”不是 TAX、SI、MZ、XC、JY 或 B 加 3 位行别代码", line: 1, field: "recipient") }
            for (i, expected, label) in [(2, name.region, "region"), (3, name.kind.rawValue, "kind"), (4, name.date.compact, "date"),
                                         (5, file0.batchNo, "batch no"), (6, "1.0", "version")] where h[i] != expected {
                fault("应为 \(expected)，实为 \(h[i])", line: 1, field: label)
            }
        }
        var total = Fen.zero, previous: String?
        let details = lines.dropFirst().dropLast()
        for (offset, line) in details.enumerated() {
            let number = offset + 2
            let f = PipeFields.split(String(line))
            guard f.first == "D", f.count == name.kind.detailFieldCount else {
                fault("明细行应以 D 开头、共 \(name.kind.detailFieldCount) 个字段，实为 \(f.count) 个", line: number)
                continue
            }
            for (field, message) in name.kind == .feedback ? Self.feedbackFaults(f) : Self.eligibilityFaults(f) {
                fault(message, line: number, field: field)
            }
            if let amount = Fen(yuan: f[name.kind.amountField]) { total += amount }
            if let previous, previous > f[1] { fault("明细行应按第一个字段排序", line: number) }
            previous = f[1]
        }
        let t = PipeFields.split(String(trailer))
        if t.count != 3 { fault("表尾应为 T|明细行数|金额合计", line: lines.count) }
        else {
            if t[1] != String(details.count) { fault("表尾行数 \(t[1]) 与明细行数 \(details.count) 不符", line: lines.count) }
            if t[2] != total.yuan { fault("表尾金额合计 \(t[2]) 与明细合计 \(total.yuan) 不符", line: lines.count) }
        }
        return report(file, name.kind, details.count, problems)
    }

    func report(_ file: String, _ kind: OutboundKind, _ count: Int, _ problems: [Diagnostic]) -> Validator.Report {
        Validator.Report(file: file, kind: nil, recordCount: count, diagnostics: problems, dropped: 0, rejected: !problems.isEmpty)
    }

    static func isAmount(_ text: String, optional: Bool) -> Bool { (optional && text.isEmpty) || Fen(yuan: text) != nil }

    /// `D|id|code|severity|status|firstSeen|idNumber|contractNo|loanNo|ticketNo|txnNo|file|year|month|amount|source|message`
    static func feedbackFaults(_ f: [String]) -> [(String, String)] {
        var faults: [(String, String)] = []
        if !ShortID.looksLikeShortID(f[1]) { faults.append(("id", "应为 10 位小写十六进制")) }
        if let code = ExceptionCode(rawValue: f[2]) {
            if Catalogue.entry(code).severity.rawValue != f[3] { faults.append(("severity", "与代码 \(f[2]) 的级别不符")) }
        } else {
            faults.append(("code", "“\(f[2])”不是异常目录中的代码"))
        }
        if !["NEW", "RESOLVED"].contains(f[4]) { faults.append(("status", "应为 NEW 或 RESOLVED")) }
        if Day(compact: f[5]) == nil { faults.append(("firstSeen", "应为 YYYYMMDD 日期")) }
        if !f[12].isEmpty, Int(f[12]) == nil { faults.append(("year", "应为年份")) }
        if !f[13].isEmpty, YearMonth(compact: f[13]) == nil { faults.append(("month", "应为 YYYYMM")) }
        if !isAmount(f[14], optional: true) { faults.append(("amount", "应为两位小数的金额")) }
        if f[15].isEmpty { faults.append(("source", "不能为空")) }
        if f[16].isEmpty { faults.append(("message", "不能为空")) }
        return faults
    }

    static let categories = Set(HardshipImporter.categories.values.flatMap(\.values))

    /// `D|loanNo|contractNo|idNumber|name|year|from|to|categories|amount`
    static func eligibilityFaults(_ f: [String]) -> [(String, String)] {
        var faults: [(String, String)] = []
        for (i, label) in [(1, "loanNo"), (2, "contractNo"), (4, "name")] where f[i].isEmpty { faults.append((label, "不能为空")) }
        if !IDNumber.isValid(f[3]) { faults.append(("idNumber", "不是有效的身份证号")) }
        let year = Int(f[5]), from = Day(compact: f[6]), to = Day(compact: f[7])
        if year == nil { faults.append(("year", "应为年份")) }
        if from == nil { faults.append(("from", "应为 YYYYMMDD 日期")) }
        if to == nil { faults.append(("to", "应为 YYYYMMDD 日期")) }
        if let year, let from, let to, from > to || from.year != year || to.year != year {
            faults.append(("from", "起止日期应在 \(year) 年内且起不晚于止"))
        }
        let codes = f[8].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if codes.isEmpty || !codes.allSatisfy(categories.contains) || codes != codes.sorted() {
            faults.append(("categories", "应为按字母排序、以空格分隔的人员类别代码"))
        }
        if !isAmount(f[9], optional: false) { faults.append(("amount", "应为两位小数的金额")) }
        return faults
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
