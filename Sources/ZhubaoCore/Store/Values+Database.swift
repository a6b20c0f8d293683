import GRDB

/// A value stored in a column of one SQLite type: days and months as text of one exact spelling
/// (the migrations declare the columns `TEXT`): days as `YYYY-MM-DD`, months as `YYYY-MM`;
/// fen and rate units as integers. A stored value of another type or spelling does not read
/// back (GRDB throws a decoding error for the row): it never becomes a default.
protocol StoredValue: DatabaseValueConvertible, Codable {
    /// `String` or `Int64`.
    associatedtype Stored: DatabaseValueConvertible, Codable
    /// A static function, not an initializer: `Day.init` and `Fen.init` stay unambiguous.
    static func read(stored: Stored) -> Self?
    var storedValue: Stored { get }
    /// The spelling, for the decoding error.
    static var storedFormat: String { get }
    /// The stored value where the database holds one of the column's type, else nil.
    static func stored(in storage: DatabaseValue.Storage) -> Stored?
}

extension StoredValue {
    package var databaseValue: DatabaseValue { storedValue.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        stored(in: dbValue.storage).flatMap(read(stored:))
    }

    package init(from decoder: any Decoder) throws {
        guard let value = Self.read(stored: try decoder.singleValueContainer().decode(Stored.self)) else {
            // The text is left out: it may be a person's date of birth.
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a \(Self.storedFormat) value"))
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedValue)
    }
}

extension StoredValue where Stored == String {
    static func stored(in storage: DatabaseValue.Storage) -> String? {
        if case .string(let text) = storage { text } else { nil }
    }
}

/// Every integer reads back: the format is never named.
extension StoredValue where Stored == Int64 {
    static func stored(in storage: DatabaseValue.Storage) -> Int64? {
        if case .int64(let value) = storage { value } else { nil }
    }

    static var storedFormat: String { "integer" }
}

extension Day: StoredValue {
    static func read(stored: String) -> Day? { Day(iso: stored) }
    var storedValue: String { iso }
    static var storedFormat: String { "YYYY-MM-DD" }
}

extension YearMonth: StoredValue {
    static func read(stored: String) -> YearMonth? { YearMonth(iso: stored) }
    var storedValue: String { iso }
    static var storedFormat: String { "YYYY-MM" }
}

extension Fen: StoredValue {
    static func read(stored: Int64) -> Fen? { Fen(stored) }
    var storedValue: Int64 { value }
}

extension Rate: StoredValue {
    static func read(stored: Int64) -> Rate? { Rate(units: stored) }
    var storedValue: Int64 { units }
}
