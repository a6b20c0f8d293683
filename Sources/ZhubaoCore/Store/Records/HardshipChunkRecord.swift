import Foundation
import GRDB

/// A row of `hardshipChunk` (migration v11): up to `HardshipChunk.rowsPerChunk` consecutive
/// lines of one MZ/XC/JY hardship list (formats.md §3), encoded as `HardshipChunk` describes.
/// A department sends its whole list every time, and most of a store's records were its lists'
/// lines (2.5 of 3.3 million in a two-year city of 50,000 borrowers): kept a SQLite row a
/// line, they cost most of an import's writing and of the index builds, and no query ever
/// needed one line of a list without the rest of it (docs/engine-plan.md, session 13).
package struct HardshipChunkRecord: RowIDRecord {
    package static let databaseTableName = "hardshipChunk"
    package enum Columns: String, RecordColumn {
        case id, fileId, rowCount, rows
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64
    /// The lines the chunk holds, and their bytes (`HardshipChunk.Reader` reads them).
    package var rowCount: Int, rows: Data
}

/// One line of a hardship list (formats.md §3), as the importer reads it and a chunk holds it.
package struct HardshipRow: Sendable, Equatable {
    package var line: Int
    package var idNumber: String, idValid: Bool, name: String
    package var category: HardshipCategory
    package var county: String
    /// Certified from this day; the certification ended on `endsOn` (exclusive).
    package var certifiedOn: Day, endsOn: Day?
    package var endReason: HardshipEndReason?
}
