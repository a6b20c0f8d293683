import GRDB

/// A row of `drawdown`: one `D` line of a Bnnn_DISB file (formats.md §4).
public struct DrawdownRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "drawdown"
    public var id: Int64?
    public var fileId: Int64
    public var line: Int
    /// The sending bank's category code.
    public var bankCode: String
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    /// `A` or `L`.
    public var mode: String
    public var amount: Int64
    /// 0.0001 % units.
    public var rate: Int64
    public var disbursedOn: String
    public var maturesOn: String
    /// `YYYY-MM`.
    public var coverFrom: String
    public var coverTo: String
    public var account: String
    /// `N` or `C`.
    public var status: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
