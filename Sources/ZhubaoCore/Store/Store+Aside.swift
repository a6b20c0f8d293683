import GRDB

extension Store {
    /// `body` run on a thread of its own, on a read-only connection of its own to the store,
    /// beside what this connection does (`LedgerLoader`); nil for a store in memory, which has
    /// no second connection.
    func readingAside<T>(_ body: @escaping (Database) throws -> T) throws -> Background<T>? {
        guard fileBytes > 0 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        let connection = try DatabaseQueue(path: database.path, configuration: configuration)
        return Background { try connection.read(body) }
    }
}
