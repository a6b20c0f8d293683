/// A CSV record that breaks RFC 4180 quoting. `line` is a physical line number.
package enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A quoted field is still open at the end of the file, or after `CSVParser.maxRecordBytes`.
    /// `line` is the line where the record starts.
    case unterminatedQuote(line: Int)
    /// A `"` inside a field that does not start with one (`ab"c`). `field` is 1-based.
    case quoteInUnquotedField(line: Int, field: Int)
    /// Something other than `,` or the line end after a closing quote (`"ab"c`).
    case textAfterClosingQuote(line: Int, field: Int)

    package var line: Int {
        switch self {
        case .unterminatedQuote(let line), .quoteInUnquotedField(let line, _), .textAfterClosingQuote(let line, _): line
        }
    }

    package var message: String {
        switch self {
        case .unterminatedQuote: "quoted field not closed"
        case .quoteInUnquotedField(_, let field): "field \(field): quote inside an unquoted field"
        case .textAfterClosingQuote(_, let field): "field \(field): text after the closing quote"
        }
    }

    package var description: String { "line \(line): \(message)" }

    /// The reason in Chinese, with the technical detail after it.
    package var chineseMessage: String {
        switch self {
        case .unterminatedQuote: "从此行开始的带引号字段没有结束引号（RFC 4180：\(message)）"
        case .quoteInUnquotedField(_, let field): "第 \(field) 列不以引号开头，却含有引号（RFC 4180：\(message)）"
        case .textAfterClosingQuote(_, let field): "第 \(field) 列的结束引号之后还有字符（RFC 4180：\(message)）"
        }
    }

    package func diagnostic(fileName: String) -> Diagnostic {
        .error(chineseMessage, at: Location(file: fileName, line: line))
    }
}

/// Splits CSV records (RFC 4180) fed one physical line at a time: fields separated by `,`;
/// a field that starts with `"` is quoted and may hold `,`, `""` (one quote) and line breaks,
/// which come back as a single LF. A line that ends inside quotes leaves the record open and
/// the next line continues it. Spaces are data (not trimmed). An empty line is one empty field.
package struct CSVParser: Sendable {
    private enum State: Sendable { case fieldStart, quoted, quoteInQuoted, recordEnd }

    /// A record still open after this many bytes is an unterminated quote.
    package var maxRecordBytes: Int
    /// The line where the current (or last) record starts.
    package private(set) var startLine = 0
    /// True while a quoted field is open across lines.
    package private(set) var isOpen = false
    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var recordBytes = 0

    package init(maxRecordBytes: Int = 1 << 20) {
        self.maxRecordBytes = maxRecordBytes
    }

    /// Feeds one physical line (UTF-8, without its line ending). Returns the record's fields
    /// when the line completes it, nil when a quoted field stays open.
    package mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws -> [String]? {
        if isOpen {
            field.append(0x0A)
            recordBytes += bytes.count + 1
            if recordBytes > maxRecordBytes { throw reset(.unterminatedQuote(line: startLine)) }
        } else {
            startLine = line
            recordBytes = bytes.count
            state = .fieldStart
        }
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C
        let n = bytes.count
        var i = 0
        while i < n {
            switch state {
            case .fieldStart:
                if bytes[i] == quote {
                    state = .quoted
                    i += 1
                    continue
                }
                var j = i
                while j < n && bytes[j] != comma {
                    if bytes[j] == quote { throw reset(.quoteInUnquotedField(line: line, field: fields.count + 1)) }
                    j += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self))
                if j == n { state = .recordEnd }
                i = j + 1
            case .quoted:
                var j = i
                while j < n && bytes[j] != quote { j += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                if j < n { state = .quoteInQuoted }
                i = j + 1
            case .quoteInQuoted:
                if bytes[i] == quote {
                    field.append(quote)
                    state = .quoted
                } else if bytes[i] == comma {
                    endQuotedField()
                    state = .fieldStart
                } else {
                    throw reset(.textAfterClosingQuote(line: line, field: fields.count + 1))
                }
                i += 1
            case .recordEnd:
                i = n
            }
        }
        switch state {
        case .quoted:
            isOpen = true
            return nil
        case .quoteInQuoted: endQuotedField()
        case .fieldStart: fields.append("")  // empty line, or a trailing comma
        case .recordEnd: break
        }
        isOpen = false
        let record = fields
        fields = []
        return record
    }

    /// Ends the input: throws if a quoted field is still open.
    package mutating func finish() throws {
        if isOpen { throw reset(.unterminatedQuote(line: startLine)) }
    }

    private mutating func endQuotedField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    /// Drops the broken record so the parser can go on with the next line.
    private mutating func reset(_ error: CSVError) -> CSVError {
        fields.removeAll(keepingCapacity: true)
        field.removeAll(keepingCapacity: true)
        isOpen = false
        state = .fieldStart
        return error
    }
}

package enum CSVLine {
    /// Splits one complete record; a quote still open at its end is an error.
    package static func split(_ record: String, line: Int = 1) throws -> [String] {
        var parser = CSVParser()
        var text = record
        guard let fields = try text.withUTF8({ try parser.feed($0, line: line) }) else {
            throw CSVError.unterminatedQuote(line: line)
        }
        return fields
    }
}
