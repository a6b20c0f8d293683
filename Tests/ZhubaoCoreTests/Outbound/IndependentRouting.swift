import GRDB
@testable import ZhubaoCore

/// outbound.md's routing table, computed again for the city test straight from the stored files
/// with SQL (not from the ledger `Routing` reads): the SENDER of the file that holds the record.
struct IndependentRouting {
    let asOf: String
    let store: Store

    init(store: Store, asOf: Day) throws {
        self.store = store
        self.asOf = asOf.iso
    }

    /// Files counted as of D: imported, business date on or before D.
    static let known = "f.status = 'IMPORTED' AND f.businessDate <= ?"
    /// Loans cancelled as of D.
    static let cancelled = "SELECT c.loanNo FROM drawdown c JOIN inputFile cf ON cf.id = c.fileId WHERE c.status = 'C' AND cf.status = 'IMPORTED' AND cf.businessDate <= ?"

    func sender(_ sql: String, _ arguments: StatementArguments) throws -> String? {
        let name = try store.database.read { db in try String.fetchOne(db, sql: sql, arguments: arguments) }
        return name.flatMap { String($0.prefix { $0 != "_" }) }
    }

    func recipient(_ finding: Finding) throws -> String? {
        let s = finding.subject, code = finding.code
        switch code {
        case .e001, .e002, .e003, .e004:
            guard let file = s.file, case .success(let name) = FileName.parse(file) else { return nil }
            return name.sender.description
        case .e303, .e304: return "TAX"
        case .e203, .e204, .e205, .e207, .e208, .e301, .e302, .e406:
            return try sender("""
                SELECT f.name FROM drawdown d JOIN inputFile f ON f.id = d.fileId
                WHERE d.loanNo = ? AND d.status = 'N' AND d.idValid = 1 AND \(Self.known)
                ORDER BY f.businessDate, f.name, d.line LIMIT 1
                """, [s.loanNo, asOf])
        case .e206:
            return try sender("""
                SELECT f.name FROM drawdown d JOIN inputFile f ON f.id = d.fileId
                WHERE d.contractNo = ? AND d.mode = 'L' AND d.status = 'N' AND d.idValid = 1 AND \(Self.known)
                  AND d.loanNo NOT IN (\(Self.cancelled))
                ORDER BY d.disbursedOn, d.loanNo LIMIT 1
                """, [s.contractNo, asOf, asOf])
        case .e402, .e403, .e404, .e405, .e407, .e408:
            return try sender("""
                SELECT f.name FROM bankTransaction t JOIN inputFile f ON f.id = t.fileId
                WHERE t.txnNo = ? AND t.idValid = 1 AND \(Self.known) ORDER BY f.businessDate, f.name, t.line LIMIT 1
                """, [s.txnNo, asOf])
        case .e401:
            guard let month = s.month else { return nil }
            return try sender("""
                SELECT f.name FROM bankTransaction t JOIN inputFile f ON f.id = t.fileId
                WHERE t.idNumber = ? AND t.kind = 'P' AND t.result IN ('S', 'P') AND t.idValid = 1 AND \(Self.known)
                  AND substr(t.txnDate, 1, 7) = ? AND t.loanNo NOT IN (\(Self.cancelled))
                  AND t.loanNo IN (SELECT n.loanNo FROM drawdown n JOIN inputFile nf ON nf.id = n.fileId
                                   WHERE n.status = 'N' AND n.idValid = 1 AND nf.status = 'IMPORTED' AND nf.businessDate <= ?)
                ORDER BY t.txnDate, t.txnNo LIMIT 1
                """, [s.idNumber, asOf, month.iso, asOf, asOf])
        case .e501, .e502, .e503, .e504:
            return try sender("""
                SELECT f.name FROM claimLine c JOIN inputFile f ON f.id = c.fileId
                WHERE c.loanNo = ? AND c.year = ? AND c.idValid = 1 AND \(Self.known) ORDER BY f.businessDate, f.name, c.line LIMIT 1
                """, [s.loanNo, s.year, asOf])
        default: return nil
        }
    }
}
