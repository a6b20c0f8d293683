import GRDB

extension StoredValueError {
    /// The store's own decoding failure, as a `StoredValueError` naming its table and column.
    ///
    /// GRDB's `RowDecodingError` describes itself with the whole row it could not decode, and a
    /// row of the store holds ID numbers, names and accounts: personal data never goes to logs,
    /// so the row is dropped here and only where it failed is kept. A record fetch (`fetchAll`
    /// of a typed record) fails this way when a stored code, day or amount is outside its type.
    package init?(decoding error: any Error) {
        if let error = error as? StoredValueError {
            self = error
            return
        }
        guard error is RowDecodingError else { return nil }
        let text = String(describing: error)
        let column = text.firstMatch(of: /column(?: not found)?: "(\w+)"/).map { String($0.1) }
        let table = text.firstMatch(of: /sql: `.*?\bFROM\s+"?(\w+)/).map { String($0.1) }
        self.init(table: table ?? "?", column: column ?? "?")
    }
}
