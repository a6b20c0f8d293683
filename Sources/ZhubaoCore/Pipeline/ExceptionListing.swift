/// `zhubao exceptions list`: what a daily run reported, one line each, personal data masked
/// (standard output is read by people).
package struct ExceptionListing {
    let store: Store

    package init(store: Store) { self.store = store }

    package func exists(key: String) throws -> Bool { try store.hasException(key: key) }

    /// The key an operator typed: the key itself, or its short id (outputs.md); nil when no
    /// daily run has found such an exception.
    package func resolve(_ typed: String) throws -> String? {
        if try exists(key: typed) { return typed }
        let short = typed.lowercased()
        guard ShortID.looksLikeShortID(short) else { return nil }
        let matches = try store.exceptionKeys().filter { ShortID.of(key: $0) == short }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The listing of the run of `asOf` (default: the latest run), first column the short id
    /// `exceptions ack` takes. Throws `ExceptionListingError.noRun` for a date without a daily
    /// run, rather than an empty listing that would read as "no exceptions".
    package func list(asOf: Day?, statuses: Set<String>?, owner: String?) throws -> String {
        guard let day = try asOf ?? store.lastDailyRun() else { return "尚无日常运行，没有异常可列：先运行 zhubao run" }
        let previous = try store.lastDailyRun(before: day)
        guard try store.hasDailyRun(on: day) else { throw ExceptionListingError.noRun(day: day.iso, earlier: previous?.iso) }
        let lines = try reported(on: day, previous: previous).filter { item in
            (statuses?.contains(item.status.rawValue) ?? true) && (owner.map { item.finding.owner.rawValue == $0 } ?? true)
        }.map(line)
        let header = "\(day.iso) 日常运行的异常 \(lines.count) 条" + (lines.isEmpty ? "" : "（第一列为短编号，zhubao exceptions ack 可直接使用）")
        return ([header] + lines).joined(separator: "\n")
    }

    /// What the run of `day` reported, decided again from what it stored (the exceptions it
    /// left open, with their first days) and what the run before it left open.
    func reported(on day: Day, previous: Day?) throws -> [ExceptionLifecycle.Reported] {
        var stored: [String: ExceptionLifecycle.Stored] = [:]
        for row in try previous.map(store.dailyExceptions(of:)) ?? [] { stored[row.key] = .init(row, asOf: day) }
        var found: [Finding] = []
        for row in try store.dailyExceptions(of: day) {
            let current = ExceptionLifecycle.Stored(row, asOf: day)
            stored[row.key] = current
            if let finding = current.finding { found.append(finding) }
        }
        return ExceptionLifecycle.statuses(found: found, stored: stored,
                                           acknowledgements: try store.acknowledgementHistories(asOf: day), asOf: day)
    }

    /// One line of the listing, personal data masked.
    func line(_ item: ExceptionLifecycle.Reported) -> String {
        let finding = item.finding
        let amount = finding.amount.map { " \($0.yuan)" } ?? ""
        let id = finding.subject.idNumber.map { " " + Masking.idNumber($0) } ?? ""
        return "\(ShortID.of(key: item.key))  \(Self.padded(item.status.rawValue, 12)) \(Self.padded(finding.severity.rawValue, 5)) "
            + "\(Self.padded(finding.owner.rawValue, 6)) \(maskedKey(finding))\(id)\(amount)  \(finding.entry.title)"
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    /// The key with any ID number in it masked.
    func maskedKey(_ finding: Finding) -> String {
        guard let id = finding.subject.idNumber else { return finding.key }
        return finding.key.replacingOccurrences(of: id, with: Masking.idNumber(id))
    }
}

package enum ExceptionListingError: Error, CustomStringConvertible, Equatable {
    /// No daily run of `day`; `earlier` is the latest run before it, if any.
    case noRun(day: String, earlier: String?)

    package var description: String {
        switch self {
        case .noRun(let day, let earlier):
            return "\(day) 没有日常运行，因此没有该日的异常清单（不是“没有异常”）："
                + (earlier.map { "最近的较早一次运行是 \($0)，可用 zhubao exceptions list --as-of \($0) 查看" } ?? "此前没有任何日常运行")
        }
    }
}
