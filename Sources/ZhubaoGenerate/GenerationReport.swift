import ZhubaoCore

/// One fault as injected: the exception the engine should raise, with its subject
/// (outputs.md "subject fields"): `file` is the name as delivered, `.gz` included.
public struct FaultEntry: Codable, Sendable, Hashable {
    public var fault: String
    public var code: ExceptionCode
    public var file: String
    public var idNumber: String?
    public var contractNo: String?
    public var loanNo: String?
    public var ticketNo: String?
    public var txnNo: String?
    /// `YYYY-MM`, for E401.
    public var month: String?
    /// For E5xx.
    public var year: Int?
    /// The amount the exception should carry, yuan with two decimals, where the generator knows it.
    public var amount: String?

    var sortKey: [String] {
        [code.rawValue, file, idNumber ?? "", loanNo ?? "", ticketNo ?? "", txnNo ?? "", month ?? "", year.map(String.init) ?? ""]
    }
}

/// A file the generator wrote.
public struct GeneratedFile: Codable, Sendable, Hashable {
    public var name: String
    /// RCPT, PART, HARD, DISB, DEDU or CLAIM.
    public var kind: String
    /// Detail records (receipts, participants, rows, lines) as generated.
    public var records: Int
    public var bytes: Int
    /// The file fault it carries, if it is the faulty copy.
    public var fault: String?
}

/// `faults.json`: every injected fault, as of the end of the range.
public struct FaultManifest: Codable, Sendable {
    public var profile: String
    public var region: String
    public var seed: UInt64
    public var from: String
    public var to: String
    /// The faults are those found by a run as of this date (the range's last day).
    public var asOf: String
    public var faults: [FaultEntry]
    /// Requested faults that found no borrower or file that could carry them.
    public var unplaced: [String]
}

/// What `CityGenerator.write(to:)` did.
public struct GenerationReport: Codable, Sendable {
    public var manifest: FaultManifest
    public var files: [GeneratedFile]
    public var borrowers: Int
    public var drawdowns: Int
    public var receipts: Int
    public var transactions: Int
    public var claimLines: Int
    public var hardshipPersons: Int
}
