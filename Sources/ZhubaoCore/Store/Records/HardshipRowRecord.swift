import GRDB

/// A row of `hardshipRow`: one line of a MZ/XC/JY hardship snapshot (formats.md §3).
public struct HardshipRowRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "hardshipRow"
    public var id: Int64?
    public var fileId: Int64
    public var line: Int
    /// `MZ`, `XC` or `JY`.
    public var department: String
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    /// The category code: `TK`, `DB`, `DSR`, `ZCX`, `TP`, `BY`, `XG`.
    public var category: String
    public var county: String
    public var certifiedOn: String
    public var endsOn: String?
    /// nil, `正常退出` or `撤销`.
    public var endReason: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
