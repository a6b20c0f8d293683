import GRDB

/// A row of `claimLine`: one `D` line of a Bnnn_CLAIM file (formats.md §6).
package struct ClaimLineRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "claimLine"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, year, fromDay, toDay, days
        case accumulated, rate, claimed
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64, line: Int
    package var bankCode: String
    package var loanNo: String, contractNo: String
    package var idNumber: String, idValid: Bool, name: String
    package var year: Int
    /// The interest period claimed and its days.
    package var fromDay: Day, toDay: Day, days: Int
    package var accumulated: Fen
    package var rate: Rate
    package var claimed: Fen
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
