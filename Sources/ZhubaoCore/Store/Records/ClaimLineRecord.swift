import GRDB

/// A row of `claimLine`: one `D` line of a Bnnn_CLAIM file (formats.md §6).
public struct ClaimLineRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claimLine"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, year, fromDay, toDay, days
        case accumulated, rate, claimed
    }
    typealias CodingKeys = Columns

    public var id: Int64?, fileId: Int64, line: Int
    public var bankCode: String
    public var loanNo: String, contractNo: String
    public var idNumber: String, idValid: Bool, name: String
    public var year: Int
    /// The interest period claimed and its days.
    public var fromDay: Day, toDay: Day, days: Int
    public var accumulated: Fen
    public var rate: Rate
    public var claimed: Fen
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
