import GRDB

/// A stored value that does not read as its column's type (a date that is not `YYYY-MM-DD`, a
/// month that is not `YYYY-MM`): the store is corrupt — the import writes only valid values.
/// Thrown, never turned into a stand-in such as day 0; names the table and the column, not the
/// value (which may be personal data).
package struct StoredValueError: Error, Equatable, CustomStringConvertible {
    package var table: String
    package var column: String

    package var description: String {
        "数据库表 \(table) 的列 \(column) 存有无法读取的值：数据库已损坏。本次未生成每日输出；"
            + "请从备份恢复 state/zhubao.sqlite，或运行 zhubao rebuild 由 archive/、quarantine/ 与 state/journal.jsonl 重建"
    }

    /// Runs `body`, naming `table` in any `StoredValueError` it throws that names none yet.
    static func reading<T>(_ table: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as StoredValueError {
            if error.table.isEmpty { error.table = table }
            throw error
        }
    }

    /// `day` parsed as a stored day of `column`.
    static func day(_ text: String, column: String) throws -> Day {
        guard let day = Day(iso: text) else { throw StoredValueError(table: "", column: column) }
        return day
    }
}

extension Row {
    /// A stored day by column name (for the few small tables read by name).
    func day(_ column: String) throws -> Day { try StoredValueError.day(self[column] as String, column: column) }
    /// A coded field (`StoredCode`) by column name; a value outside the code's list throws.
    func code<C: StoredCode>(_ column: String) throws -> C {
        guard let code = C(rawValue: self[column] as String) else { throw StoredValueError(table: "", column: column) }
        return code
    }
}

/// The columns a loader selects, in the order of the SELECT: the row is read by index (GRDB's
/// statement-backed fast path), never by name — looking a name up for every value of every row
/// was the most of reading the store. The case's name is the column's, for `StoredValueError`.
protocol LoadedColumn: RawRepresentable<Int>, CaseIterable {}

extension StoredValueError {
    /// The error of a loaded column (its case's name), the table named by the loader. Spelled
    /// only when thrown: naming a case reflects on its type, far too slow for every value read.
    init(_ column: some LoadedColumn) { self.init(table: "", column: "\(column)") }
}

/// Typed reads of a loaded row's columns: dates as `YYYY-MM-DD`, months as `YYYY-MM`, money in
/// fen. A value that does not parse throws `StoredValueError` (the loader names the table).
extension Row {
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: some LoadedColumn) -> Value {
        self[column.rawValue]
    }
    /// The text of a column read by `parse`; nil for NULL, a throw for text that does not parse.
    private func parsed<T>(_ column: some LoadedColumn, _ parse: (String) -> T?) throws -> T? {
        guard let text = self[column.rawValue] as String? else { return nil }
        guard let value = parse(text) else { throw StoredValueError(column) }
        return value
    }
    /// `parsed`, where NULL does not read either.
    private func required<T>(_ column: some LoadedColumn, _ parse: (String) -> T?) throws -> T {
        guard let value = try parsed(column, parse) else { throw StoredValueError(column) }
        return value
    }
    func day(_ column: some LoadedColumn) throws -> Day { try required(column) { Day(iso: $0) } }
    func optionalDay(_ column: some LoadedColumn) throws -> Day? { try parsed(column) { Day(iso: $0) } }
    func month(_ column: some LoadedColumn) throws -> YearMonth { try required(column) { YearMonth(iso: $0) } }
    func optionalMonth(_ column: some LoadedColumn) throws -> YearMonth? { try parsed(column) { YearMonth(iso: $0) } }
    /// A coded field (`StoredCode`) by its stored bytes; a value outside the code's list throws.
    func code<C: StoredCode>(_ column: some LoadedColumn) throws -> C { try required(column, C.init(rawValue:)) }
    func optionalCode<C: StoredCode>(_ column: some LoadedColumn) throws -> C? { try parsed(column, C.init(rawValue:)) }
    func fen(_ column: some LoadedColumn) -> Fen { Fen(self[column.rawValue] as Int64) }
    func optionalFen(_ column: some LoadedColumn) -> Fen? { (self[column.rawValue] as Int64?).map(Fen.init) }
    func rate(_ column: some LoadedColumn) -> Rate { Rate(units: self[column.rawValue] as Int64) }
    func string(_ column: some LoadedColumn) -> String { self[column.rawValue] as String? ?? "" }
}
