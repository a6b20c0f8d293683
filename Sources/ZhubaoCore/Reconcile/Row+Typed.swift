import GRDB

/// Typed reads of stored columns: dates as `YYYY-MM-DD`, months as `YYYY-MM`, money in fen.
extension Row {
    func day(_ column: String) -> Day { Day(iso: self[column] as String) ?? Day(ordinal: 0) }
    func optionalDay(_ column: String) -> Day? { (self[column] as String?).flatMap { Day(iso: $0) } }
    func month(_ column: String) -> YearMonth { YearMonth(iso: self[column] as String) ?? YearMonth(year: 1970, month: 1)! }
    func optionalMonth(_ column: String) -> YearMonth? { (self[column] as String?).flatMap { YearMonth(iso: $0) } }
    func fen(_ column: String) -> Fen { Fen(self[column] as Int64) }
    func optionalFen(_ column: String) -> Fen? { (self[column] as Int64?).map(Fen.init) }
    func string(_ column: String) -> String { self[column] as String? ?? "" }
}
