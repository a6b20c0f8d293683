import Crypto
import Foundation

/// What a `run` leaves for the next one to carry (`engineState`, `engineLoan`; docs/engine-plan.md
/// Option B), as text: the year's totals, each drawdown's accrual, each ELIG line.
enum EngineState {
    /// Bumped whenever a change of zhubao can change what a run computes from the same store,
    /// settings and reference data: a state of another version is not carried.
    static let version = "zhubao-engine-1"

    /// The settings, the reference tables and the program the state was computed with: a run
    /// carries a state only when its own fingerprint is the same.
    static func fingerprint(workspace: Workspace) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(version.utf8))
        hasher.update(data: (try? Data(contentsOf: workspace.configFile)) ?? Data())
        for name in ["lpr", "benchmark", "contributions", "cities"] {
            let url = Bundle.module.url(forResource: name, withExtension: "toml", subdirectory: "reference")
            hasher.update(data: url.flatMap { try? Data(contentsOf: $0) } ?? Data())
        }
        // The program itself: its size and time of change (a rebuilt or upgraded binary).
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            hasher.update(data: Data("\(executable)|\(attributes[.size] ?? 0)|\(attributes[.modificationDate] ?? 0)".utf8))
        }
        return FileDigest.hex(hasher.finalize())
    }

    /// summary.json's year-to-date counts and sums (not the accrual, read from the loans).
    static func text(_ t: DailySummary.Totals) -> String {
        [Int64(t.drawdowns), t.drawdownAmount.value, Int64(t.receipts), t.receiptAmount.value, Int64(t.repayments),
         t.principalRepaid.value, t.interestRepaid.value].map(String.init).joined(separator: ",")
    }

    static func totals(_ text: String) -> DailySummary.Totals? {
        let v = text.split(separator: ",").compactMap { Int64($0) }
        guard v.count == 7 else { return nil }
        var t = DailySummary.Totals()
        (t.drawdowns, t.drawdownAmount, t.receipts, t.receiptAmount) = (Int(v[0]), Fen(v[1]), Int(v[2]), Fen(v[3]))
        (t.repayments, t.principalRepaid, t.interestRepaid) = (Int(v[4]), Fen(v[5]), Fen(v[6]))
        return t
    }

    /// `low,high,rate;start:balance;…` (day ordinals, rate units, fen).
    static func text(_ a: Subsidy.Accrual) -> String {
        "\(a.low.ordinal),\(a.high.ordinal),\(a.rate.units)"
            + zip(a.schedule.starts, a.schedule.values).map { ";\($0):\($1)" }.joined()
    }

    static func accrual(_ text: String) -> Subsidy.Accrual? {
        let parts = text.split(separator: ";")
        let head = parts.first?.split(separator: ",").compactMap { Int64($0) } ?? []
        let segments = parts.dropFirst().map { $0.split(separator: ":").compactMap { Int64($0) } }
        guard head.count == 3, !segments.isEmpty, segments.allSatisfy({ $0.count == 2 }) else { return nil }
        // The schedule again from its segments: the first balance from the disbursement, each
        // next one a repayment of the difference.
        let repayments = zip(segments, segments.dropFirst()).map { (day: Int($1[0]), principal: $0[1] - $1[1]) }
        let schedule = Balances.Schedule(amount: segments[0][1], disbursedOn: Int(segments[0][0]), repayments: repayments)
        return Subsidy.Accrual(loan: .none, schedule: schedule, low: Day(ordinal: Int(head[0])),
                               high: Day(ordinal: Int(head[1])), rate: Rate(units: head[2]))
    }

    /// An ELIG line's nine fields and its amount, separated by the unit separator (a line that
    /// does not read back as ten makes the state unusable: the run computes the whole city).
    static func text(_ line: OutboundLine) -> String {
        (line.fields + [line.amount.map { String($0.value) } ?? ""]).joined(separator: "\u{1F}")
    }

    static func line(_ text: String) -> OutboundLine? {
        var fields = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 10, let amount = fields.popLast() else { return nil }
        return OutboundLine(fields: fields, amount: Int64(amount).map(Fen.init))
    }
}
