import Foundation
import Logging
import Synchronization
import Testing
@testable import ZhubaoCore

/// Regression: intake logged inbox names as they were ("file rejected", "already recorded", "file
/// left in the inbox", …). Anybody can drop a file into the inbox under any name, so a name can
/// carry an ID number and a person's name, and personal data never goes to logs. Names are now
/// logged through `SafeName.logged`; names of formats.md's layout stay readable.
@Suite struct InboxNameLoggedUnmaskedTests {
    @Test func aNameWithPersonalDataIsMaskedInEveryLogLine() throws {
        let ws = try TemporaryWorkspace()
        let personal = "张三丰_110101199003071234_622202001122.txt"
        let good = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L00001")
        try ws.deliver(personal, text: "H|whatever\n")
        try ws.deliver(good.name, text: good.text)
        let lines = CapturedLog()
        let (report, _) = try ws.intake(logger: Logger(label: "test") { _ in lines })
        #expect(report.count(.rejected) == 1 && report.count(.imported) == 1)

        let logged = lines.all.joined(separator: "\n")
        #expect(logged.contains("file rejected"))
        for secret in ["张三丰", "110101199003071234", "622202001122"] {
            #expect(!logged.contains(secret), "\(secret) logged")
        }
        // Masked by hand (Masking: ID first 6 and last 4, account — fewer than 15 digits — last 4, name first and last).
        #expect(logged.contains("张*丰_110101********1234_********1122.txt"))
        #expect(logged.contains(good.name))  // formats.md's names are logged as they are
    }

    @Test func namesOfTheSpecLayoutAreNotChanged() {
        for name in ["TAX_RCPT_360700_20260115.xml", "B105_DISB_360700_20260115_001.txt",
                     "MZ_HARD_360700_20260131.csv.gz", "SI_FDBK_340700_20260204_001.txt"] {
            #expect(SafeName.logged(name) == name)
        }
    }
}

/// A log handler that keeps every message with its metadata, one string a line.
final class CapturedLog: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.withLock { $0.append(([event.message.description] + fields).joined(separator: " ")) }
    }
}
