import Foundation

/// The specification's sample files (copied from ../shared/spec/samples into the project's
/// `fixtures/samples/`, so that a fresh clone has them), and small valid files made on the fly.
enum SampleFiles {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = projectRoot.appendingPathComponent("fixtures/samples", isDirectory: true)

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasSuffix(".md") }.sorted()
    }

    /// A valid one-line disbursement file of bank 105 for a name's date and sequence
    /// (ASCII only, so it reads the same in GB18030).
    static func disbursement(date: String, seq: Int, loan: String) -> (name: String, text: String) {
        let seqText = String(format: "%03d", seq)
        let name = "B105_DISB_360700_\(date)_\(seqText).txt"
        let lines = [
            "H|105|360700|DISB|\(date)|B105360700\(date)\(seqText)|1.0",
            "D|\(loan)|GZ105-2026-\(loan.suffix(6))|360702196703150030|Liu|A|8904.00|3.0000|\(date)|20270114|202601|202612|36070001199000000001|N",
            "T|1|8904.00",
        ]
        return (name, lines.joined(separator: "\n") + "\n")
    }
}
