import GRDB

/// A row of `drawdown`: one `D` line of a Bnnn_DISB file (formats.md §4).
package struct DrawdownRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "drawdown"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, mode, amount, rate, disbursedOn
        case maturesOn, coverFrom, coverTo, account, status
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64, line: Int
    /// The sending bank's category code.
    package var bankCode: String
    package var loanNo: String, contractNo: String
    package var idNumber: String, idValid: Bool, name: String
    package var mode: DrawdownMode
    package var amount: Fen
    package var rate: Rate
    package var disbursedOn: Day, maturesOn: Day
    /// The contribution months the drawdown pays for.
    package var coverFrom: YearMonth, coverTo: YearMonth
    package var account: String
    package var status: DrawdownStatus
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
