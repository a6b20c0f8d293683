import GRDB

/// A row of `receipt`: one `Receipt` of a TAX_RCPT file (formats.md §1).
public struct ReceiptRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "receipt"
    public var id: Int64?
    public var fileId: Int64
    /// `FILE:/xpath` of the element.
    public var source: String
    public var ticketNo: String
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    public var insuranceType: String
    /// `YYYY-MM`.
    public var periodFrom: String
    public var periodTo: String
    /// Fen; absent for the residents' scheme.
    public var base: Int64?
    public var amount: Int64
    public var paidOn: String
    public var channel: String
    public var contractNo: String?
    public var bankCode: String?
    public var status: String
    public var reversesTicketNo: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
