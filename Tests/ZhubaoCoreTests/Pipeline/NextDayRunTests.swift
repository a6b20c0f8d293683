import Foundation
import GRDB
import Logging
import Testing
@testable import ZhubaoCore

/// `run` computes only the part of the city that can have changed since the last run, and
/// carries the rest from the state that run left (`NextDayRun`). Two workspaces take the same
/// files on the same days: one carries, the other computes the whole city every day (its state
/// is cleared before each run). Every day, everything a run leaves must be the same: the five
/// daily outputs, the outbox, the exceptions recorded.
///
/// The files arrive day by day over half a generated year with every fault: each file on its
/// business date, every fifth one three days late (a late file), with deaths, the review date,
/// a drawdown cancelled three months late, a receipt reversed four months late, a certification
/// listed then revoked, days without a run, a claim run and an acknowledgement between runs.
@Suite struct NextDayRunTests {
    static let first = Day(iso: "2026-01-02")!, last = Day(iso: "2026-06-30")!
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func everyRunEqualsTheWholeCityOfItsDay() throws {
        let source = try TemporaryWorkspace(profile: .ganzhou2021)
        try source.deliverCityWithLateChanges(borrowers: 40, from: "2026-01-01", to: "2026-06-30")
        try source.deliverCertificationOfLTEST1()
        var files = try Self.inbox(of: source)
        // The revocation by a list naming one person, and a bank's claim for the year.
        _ = try DailyJob(workspace: source.workspace, logger: Logger(label: "test")).run(asOf: Self.last, intakeOnly: true)
        try RangeEngineTests.deliverRevocationAndClaim(source, store: Store.open(path: source.workspace.storePath))
        files.merge(try Self.inbox(of: source)) { first, _ in first }
        let arrivals = Self.arrivals(files.keys.sorted())
        let carrying = try TemporaryWorkspace(profile: .ganzhou2021), whole = try TemporaryWorkspace(profile: .ganzhou2021)
        let log = CapturedLog()
        let logger = Logger(label: "test") { _ in log }
        // Every day to the end of March (the review date among them), then every third day.
        let days = Array(Self.first...Day(iso: "2026-03-31")!) + Array(stride(from: Day(iso: "2026-04-02")!, through: Self.last - 1, by: 3)) + [Self.last]
        var sent = Set<String>(), compared = 0
        for day in days {
            for (name, arrival) in arrivals where arrival <= day && !sent.contains(name) {
                try carrying.deliver(name, files[name]!)
                try whole.deliver(name, files[name]!)
                sent.insert(name)
            }
            if day == Day(iso: "2026-04-14")! {
                // A claim run between two runs: E505 compares its approvals from its date on.
                for ws in [carrying, whole] {
                    _ = try ClaimJob(workspace: ws.workspace, logger: Logger(label: "test")).run(year: 2026, bank: nil, asOf: day, now: Self.now)
                }
            }
            if day == Day(iso: "2026-03-10")! {
                // An acknowledgement whose note names a borrower: masked in the human-readable outputs.
                let store = try Store.open(path: carrying.workspace.storePath)
                let open = try store.dailyExceptions(of: day - 1)
                let row = try #require(open.first { $0.payload.contains("\"idNumber\":\"3") })
                let ledger = try LedgerLoader(store: store).load(asOf: day, settings: carrying.settings)
                let name = try #require(ledger.drawdowns.first?.name)
                for ws in [carrying, whole] {
                    try AcknowledgeJob(workspace: ws.workspace, logger: Logger(label: "test"))
                        .run(key: row.key, note: "已联系\(name)核实", by: "财务科", on: day, now: Self.now)
                }
            }
            try Store.open(path: whole.workspace.storePath).clearEngineState()
            _ = try DailyJob(workspace: carrying.workspace, logger: logger).run(asOf: day, now: Self.now)
            _ = try DailyJob(workspace: whole.workspace, logger: Logger(label: "test")).run(asOf: day, now: Self.now)
            try Self.expectSame(carrying, whole, on: day)
            compared += 1
        }
        #expect(sent.count == arrivals.filter { $0.1 <= Self.last }.count)
        let parts = log.all.filter { $0.hasPrefix("the run reads part of the city") }.count
        #expect(parts > compared / 2, "most runs carry the last one's state (\(parts) of \(compared))")
        // The comparison is not between trivial days: the city's exceptions changed along the way.
        let codes = try String(contentsOf: carrying.workspace.daily(Self.last).appendingPathComponent("exceptions.jsonl"), encoding: .utf8)
        for code in ["E001", "E003", "E004", "E301", "E303", "E406", "E409", "E410", "E503"] { #expect(codes.contains("\"\(code)\""), "\(code) raised") }
        #expect(try Store.open(path: carrying.workspace.storePath).latestApprovals().count > 0, "the claim run approved")
    }

    /// The state is carried only where it is the last run's, of the same settings, program and
    /// year: otherwise the run says why and computes the whole city (and leaves a state again).
    @Test func aStaleStateIsNotCarried() throws {
        let ws = try TemporaryWorkspace(profile: .ganzhou2021)
        try ws.deliverCityWithLateChanges(borrowers: 12, from: "2026-01-01", to: "2026-03-31")
        let log = CapturedLog()
        let job = DailyJob(workspace: ws.workspace, logger: Logger(label: "test") { _ in log })
        func run(_ day: String) throws -> String {
            let before = log.all.count
            _ = try job.run(asOf: Day(iso: day)!, now: Self.now)
            return log.all[before...].first { $0.hasPrefix("the whole city") || $0.hasPrefix("the run reads part") } ?? ""
        }
        #expect(try run("2026-03-02") == "the whole city is computed why=no state")
        #expect(try run("2026-03-03").hasPrefix("the run reads part of the city"))
        // Staff change a setting: what the state holds may no longer hold.
        try (String(contentsOf: ws.workspace.configFile, encoding: .utf8) + "\n# changed\n")
            .write(to: ws.workspace.configFile, atomically: true, encoding: .utf8)
        #expect(try run("2026-03-04") == "the whole city is computed why=settings or program changed")
        #expect(try run("2026-03-05").hasPrefix("the run reads part of the city"))
        // A date before the last run's, the review date passed, the year's end.
        #expect(try run("2026-03-01") == "the whole city is computed why=another year or an earlier date")
        #expect(try run("2026-03-06") == "the whole city is computed why=not the last run's")
        #expect(try run("2026-03-07").hasPrefix("the run reads part of the city"))
        #expect(try run("2027-01-02") == "the whole city is computed why=another year or an earlier date")
        #expect(try run("2027-02-01") == "the whole city is computed why=the review date")
        // The same date again (a second run of a day, a late file in between): carried.
        #expect(try run("2027-02-01").hasPrefix("the run reads part of the city"))
    }

    /// The files in the inbox, by name.
    static func inbox(of ws: TemporaryWorkspace) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: ws.workspace.inbox.path) {
            files[name] = Array(try Data(contentsOf: ws.workspace.inbox.appendingPathComponent(name)))
        }
        return files
    }

    /// The day each file of the city arrives: its business date, or three days later for every
    /// fifth file by name.
    static func arrivals(_ names: [String]) -> [(String, Day)] {
        names.enumerated().map { index, name in
            // A name zhubao refuses (a fault of the city) arrives with the first run.
            let date = (try? FileName.parse(name).get().businessDate) ?? first
            return (name, index % 5 == 4 ? date + 3 : date)
        }
    }

    /// The day's outputs, the outbox and the recorded exceptions of both workspaces, byte for byte.
    static func expectSame(_ a: TemporaryWorkspace, _ b: TemporaryWorkspace, on day: Day) throws {
        for name in ["exceptions.jsonl", "exceptions.csv", "exceptions.html", "exceptions.xlsx", "summary.json"] {
            let left = try Data(contentsOf: a.workspace.daily(day).appendingPathComponent(name))
            let right = try Data(contentsOf: b.workspace.daily(day).appendingPathComponent(name))
            #expect(left == right, "\(day.iso)/\(name)")
        }
        let outbox = { (ws: TemporaryWorkspace) in
            try FileManager.default.subpathsOfDirectory(atPath: ws.workspace.outbox.path).sorted().map { path in
                let url = ws.workspace.outbox.appendingPathComponent(path)
                return "\(path) \((try? Data(contentsOf: url)).map { FileDigest.sha256(Array($0)) } ?? "folder")"
            }
        }
        #expect(try outbox(a) == outbox(b), "outbox on \(day.iso)")
        let rows = { (ws: TemporaryWorkspace) in try Store.open(path: ws.workspace.storePath).dailyExceptions(of: day) }
        #expect(try rows(a) == rows(b), "exceptions recorded on \(day.iso)")
    }
}
