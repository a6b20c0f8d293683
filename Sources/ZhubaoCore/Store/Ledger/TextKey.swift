import GRDB
import GRDBSQLite

/// The text of a column, compared by its bytes as SQLite compares text, read from a statement's
/// current row without making a `String` of it: up to 24 bytes (every valid ID number, every
/// date and code) as three words, longer as its bytes. For the scans that look at many rows and
/// keep few (`BorrowerIDs`, the snapshot comparison of the next-day run).
enum TextKey: Hashable {
    case packed(UInt64, UInt64, UInt64, count: Int)
    case long([UInt8])

    init(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= 24 else {
            self = .long(Array(bytes))
            return
        }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        self = .packed(words.0, words.1, words.2, count: bytes.count)
    }

    init(_ text: String) {
        self = Array(text.utf8).withUnsafeBytes { TextKey($0) }
    }

    /// The text in `column` of the statement's current row; nil when it is NULL.
    init?(_ statement: SQLiteStatement, column: Int) {
        guard let text = sqlite3_column_text(statement, CInt(column)) else { return nil }
        self.init(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, CInt(column)))))
    }

    /// One word of the packed text into the hasher (as `BorrowerIDs` hashed it before): the
    /// scans hash a key a row.
    func hash(into hasher: inout Hasher) {
        switch self {
        case .packed(let a, let b, let c, let count): hasher.combine(a &+ b &* 31 &+ c &* 961 &+ UInt64(count))
        case .long(let bytes): hasher.combine(bytes)
        }
    }

    var string: String {
        switch self {
        case .long(let bytes): String(decoding: bytes, as: UTF8.self)
        case .packed(let a, let b, let c, let count): withUnsafeBytes(of: (a, b, c)) { String(decoding: $0.prefix(count), as: UTF8.self) }
        }
    }
}

/// The ID numbers of every drawdown in the store (or of the query given), looked up by the
/// bytes of a text column of a statement's current row.
struct BorrowerIDs {
    private var ids: Set<TextKey> = []

    init(_ db: Database, sql: String = "SELECT DISTINCT idNumber FROM drawdown", arguments: StatementArguments = []) throws {
        let ids = try String.fetchCursor(db, sql: sql, arguments: arguments)
        while let id = try ids.next() { self.ids.insert(TextKey(id)) }
    }

    func contains(_ id: TextKey) -> Bool { ids.contains(id) }

    /// Whether the text in `column` of the statement's current row is one of the ID numbers.
    func contains(_ statement: SQLiteStatement, column: Int) -> Bool {
        TextKey(statement, column: column).map(ids.contains) ?? false
    }
}
