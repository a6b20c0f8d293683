import GRDB

/// A row of `participant`: one `Participant` of an SI_PART extract (formats.md §2), the whole
/// record of a person as of the extract's `AsOf`.
public struct ParticipantRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participant"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, source, asOf, idNumber, idValid, name, gender, birthDate, insuranceType, county
        case retirementDate, contributionMonths, sscAccount, approvalNo, approvedOn, loanMode, loanBankCode
        case contractNo, basicPensionConsent, pensionStartMonth, pensionMonthly, pensionBasic
        case personalAccountBalance, deathDate
    }
    typealias CodingKeys = Columns

    public var id: Int64?, fileId: Int64
    public var source: String
    public var asOf: Day
    public var idNumber: String, idValid: Bool, name: String
    public var gender: Gender
    public var birthDate: Day
    public var insuranceType: InsuranceType
    public var county: String
    public var retirementDate: Day
    public var contributionMonths: Int
    public var sscAccount: String
    /// Its `Loan`, once approved.
    public var approvalNo: String?, approvedOn: Day?, loanMode: LoanMode?, loanBankCode: String?, contractNo: String?
    public var basicPensionConsent: Bool?
    /// Its `Pension`, once drawn.
    public var pensionStartMonth: YearMonth?, pensionMonthly: Fen?, pensionBasic: Fen?
    public var personalAccountBalance: Fen?
    public var deathDate: Day?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `coBorrower`: a `Loan/CoBorrower` of the residents' scheme.
public struct CoBorrowerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "coBorrower"
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, participantId, idNumber, name, relation
    }
    typealias CodingKeys = Columns

    public var id: Int64?, participantId: Int64
    public var idNumber: String, name: String
    public var relation: CoBorrowerRelation
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
