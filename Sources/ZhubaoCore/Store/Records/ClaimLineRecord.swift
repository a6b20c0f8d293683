import GRDB

/// A row of `claimLine`: one `D` line of a Bnnn_CLAIM file (formats.md §6).
public struct ClaimLineRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claimLine"
    public var id: Int64?
    public var fileId: Int64
    public var line: Int
    public var bankCode: String
    public var loanNo: String
    public var contractNo: String
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    public var year: Int
    public var fromDay: String
    public var toDay: String
    public var days: Int
    public var accumulated: Int64
    public var rate: Int64
    public var claimed: Int64
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
