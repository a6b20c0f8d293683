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

/// Typed reads of stored columns: dates as `YYYY-MM-DD`, months as `YYYY-MM`, money in fen. A
/// value that does not parse throws `StoredValueError` (the loader names the table).
extension Row {
    func day(_ column: String) throws -> Day { try StoredValueError.day(self[column] as String, column: column) }
    func optionalDay(_ column: String) throws -> Day? {
        try (self[column] as String?).map { try StoredValueError.day($0, column: column) }
    }
    func month(_ column: String) throws -> YearMonth {
        guard let month = YearMonth(iso: self[column] as String) else { throw StoredValueError(table: "", column: column) }
        return month
    }
    func optionalMonth(_ column: String) throws -> YearMonth? {
        guard let text = self[column] as String? else { return nil }
        guard let month = YearMonth(iso: text) else { throw StoredValueError(table: "", column: column) }
        return month
    }
    /// A coded field (`StoredCode`) by its stored bytes; a value outside the code's list throws.
    func code<C: StoredCode>(_ column: String) throws -> C {
        guard let code = C(rawValue: self[column] as String) else { throw StoredValueError(table: "", column: column) }
        return code
    }
    func fen(_ column: String) -> Fen { Fen(self[column] as Int64) }
    func optionalFen(_ column: String) -> Fen? { (self[column] as Int64?).map(Fen.init) }
    func string(_ column: String) -> String { self[column] as String? ?? "" }
}
