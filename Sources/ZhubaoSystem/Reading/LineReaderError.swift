/// A line that cannot be read as text. Every line before it was delivered.
package enum LineReaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Bytes that are not valid in `encoding`; `offset` is the 0-based byte offset in the file
    /// (in the decompressed stream for gzip files), `bytes` up to four bytes from there.
    case invalidBytes(line: Int, offset: Int, encoding: String, bytes: [UInt8])
    /// The file ends inside a multi-byte character.
    case truncatedCharacter(line: Int, offset: Int, encoding: String, bytes: [UInt8])
    /// A line longer than the reader's limit (a file without line breaks, say).
    case lineTooLong(line: Int, limit: Int)

    /// The 1-based line the problem is on.
    package var line: Int {
        switch self {
        case .invalidBytes(let line, _, _, _), .truncatedCharacter(let line, _, _, _), .lineTooLong(let line, _): line
        }
    }

    /// The message without the location.
    package var message: String { texts.english }

    package var description: String { "line \(line): \(message)" }

    /// The reason in Chinese, with the technical detail after it.
    package var chineseMessage: String { texts.chinese }

    /// Both messages of each case, side by side.
    private var texts: (english: String, chinese: String) {
        switch self {
        case .invalidBytes(_, let offset, let encoding, let bytes):
            ("invalid \(encoding) bytes \(IconvError.hex(bytes)) at byte offset \(offset)",
             "此行含有不是 \(encoding) 编码的字节，拒收（文件第 \(offset) 字节处起：\(IconvError.hex(bytes))）")
        case .truncatedCharacter(_, let offset, let encoding, let bytes):
            ("the file ends inside a \(encoding) character (\(IconvError.hex(bytes)) at byte offset \(offset))",
             "文件在一个 \(encoding) 字符中间结束（文件可能被截断），拒收（文件第 \(offset) 字节处起：\(IconvError.hex(bytes))）")
        case .lineTooLong(_, let limit):
            ("line longer than \(limit) bytes", "此行超过 \(limit) 字节（文件可能缺少换行符），拒收")
        }
    }

    /// The diagnostic that rejects the file.
    package func diagnostic(fileName: String) -> Diagnostic {
        .error(chineseMessage, at: Location(file: fileName, line: line))
    }

    /// The same error placed on `line`.
    func at(line: Int) -> LineReaderError {
        switch self {
        case .invalidBytes(_, let offset, let encoding, let bytes):
            .invalidBytes(line: line, offset: offset, encoding: encoding, bytes: bytes)
        case .truncatedCharacter(_, let offset, let encoding, let bytes):
            .truncatedCharacter(line: line, offset: offset, encoding: encoding, bytes: bytes)
        case .lineTooLong(_, let limit):
            .lineTooLong(line: line, limit: limit)
        }
    }
}
