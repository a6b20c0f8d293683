import GRDB

/// A row of `hardshipRow`: one line of a MZ/XC/JY hardship snapshot (formats.md §3).
package struct HardshipRowRecord: RowIDRecord {
    package static let databaseTableName = "hardshipRow"
    package enum Columns: String, RecordColumn {
        case id, fileId, line, department, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64, line: Int
    package var department: HardshipDepartment
    package var idNumber: String, idValid: Bool, name: String
    package var category: HardshipCategory
    package var county: String
    /// Certified from this day; the certification ended on `endsOn` (exclusive).
    package var certifiedOn: Day, endsOn: Day?
    package var endReason: HardshipEndReason?
}
