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

/// The ID numbers of every drawdown in the store (or of the query given, and among `persons`
/// when given), looked up by bytes: a bit per hash of an ID's last eight bytes tells most IDs
/// not in the set apart before a `TextKey` is made and hashed (a next-day run looks for a few
/// thousand people among the two and a half million lines of a city's hardship lists).
struct BorrowerIDs {
    private var ids: Set<TextKey> = []
    private var bits = [UInt64](repeating: 0, count: 1 << 14)  // 2^20 bits

    init(_ db: Database, sql: String = "SELECT DISTINCT idNumber FROM drawdown", arguments: StatementArguments = [],
         among persons: Set<String>? = nil) throws {
        let ids = try String.fetchCursor(db, sql: sql, arguments: arguments)
        while var id = try ids.next() {
            if let persons, !persons.contains(id) { continue }
            id.withUTF8 { bytes in
                let bit = Self.bit(UnsafeRawBufferPointer(bytes))
                self.bits[bit >> 6] |= 1 << UInt64(bit & 63)
                self.ids.insert(TextKey(UnsafeRawBufferPointer(bytes)))
            }
        }
    }

    @inline(__always) private static func bit(_ bytes: UnsafeRawBufferPointer) -> Int {
        var tail: UInt64 = 0
        if bytes.count >= 8 {
            tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        } else {
            for byte in bytes { tail = tail << 8 | UInt64(byte) }
        }
        return Int(truncatingIfNeeded: (tail &* 0x9E37_79B9_7F4A_7C15) >> 44)
    }

    func contains(bytes: UnsafeRawBufferPointer) -> Bool {
        let bit = Self.bit(bytes)
        guard bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        return ids.contains(TextKey(bytes))
    }
}
