import Foundation
import GRDB

/// The migration "v11 hardship lists in chunks" (issue 14; shipped once merged: never edited).
extension Migrations {
    private enum OldRowColumn: Int, LoadedColumn {
        case fileId, line, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason
    }

    /// A hardship list's lines move from `hardshipRow`, a SQLite row a line with two indexes,
    /// to `hardshipChunk`, a few thousand lines a row (`HardshipChunk`). The rows a store holds
    /// are moved file by file in the order of their lines, and `hardshipRow` is dropped with
    /// its indexes, also from `deferredIndex` (a bulk intake killed before it built them).
    static func storeHardshipListsInChunks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hardshipChunk (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES inputFile(id),
                rowCount INTEGER NOT NULL,
                rows BLOB NOT NULL
            );
            CREATE INDEX hardshipChunkByFile ON hardshipChunk(fileId);
            """)
        typealias C = OldRowColumn
        let rows = try Row.fetchCursor(db, sql: """
            SELECT fileId, line, idNumber, idValid, name, category, county, certifiedOn, endsOn, endReason
            FROM hardshipRow ORDER BY fileId, line, id
            """)
        var builder = HardshipChunk.Builder(), fileId: Int64?
        func flush() throws {
            guard let fileId, builder.count > 0 else { return }
            var chunk = builder.take(fileId: fileId)
            try chunk.insert(db)
        }
        while let row = try rows.next() {
            let file: Int64 = row[C.fileId]
            if file != fileId || builder.isFull {
                try flush()
                fileId = file
            }
            let endReason: HardshipEndReason? = try row.optionalCode(C.endReason)
            try builder.append(HardshipRow(
                line: row[C.line], idNumber: row[C.idNumber], idValid: row[C.idValid], name: row[C.name],
                category: row.code(C.category), county: row[C.county], certifiedOn: row.day(C.certifiedOn),
                endsOn: row.optionalDay(C.endsOn), endReason: endReason))
        }
        try flush()
        try db.execute(sql: """
            DROP TABLE hardshipRow;
            DELETE FROM deferredIndex WHERE name IN ('hardshipRowByIdNumber', 'hardshipRowInvalidID');
            """)
    }
}
