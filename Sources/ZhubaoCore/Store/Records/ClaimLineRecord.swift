import GRDB

/// A row of `claimLine`: one `D` line of a Bnnn_CLAIM file (formats.md §6).
public struct ClaimLineRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claimLine"
    /// The table's columns in its order: the record's coding keys, the bulk insert's and the fetch's.
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, year, fromDay, toDay, days
        case accumulated, rate, claimed
    }
    typealias CodingKeys = Columns

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
    public var fromDay: Day
    public var toDay: Day
    public var days: Int
    public var accumulated: Fen
    public var rate: Rate
    public var claimed: Fen
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
