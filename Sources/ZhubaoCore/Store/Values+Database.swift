import GRDB

/// A value stored as text of one exact spelling (the migrations declare the columns `TEXT`):
/// days as `YYYY-MM-DD`, months as `YYYY-MM`. A stored text of any other spelling does not
/// read back (GRDB throws a decoding error for the row): it never becomes a default.
protocol StoredAsText: DatabaseValueConvertible, Codable {
    /// A static function, not an initializer: `Day.init` and `Fen.init` stay unambiguous.
    static func read(storedText: String) -> Self?
    var storedText: String { get }
    /// The spelling, for the decoding error.
    static var storedFormat: String { get }
}

/// A value stored as an integer (fen, rate units): only an integer reads back.
protocol StoredAsInteger: DatabaseValueConvertible, Codable {
    static func read(storedInteger: Int64) -> Self
    var storedInteger: Int64 { get }
}

extension StoredAsText {
    package var databaseValue: DatabaseValue { storedText.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        guard case .string(let text) = dbValue.storage else { return nil }
        return read(storedText: text)
    }

    package init(from decoder: any Decoder) throws {
        guard let value = Self.read(storedText: try decoder.singleValueContainer().decode(String.self)) else {
            // The text is left out: it may be a person's date of birth.
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a \(Self.storedFormat) value"))
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedText)
    }
}

extension StoredAsInteger {
    package var databaseValue: DatabaseValue { storedInteger.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        guard case .int64(let value) = dbValue.storage else { return nil }
        return read(storedInteger: value)
    }

    package init(from decoder: any Decoder) throws {
        self = Self.read(storedInteger: try decoder.singleValueContainer().decode(Int64.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedInteger)
    }
}

extension Day: StoredAsText {
    static func read(storedText: String) -> Day? { Day(iso: storedText) }
    var storedText: String { iso }
    static var storedFormat: String { "YYYY-MM-DD" }
}

extension YearMonth: StoredAsText {
    static func read(storedText: String) -> YearMonth? { YearMonth(iso: storedText) }
    var storedText: String { iso }
    static var storedFormat: String { "YYYY-MM" }
}

extension Fen: StoredAsInteger {
    static func read(storedInteger: Int64) -> Fen { Fen(storedInteger) }
    var storedInteger: Int64 { value }
}

extension Rate: StoredAsInteger {
    static func read(storedInteger: Int64) -> Rate { Rate(units: storedInteger) }
    var storedInteger: Int64 { units }
}
