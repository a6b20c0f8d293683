import GRDB

/// A row of `bankTransaction`: one `D` line of a Bnnn_DEDU file (formats.md §5).
public struct BankTransactionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bankTransaction"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, txnNo, loanNo, contractNo, idNumber, idValid, name, txnDate, kind, due
        case principalPaid, interestPaid, result, pension, basicPension, balanceAfter, account
    }
    typealias CodingKeys = Columns

    public var id: Int64?, fileId: Int64, line: Int
    public var bankCode: String
    public var txnNo: String
    public var loanNo: String, contractNo: String
    public var idNumber: String, idValid: Bool, name: String
    public var txnDate: Day
    public var kind: TransactionKind
    public var due: Fen, principalPaid: Fen, interestPaid: Fen
    public var result: TransactionResult
    /// For a pension deduction: the pension credited that month and its basic-pension part.
    public var pension: Fen?, basicPension: Fen?
    public var balanceAfter: Fen
    public var account: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
