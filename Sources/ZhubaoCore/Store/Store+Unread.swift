import GRDB

extension Store {
    /// Records the files a run of `asOf` left unread, replacing what an earlier run of the same
    /// date recorded (the daily report names what the latest run left).
    package func recordUnread(_ files: [UnreadFile], asOf: Day) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM unreadFile WHERE asOf = ?", arguments: [asOf.iso])
            for file in files {
                try db.execute(sql: "INSERT OR REPLACE INTO unreadFile (asOf, name, reason) VALUES (?, ?, ?)",
                               arguments: [asOf.iso, file.name, file.reason])
            }
        }
    }

    /// The files the latest run of `asOf` left unread, by name.
    package func unread(asOf: Day) throws -> [UnreadFile] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, reason FROM unreadFile WHERE asOf = ? ORDER BY name", arguments: [asOf.iso])
                .map { UnreadFile(name: $0["name"], reason: $0["reason"]) }
        }
    }
}
