import GRDB

/// A row of `drawdown`: one `D` line of a Bnnn_DISB file (formats.md §4).
public struct DrawdownRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "drawdown"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, mode, amount, rate, disbursedOn
        case maturesOn, coverFrom, coverTo, account, status
    }
    typealias CodingKeys = Columns

    public var id: Int64?, fileId: Int64, line: Int
    /// The sending bank's category code.
    public var bankCode: String
    public var loanNo: String, contractNo: String
    public var idNumber: String, idValid: Bool, name: String
    public var mode: DrawdownMode
    public var amount: Fen
    public var rate: Rate
    public var disbursedOn: Day, maturesOn: Day
    /// The contribution months the drawdown pays for.
    public var coverFrom: YearMonth, coverTo: YearMonth
    public var account: String
    public var status: DrawdownStatus
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
