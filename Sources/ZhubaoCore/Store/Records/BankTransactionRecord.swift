import GRDB

/// A row of `bankTransaction`: one `D` line of a Bnnn_DEDU file (formats.md §5).
package struct BankTransactionRecord: RowIDRecord {
    package static let databaseTableName = "bankTransaction"
    package enum Columns: String, RecordColumn {
        case id, fileId, line, bankCode, txnNo, loanNo, contractNo, idNumber, idValid, name, txnDate, kind, due
        case principalPaid, interestPaid, result, pension, basicPension, balanceAfter, account
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64, line: Int
    package var bankCode: String
    package var txnNo: String
    package var loanNo: String, contractNo: String
    package var idNumber: String, idValid: Bool, name: String
    package var txnDate: Day
    package var kind: TransactionKind
    package var due: Fen, principalPaid: Fen, interestPaid: Fen
    package var result: TransactionResult
    /// For a pension deduction: the pension credited that month and its basic-pension part.
    package var pension: Fen?, basicPension: Fen?
    package var balanceAfter: Fen
    package var account: String
}
