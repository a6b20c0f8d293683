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
        for name in ReferenceData.shippedTables {
            hasher.update(data: ReferenceData.shippedURL(name).flatMap { try? Data(contentsOf: $0) } ?? Data())
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
        // The numbers in order, read from the bytes: low, high, rate, then start and balance of
        // each segment (a next-day run reads one per drawdown of the city).
        var numbers: [Int64] = [], current: Int64 = 0, negative = false, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (product, overflow) = current.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                current = product + Int64(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative: negative = true
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
                guard digits > 0 else { return nil }
                numbers.append(negative ? -current : current)
                (current, negative, digits) = (0, false, 0)
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(negative ? -current : current)
        guard numbers.count >= 5, numbers.count % 2 == 1 else { return nil }
        // The schedule again from its segments: the first balance from the disbursement, each
        // next one a repayment of the difference.
        let segments = stride(from: 3, to: numbers.count, by: 2).map { (day: Int(numbers[$0]), balance: numbers[$0 + 1]) }
        let repayments = zip(segments, segments.dropFirst()).map { (day: $1.day, principal: $0.balance - $1.balance) }
        let schedule = Balances.Schedule(amount: segments[0].balance, disbursedOn: segments[0].day, repayments: repayments)
        return Subsidy.Accrual(loan: .none, schedule: schedule, low: Day(ordinal: Int(numbers[0])),
                               high: Day(ordinal: Int(numbers[1])), rate: Rate(units: numbers[2]))
    }

    /// An ELIG line's nine fields and its amount, separated by the unit separator (a line that
    /// does not read back as ten makes the state unusable: the run computes the whole city).
    static func text(_ line: OutboundLine) -> String {
        (line.fields + [line.amount.map { String($0.value) } ?? ""]).joined(separator: "\u{1F}")
    }

    static func line(_ text: String) -> OutboundLine? {
        var fields = text.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 10, let amount = fields.popLast() else { return nil }
        return OutboundLine(fields: fields, amount: Int64(amount).map(Fen.init))
    }
}
