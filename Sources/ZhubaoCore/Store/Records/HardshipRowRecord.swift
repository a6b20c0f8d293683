import GRDB

/// A row of `hardshipRow`: one line of a MZ/XC/JY hardship snapshot (formats.md §3).
public struct HardshipRowRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "hardshipRow"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, line, department, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason
    }
    typealias CodingKeys = Columns

    public var id: Int64?, fileId: Int64, line: Int
    public var department: HardshipDepartment
    public var idNumber: String, idValid: Bool, name: String
    public var category: HardshipCategory
    public var county: String
    /// Certified from this day; the certification ended on `endsOn` (exclusive).
    public var certifiedOn: Day, endsOn: Day?
    public var endReason: HardshipEndReason?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
