import GRDB

/// A row of `drawdown`: one `D` line of a Bnnn_DISB file (formats.md §4).
package struct DrawdownRecord: RowIDRecord {
    package static let databaseTableName = "drawdown"
    package enum Columns: String, RecordColumn {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, mode, amount, rate, disbursedOn
        case maturesOn, coverFrom, coverTo, account, status
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64, line: Int
    /// The sending bank's category code, and the loan as the bank numbers it.
    package var bankCode: String, loanNo: String, contractNo: String
    package var idNumber: String, idValid: Bool, name: String
    package var mode: DrawdownMode
    package var amount: Fen
    package var rate: Rate
    package var disbursedOn: Day, maturesOn: Day
    /// The contribution months the drawdown pays for.
    package var coverFrom: YearMonth, coverTo: YearMonth
    package var account: String
    package var status: DrawdownStatus
}
