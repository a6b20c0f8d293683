import GRDB

/// `zhubao exceptions list`: what a daily run reported, one line each, personal data masked
/// (standard output is read by people).
public struct ExceptionListing {
    let store: Store

    public init(store: Store) { self.store = store }

    public func exists(key: String) throws -> Bool {
        try store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM dailyException WHERE key = ?", arguments: [key]) ?? 0 > 0
        }
    }

    /// The key an operator typed: the key itself, or its short id (outputs.md); nil when no
    /// daily run has found such an exception.
    public func resolve(_ typed: String) throws -> String? {
        if try exists(key: typed) { return typed }
        let short = typed.lowercased()
        guard ShortID.looksLikeShortID(short) else { return nil }
        let keys = try store.database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT key FROM dailyException") }
        let matches = keys.filter { ShortID.of(key: $0) == short }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The listing of the run of `asOf` (default: the latest run), first column the short id
    /// `exceptions ack` takes. Throws `ExceptionListingError.noRun` for a date without a daily
    /// run, rather than an empty listing that would read as "no exceptions".
    public func list(asOf: Day?, statuses: Set<String>?, owner: String?) throws -> String {
        try store.database.read { db in
            guard let day = try asOf?.iso ?? String.fetchOne(db, sql: "SELECT max(asOf) FROM dailyRun") else {
                return "尚无日常运行，没有异常可列：先运行 zhubao run"
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dailyRun WHERE asOf = ?)", arguments: [day]) == true else {
                let earlier = try String.fetchOne(db, sql: "SELECT max(asOf) FROM dailyRun WHERE asOf < ?", arguments: [day])
                throw ExceptionListingError.noRun(day: day, earlier: earlier)
            }
            let previous = try String.fetchOne(db, sql: "SELECT max(asOf) FROM dailyRun WHERE asOf < ?", arguments: [day])
            let current = try DailyExceptionRecord.filter(Column("asOf") == day).fetchAll(db)
            let earlier = try previous.map { try DailyExceptionRecord.filter(Column("asOf") == $0).fetchAll(db) } ?? []
            let acknowledged = Set(try String.fetchAll(db, sql: "SELECT key FROM acknowledgement WHERE effectiveOn <= ?", arguments: [day]))
            let currentKeys = Set(current.map(\.key))
            var lines: [(String, String)] = []
            func add(_ row: DailyExceptionRecord, _ status: String) {
                guard let finding = Finding(payload: row.payload) else { return }
                if let statuses, !statuses.contains(status) { return }
                if let owner, finding.owner != owner { return }
                let amount = finding.amount.map { " \($0.yuan)" } ?? ""
                let id = finding.subject.idNumber.map { " " + Masking.idNumber($0) } ?? ""
                lines.append((row.key, "\(ShortID.of(key: row.key))  \(status.padding(toLength: 12, withPad: " ", startingAt: 0)) \(finding.severity.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(finding.owner.padding(toLength: 6, withPad: " ", startingAt: 0)) \(maskedKey(finding))\(id)\(amount)  \(finding.entry.title)"))
            }
            for row in current {
                let status = acknowledged.contains(row.key) ? "ACKNOWLEDGED" : (row.firstSeen == day ? "NEW" : "OPEN")
                add(row, status)
            }
            for row in earlier where !currentKeys.contains(row.key) { add(row, "RESOLVED") }
            let body = lines.sorted { $0.0 < $1.0 }.map(\.1)
            let header = "\(day) 日常运行的异常 \(body.count) 条" + (body.isEmpty ? "" : "（第一列为短编号，zhubao exceptions ack 可直接使用）")
            return ([header] + body).joined(separator: "\n")
        }
    }

    /// The key with any ID number in it masked.
    func maskedKey(_ finding: Finding) -> String {
        guard let id = finding.subject.idNumber else { return finding.key }
        return finding.key.replacingOccurrences(of: id, with: Masking.idNumber(id))
    }
}

public enum ExceptionListingError: Error, CustomStringConvertible, Equatable {
    /// No daily run of `day`; `earlier` is the latest run before it, if any.
    case noRun(day: String, earlier: String?)

    public var description: String {
        switch self {
        case .noRun(let day, let earlier):
            return "\(day) 没有日常运行，因此没有该日的异常清单（不是“没有异常”）："
                + (earlier.map { "最近的较早一次运行是 \($0)，可用 zhubao exceptions list --as-of \($0) 查看" } ?? "此前没有任何日常运行")
        }
    }
}
