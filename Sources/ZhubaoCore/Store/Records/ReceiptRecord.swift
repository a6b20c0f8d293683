import GRDB

/// A row of `receipt`: one `Receipt` of a TAX_RCPT file (formats.md §1).
public struct ReceiptRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "receipt"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, source, ticketNo, idNumber, idValid, name, insuranceType, periodFrom, periodTo, base, amount
        case paidOn, channel, contractNo, bankCode, status, reversesTicketNo
    }
    typealias CodingKeys = Columns

    public var id: Int64?, fileId: Int64
    /// `FILE:/xpath` of the element.
    public var source: String
    public var ticketNo: String
    public var idNumber: String, idValid: Bool, name: String
    public var insuranceType: InsuranceType
    /// The contribution months paid for.
    public var periodFrom: YearMonth, periodTo: YearMonth
    /// Absent for the residents' scheme.
    public var base: Fen?
    public var amount: Fen
    public var paidOn: Day
    public var channel: ReceiptChannel
    public var contractNo: String?
    public var bankCode: String?
    public var status: ReceiptStatus
    public var reversesTicketNo: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
