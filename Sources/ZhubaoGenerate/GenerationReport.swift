import ZhubaoCore

/// One fault as injected: the exception the engine should raise, with its subject
/// (outputs.md "subject fields"): `file` is the name as delivered, `.gz` included.
package struct FaultEntry: Codable, Sendable, Hashable {
    package var fault: String
    package var code: ExceptionCode
    package var file: String
    package var idNumber: String?
    package var contractNo: String?
    package var loanNo: String?
    package var ticketNo: String?
    package var txnNo: String?
    /// `YYYY-MM`, for E401.
    package var month: String?
    /// For E5xx.
    package var year: Int?
    /// The amount the exception should carry, yuan with two decimals, where the generator knows it.
    package var amount: String?

    var sortKey: [String] {
        [code.rawValue, file, idNumber ?? "", loanNo ?? "", ticketNo ?? "", txnNo ?? "", month ?? "", year.map(String.init) ?? ""]
    }
}

/// A file the generator wrote.
package struct GeneratedFile: Codable, Sendable, Hashable {
    package var name: String
    /// RCPT, PART, HARD, DISB, DEDU or CLAIM.
    package var kind: String
    /// Detail records (receipts, participants, rows, lines) as generated.
    package var records: Int
    package var bytes: Int
    /// The file fault it carries, if it is the faulty copy.
    package var fault: String?
}

/// `faults.json`: every injected fault, as of the end of the range.
package struct FaultManifest: Codable, Sendable {
    package var profile: String
    package var region: String
    package var seed: UInt64
    package var from: String
    package var to: String
    /// The faults are those found by a run as of this date (the range's last day).
    package var asOf: String
    package var faults: [FaultEntry]
    /// Requested faults that found no borrower or file that could carry them.
    package var unplaced: [String]
}

/// What `CityGenerator.write(to:)` did.
package struct GenerationReport: Codable, Sendable {
    package var manifest: FaultManifest
    package var files: [GeneratedFile]
    package var borrowers: Int
    package var drawdowns: Int
    package var receipts: Int
    package var transactions: Int
    package var claimLines: Int
    package var hardshipPersons: Int
}
