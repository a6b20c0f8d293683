import GRDB

/// A row of `bankTransaction`: one `D` line of a Bnnn_DEDU file (formats.md §5).
public struct BankTransactionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bankTransaction"
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
    public var txnDate: String
    /// `P`, `V`, `E` or `D`.
    public var kind: String
    public var due: Int64
    public var principalPaid: Int64
    public var interestPaid: Int64
    /// `S`, `F` or `P`.
    public var result: String
    public var pension: Int64?
    public var basicPension: Int64?
    public var balanceAfter: Int64
    public var account: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
