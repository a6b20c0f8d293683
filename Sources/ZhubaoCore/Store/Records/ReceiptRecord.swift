import GRDB

/// A row of `receipt`: one `Receipt` of a TAX_RCPT file (formats.md §1).
package struct ReceiptRecord: RowIDRecord {
    package static let databaseTableName = "receipt"
    package enum Columns: String, RecordColumn {
        case id, fileId, source, ticketNo, idNumber, idValid, name, insuranceType, periodFrom, periodTo, base, amount
        case paidOn, channel, contractNo, bankCode, status, reversesTicketNo
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64
    /// `FILE:/xpath` of the element.
    package var source: String
    package var ticketNo: String
    package var idNumber: String, idValid: Bool, name: String
    package var insuranceType: InsuranceType
    /// The contribution months paid for.
    package var periodFrom: YearMonth, periodTo: YearMonth
    /// Absent for the residents' scheme.
    package var base: Fen?
    package var amount: Fen, paidOn: Day
    package var channel: ReceiptChannel
    /// The loan a `LOAN` receipt names.
    package var contractNo: String?, bankCode: String?
    package var status: ReceiptStatus, reversesTicketNo: String?
}
