import GRDB

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
}
