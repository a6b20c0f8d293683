import Foundation
import Logging
import Synchronization
import Testing
@testable import ZhubaoCore
import ZhubaoSystem

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
        // Not masked but replaced: `printf '%s' NAME | sha256sum | cut -c1-8`. Not even the masked
        // form (`张*丰_110101********1234_…`) goes to the log.
        #expect(logged.contains("name#cd6aa5e5"))
        #expect(!logged.contains("110101"))
        #expect(logged.contains(good.name))  // formats.md's names are logged as they are
    }

    /// Found in review: masking digit runs and Chinese names let through an ID number split by
    /// separators (each run under 9 digits) and a name in pinyin. Only names made of zhubao's own
    /// words and short numbers are logged as they are; the rest by fingerprint (hand-computed).
    @Test func namesOutsideTheLayoutAreLoggedByFingerprintOnly() {
        #expect(SafeName.logged("360702-19800101-001X.txt") == "name#a6d646d1")
        #expect(SafeName.logged("ZHANG San 11010119900307123X.txt") == "name#0b6dcc8f")
        #expect(SafeName.logged(path: "/srv/ws/quarantine/.B105_DISB_360700_20260115_001.txt.reason.txt.4242.tmp")
            == "/srv/ws/quarantine/.B105_DISB_360700_20260115_001.txt.reason.txt.4242.tmp")
        #expect(SafeName.logged(path: "/srv/ws/quarantine/.ZHANG San 11010119900307123X.txt.4242.tmp").hasPrefix("/srv/ws/quarantine/name#"))
        let error = AtomicFileError(operation: "open", path: "/srv/ws/inbox/360702-19800101-001X.txt", code: EACCES)
        #expect("\(error)".contains("19800101"))  // what the error says by itself
        #expect(SafeName.logged(error, naming: "360702-19800101-001X.txt").hasPrefix("open /srv/ws/inbox/name#a6d646d1: "))
        // The wait for a marker file quotes the marker, whose name holds the inbox name.
        #expect(SafeName.logged(text: "等待标记文件 360702-19800101-001X.txt.ready", naming: "360702-19800101-001X.txt")
            == "等待标记文件 name#a6d646d1.ready")
    }

    @Test func namesOfTheSpecLayoutAreNotChanged() {
        for name in ["TAX_RCPT_360700_20260115_001.xml.gz", "B105_DISB_360700_20260115_001.txt",
                     "MZ_HARD_360700_20260131_001.csv", "SI_FDBK_340700_20260204_001.txt",
                     "SUBSIDY_CLAIM_360700_105_2026.xml", "exceptions.csv", "B105_DISB_360700_20260115_001.txt.done"] {
            #expect(SafeName.logged(name) == name)
        }
    }

    /// Found in review: "a word of zhubao's names or a number of at most 8 digits" let an ID
    /// number through split into short parts, and a layout whose region is a person's county code
    /// spells most of one. Fingerprints hand-computed: `printf '%s' NAME | sha256sum | cut -c1-8`.
    @Test func anIDNumberSplitIntoShortNumbersIsNotALayout() {
        #expect(SafeName.logged("360702_19670315_0030.txt") == "name#807813ab")
        #expect(SafeName.logged("TAX_36070219_67031500_30.xml") == "name#dce72430")
        #expect(SafeName.logged("B360_DISB_360702_19670315_003.txt") == "name#f6de6d7f")
        #expect(SafeName.logged(path: "/srv/ws/out/.360702_19670315_0030.txt.77.tmp") == "/srv/ws/out/name#73d2396c")
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
