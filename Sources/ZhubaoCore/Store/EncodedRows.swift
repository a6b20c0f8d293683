/// Rows of one table encoded for binding: integers inline, texts as ranges of one byte buffer.
/// Importers fill it (through `FastInsertable.bind(to:)`) on the reading thread; the writing
/// thread binds it without copying a string or touching a reference count.
package struct EncodedRows: Sendable {
    enum Value: Sendable {
        case null
        case integer(Int64)
        case text(start: Int32, count: Int32)
        case blob(start: Int32, count: Int32)
    }

    let columns: Int
    private(set) var bytes: [UInt8] = []
    private(set) var values: [Value] = []

    init(columns: Int) { self.columns = columns }

    var count: Int { values.count / columns }

    /// Bytes of text held; a batch is handed over long before texts' offsets (Int32) could overflow.
    var textBytes: Int { bytes.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Encodes one record; refuses one whose `bind(to:)` adds a different number of values.
    mutating func append<R: FastInsertable>(_ record: R) throws(SQLiteInsertError) {
        try append(as: R.self) { record.bind(to: &$0) }
    }

    /// Encodes one row of `R`'s table as `body` adds its values (an importer that has the
    /// values as bytes, without making the record); the same check of their number.
    mutating func append<R: FastInsertable>(as type: R.Type, _ body: (inout InsertRow) -> Void) throws(SQLiteInsertError) {
        let before = values.count, bytesBefore = bytes.count
        var row = InsertRow(rows: self)
        self = EncodedRows(columns: columns)  // hand the storage over without a copy
        body(&row)
        self = row.rows
        guard values.count == before + columns else {
            let bound = values.count - before
            values.removeSubrange(before...)
            bytes.removeSubrange(bytesBefore...)
            throw SQLiteInsertError(code: 25 /* SQLITE_RANGE */, message: "\(R.self) bound \(bound) of \(columns) columns",
                                    sql: R.insertSQL(rows: 1))
        }
    }

    fileprivate mutating func add(_ value: Value) { values.append(value) }

    fileprivate mutating func add(text: String) {
        var text = text
        text.withUTF8 { add(text: $0) }
    }

    /// `YYYY-MM-DD` or `YYYY-MM` (day nil), spelled straight into the buffer.
    fileprivate mutating func add(year: Int, month: Int, day: Int?) {
        let start = Int32(bytes.count)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 { bytes.append(UInt8(48 + value / divisor % 10)); divisor /= 10 }
        }
        put(year, 4)
        bytes.append(UInt8(ascii: "-"))
        put(month, 2)
        if let day {
            bytes.append(UInt8(ascii: "-"))
            put(day, 2)
        }
        values.append(.text(start: start, count: Int32(bytes.count) - start))
    }

    fileprivate mutating func add(text: UnsafeBufferPointer<UInt8>) {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text)
        values.append(.text(start: start, count: Int32(bytes.count) - start))
    }

    fileprivate mutating func add(blob: UnsafeBufferPointer<UInt8>) {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: blob)
        values.append(.blob(start: start, count: Int32(bytes.count) - start))
    }
}

/// The values of one row, added in the order of the table's `insertColumns`. An empty string
/// is `''`, nil is NULL; days and months are text as the migrations declare them, fen and rate
/// units integers, codes their raw text. (One overload per type: a variadic `add(repeat each V)`
/// over a value protocol read better but made the million-row import a quarter slower.)
package struct InsertRow {
    fileprivate var rows: EncodedRows

    package mutating func add(_ value: Int64) { rows.add(.integer(value)) }
    package mutating func add(_ value: Int) { rows.add(.integer(Int64(value))) }
    package mutating func add(_ value: Bool) { rows.add(.integer(value ? 1 : 0)) }
    package mutating func add(_ value: String) { rows.add(text: value) }
    package mutating func add(_ value: Fen) { rows.add(.integer(value.value)) }
    package mutating func add(_ value: Rate) { rows.add(.integer(value.units)) }
    package mutating func add(_ value: Day) { let c = value.components; rows.add(year: c.year, month: c.month, day: c.day) }
    package mutating func add(_ value: YearMonth) { rows.add(year: value.year, month: value.month, day: nil) }
    package mutating func add(_ value: some RecordCode) { rows.add(text: value.rawValue) }
    /// UTF-8 text given as bytes.
    package mutating func add(text bytes: UnsafeBufferPointer<UInt8>) { rows.add(text: bytes) }
    /// Bytes stored as a BLOB (a hardship chunk).
    package mutating func add(blob bytes: UnsafeBufferPointer<UInt8>) { rows.add(blob: bytes) }
    package mutating func add(text bytes: UnsafeBufferPointer<UInt8>?) { if let bytes { add(text: bytes) } else { rows.add(.null) } }
    package mutating func add(_ value: String?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ value: Int64?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ value: Int?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ value: Bool?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ value: Fen?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ value: Day?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ value: YearMonth?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add<C: RecordCode>(_ value: C?) { if let value { add(value) } else { rows.add(.null) } }
    package mutating func add(_ text: some InsertText) { text.add(to: &self) }
    package mutating func add<T: InsertText>(_ text: T?) { if let text { text.add(to: &self) } else { rows.add(.null) } }
}

/// Text a row's column takes either as a `String` (a record) or as the bytes of the input
/// (the quick paths, which make no `String`): one `bind` serves both.
package protocol InsertText {
    func add(to row: inout InsertRow)
}

extension String: InsertText {
    package func add(to row: inout InsertRow) { row.add(self) }
}

extension UnsafeBufferPointer<UInt8>: InsertText {
    package func add(to row: inout InsertRow) { row.add(text: self) }
}
