import GRDB

/// A row of `bankTransaction`: one `D` line of a Bnnn_DEDU file (formats.md §5).
public struct BankTransactionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bankTransaction"
    /// The table's columns in its order: the record's coding keys, the bulk insert's and the fetch's.
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, txnNo, loanNo, contractNo, idNumber, idValid, name, txnDate, kind, due
        case principalPaid, interestPaid, result, pension, basicPension, balanceAfter, account
    }
    typealias CodingKeys = Columns

    public var id: Int64?
    public var fileId: Int64
    public var line: Int
    public var bankCode: String
    public var txnNo: String
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    public var txnDate: Day
    public var kind: TransactionKind
    public var due: Fen
    public var principalPaid: Fen
    public var interestPaid: Fen
    public var result: TransactionResult
    public var pension: Fen?
    public var basicPension: Fen?
    public var balanceAfter: Fen
    public var account: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
