import GRDB

/// A row of `hardshipRow`: one line of a MZ/XC/JY hardship snapshot (formats.md §3).
public struct HardshipRowRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "hardshipRow"
    /// The table's columns in its order: the record's coding keys, the bulk insert's and the fetch's.
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, department, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason
    }
    typealias CodingKeys = Columns

    public var id: Int64?
    public var fileId: Int64
    public var line: Int
    public var department: HardshipDepartment
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    public var category: HardshipCategory
    public var county: String
    public var certifiedOn: Day
    public var endsOn: Day?
    public var endReason: HardshipEndReason?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
