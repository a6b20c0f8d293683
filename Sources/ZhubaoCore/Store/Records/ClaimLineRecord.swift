import GRDB

/// A row of `claimLine`: one `D` line of a Bnnn_CLAIM file (formats.md §6).
package struct ClaimLineRecord: RowIDRecord {
    package static let databaseTableName = "claimLine"
    package enum Columns: String, RecordColumn {
        case id, fileId, line, bankCode, loanNo, contractNo, idNumber, idValid, name, year, fromDay, toDay, days
        case accumulated, rate, claimed
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64, line: Int
    /// The sending bank's category code, and the loan as the bank numbers it.
    package var bankCode: String, loanNo: String, contractNo: String
    package var idNumber: String, idValid: Bool, name: String
    package var year: Int
    /// The interest period claimed and its days.
    package var fromDay: Day, toDay: Day, days: Int
    package var accumulated: Fen
    package var rate: Rate
    package var claimed: Fen
}
