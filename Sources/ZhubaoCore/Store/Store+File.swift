import GRDB

/// The store as a file: SQLite's own checks, its online copy, closing it.
extension Store {
    /// SQLite's own checks of the store file at `path`, opened read-only (nothing is created or
    /// migrated): the rows of `PRAGMA integrity_check` (or `quick_check`) other than "ok"; a
    /// store without the registry table counts as damaged.
    static func integrityProblems(path: String, pragma: String = "integrity_check") throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA \(pragma)").filter { $0 != "ok" }
            if problems.isEmpty, try !db.tableExists("inputFile") { problems.append("没有文件登记表 inputFile") }
            return problems
        }
    }

    /// SQLite's online backup of the store at `path` into `copy`, through an ordinary connection
    /// that reads only (a read-only connection could leave `-wal`/`-shm` behind). Checks the
    /// header first, as `open` does; faults name the store copied.
    static func backup(_ path: String, to copy: String) throws {
        _ = try checkHeader(path: path)
        do {
            let source = try DatabaseQueue(path: path)
            let destination = try DatabaseQueue(path: copy)
            try source.backup(to: destination)
            try destination.close()
            try source.close()
        } catch let error as DatabaseError {
            throw StoreFault.damaged(path: path, detail: "SQLite: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Closes the connection (before the file is renamed or removed).
    func close() throws { try database.close() }
}
