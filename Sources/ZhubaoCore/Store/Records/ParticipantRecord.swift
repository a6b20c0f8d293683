import GRDB

/// A row of `participant`: one `Participant` of an SI_PART extract (formats.md §2), the whole
/// record of a person as of the extract's `AsOf`.
public struct ParticipantRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participant"
    public var id: Int64?
    public var fileId: Int64
    public var source: String
    public var asOf: String
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    public var gender: String
    public var birthDate: String
    public var insuranceType: String
    public var county: String
    public var retirementDate: String
    public var contributionMonths: Int
    public var sscAccount: String
    public var approvalNo: String?
    public var approvedOn: String?
    public var loanMode: String?
    public var loanBankCode: String?
    public var contractNo: String?
    public var basicPensionConsent: Bool?
    public var pensionStartMonth: String?
    public var pensionMonthly: Int64?
    public var pensionBasic: Int64?
    public var personalAccountBalance: Int64?
    public var deathDate: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `coBorrower`: a `Loan/CoBorrower` of the residents' scheme.
public struct CoBorrowerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "coBorrower"
    public var id: Int64?
    public var participantId: Int64
    public var idNumber: String
    public var name: String
    /// `CHILD` or `GUARANTOR`.
    public var relation: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
