import GRDB

// The codes of the intake and the outbox, declared with the file names they come from
// (`Intake/FileName.swift`, `Outbound/OutboundFile.swift`), stored as they are spelled there.

/// `inputFile.kind`: `RCPT`, `PART`, `HARD`, `DISB`, `DEDU` or `CLAIM`.
extension InputKind: RecordCode {}

/// `outboxFile.kind`: `FDBK` or `ELIG`.
extension OutboundKind: RecordCode {}

/// `inputFile.sender`: `TAX`, `SI`, `MZ`, `XC`, `JY` or `B` and a bank's three digits — the
/// spelling of the name, which `Sender("…")` parses; any other stored text does not read back.
extension Sender: StoredCode {
    package init?(rawValue: String) { self.init(rawValue) }
    package var rawValue: String { description }
}
