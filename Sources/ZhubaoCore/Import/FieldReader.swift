import ZhubaoSystem

/// Reads the fields of one record (a bank-file line, a CSV row, an XML element's children),
/// checking each against its format and collecting a diagnostic per bad field with the field's
/// name in its location: field → record → file, like moov-io/ach's `FieldError`.
///
/// Getters return a placeholder for a bad field so that reading goes on and every problem of
/// the record is listed; `isValid` tells whether the record may be stored.
struct FieldReader {
    let location: Location
    private(set) var diagnostics: [Diagnostic] = []
    /// Error-level problems only; an E003 warning does not make the record invalid.
    var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    init(location: Location) { self.location = location }

    mutating func fail(_ field: String, _ message: String) {
        diagnostics.append(.error(message, at: location.field(field)))
    }

    mutating func warn(code: Diagnostic.Code, _ field: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, code: code, message, at: location.field(field)))
    }

    /// A required text value: present and not empty.
    mutating func required(_ value: String?, _ field: String) -> String {
        guard let value, !value.isEmpty else { fail(field, "必填字段为空或缺失"); return "" }
        return value
    }

    /// An optional text value: empty means absent.
    func optional(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// A required value read by `parse`; `missing` stands in when it is absent or does not
    /// read, and then the field fails with `problem` of the value quoted (masked).
    private mutating func parsed<Value>(_ value: String?, _ field: String, missing: Value,
                                        problem: (String) -> String, parse: (String) -> Value?) -> Value {
        let text = required(value, field)
        guard !text.isEmpty else { return missing }
        guard let parsed = parse(text) else {
            fail(field, problem(InputQuote.quoted(text)))
            return missing
        }
        return parsed
    }

    mutating func amount(_ value: String?, _ field: String) -> Fen {
        parsed(value, field, missing: .zero, problem: { "金额\($0)应为恰好两位小数的元，绝对值不超过 99999999.99" },
               parse: { Fen(yuan: $0) })
    }

    mutating func optionalAmount(_ value: String?, _ field: String) -> Fen? {
        guard optional(value) != nil else { return nil }
        return amount(value, field)
    }

    mutating func rate(_ value: String?, _ field: String) -> Rate {
        parsed(value, field, missing: Rate(units: 0), problem: { "利率\($0)应为年利率百分数，最多 4 位小数" },
               parse: { Rate(percent: $0) })
    }

    mutating func compactDay(_ value: String?, _ field: String) -> Day {
        day(value, field, format: "YYYYMMDD", parse: Day.init(compact:))
    }

    mutating func isoDay(_ value: String?, _ field: String) -> Day {
        day(value, field, format: "YYYY-MM-DD", parse: Day.init(iso:))
    }

    mutating func spreadsheetDay(_ value: String?, _ field: String) -> Day {
        day(value, field, format: "2026-01-05、2026/01/05、2026/1/5 或 20260105", parse: Day.init(spreadsheet:))
    }

    mutating func optionalSpreadsheetDay(_ value: String?, _ field: String) -> Day? {
        guard optional(value) != nil else { return nil }
        return spreadsheetDay(value, field)
    }

    private mutating func day(_ value: String?, _ field: String, format: String, parse: (String) -> Day?) -> Day {
        parsed(value, field, missing: Day(ordinal: 0), problem: { "日期\($0)不是有效的 \(format) 日期" }, parse: parse)
    }

    mutating func compactMonth(_ value: String?, _ field: String) -> YearMonth {
        month(value, field, format: "YYYYMM", parse: YearMonth.init(compact:))
    }

    mutating func isoMonth(_ value: String?, _ field: String) -> YearMonth {
        month(value, field, format: "YYYY-MM", parse: YearMonth.init(iso:))
    }

    private mutating func month(_ value: String?, _ field: String, format: String, parse: (String) -> YearMonth?) -> YearMonth {
        parsed(value, field, missing: YearMonth(year: 1970, month: 1)!, problem: { "月份\($0)不是有效的 \(format)" },
               parse: parse)
    }

    /// A value from a closed list: nil when it is absent or not one of `C`'s.
    mutating func code<C: RecordCode>(_ value: String?, _ field: String) -> C? {
        let text = required(value, field)
        guard !text.isEmpty else { return nil }
        guard let code = C(rawValue: text) else {
            fail(field, "值\(InputQuote.quoted(text))不在允许的取值 \(C.listed) 中")
            return nil
        }
        return code
    }

    mutating func integer(_ value: String?, _ field: String, digits: ClosedRange<Int> = 1...9) -> Int {
        let text = required(value, field)
        guard !text.isEmpty else { return 0 }
        guard digits.contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(text) else {
            fail(field, "\(InputQuote.quoted(text))应为非负整数")
            return 0
        }
        return n
    }

    /// An `xs:nonNegativeInteger` of an XML file, in any spelling the XSD accepts (`+148`,
    /// `0148`, ` 148 `, `-0`), of at most `digits` significant digits.
    mutating func nonNegativeInteger(_ value: String?, _ field: String, digits: Int = 9) -> Int {
        let text = required(value, field)
        guard !text.isEmpty else { return 0 }
        guard let number = XSDInteger.nonNegative(text), number.utf8.count <= digits, let n = Int(number) else {
            fail(field, "\(InputQuote.quoted(text))应为不超过 \(digits) 位的非负整数")
            return 0
        }
        return n
    }

    /// A code of fixed digits (region, county, bank code).
    mutating func digits(_ value: String?, _ field: String, count: Int) -> String {
        let text = required(value, field)
        guard !text.isEmpty else { return "" }
        guard Self.isDigits(text.utf8, count: count) else {
            fail(field, "\(InputQuote.quoted(text))应为 \(count) 位数字")
            return text
        }
        return text
    }

    /// Whether `bytes` are exactly `count` ASCII digits: `digits(_:_:count:)`'s check, which the
    /// quick paths make on the file's bytes.
    static func isDigits(_ bytes: some Collection<UInt8>, count: Int) -> Bool {
        bytes.count == count && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// An ID number: the record is kept when it is invalid, with an E003 warning (rules.md §1).
    /// An empty one is invalid too, not a missing field (formats.md "Layout", bank files).
    mutating func idNumber(_ value: String?, _ field: String) -> (String, Bool) {
        let text = IDNumber.normalized(value ?? "")
        if IDNumber.isValid(text) { return (text, true) }
        warn(code: .e003, field, IDNumber.invalidReason(text))
        return (text, false)
    }
}

/// `xs:nonNegativeInteger` as libxml2's XSD validator reads it: whitespace collapsed (XML's
/// four whitespace characters only), an optional sign, digits; at most 24 significant digits.
enum XSDInteger {
    /// `text` without the XML whitespace (space, tab, CR, LF) around it.
    static func collapsed(_ text: String) -> Substring {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.unicodeScalars.firstIndex(where: { !isSpace($0) }),
              let last = text.unicodeScalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return Substring(text.unicodeScalars[first...last])
    }

    /// The digits of the number without sign or leading zeros (`+007` → `7`, `-0` → `0`);
    /// nil when the text is not a non-negative integer the XSD accepts.
    static func nonNegative(_ text: String) -> String? {
        var digits = collapsed(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let value = String(digits.drop { $0 == "0" })
        guard value.utf8.count <= 24, !(negative && !value.isEmpty) else { return nil }
        return value.isEmpty ? "0" : value
    }
}
