import GRDB

/// A row of `participant`: one `Participant` of an SI_PART extract (formats.md §2), the whole
/// record of a person as of the extract's `AsOf`.
public struct ParticipantRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participant"
    /// The table's columns in its order: the record's coding keys and the fetch's.
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, source, asOf, idNumber, idValid, name, gender, birthDate, insuranceType, county
        case retirementDate, contributionMonths, sscAccount, approvalNo, approvedOn, loanMode, loanBankCode
        case contractNo, basicPensionConsent, pensionStartMonth, pensionMonthly, pensionBasic
        case personalAccountBalance, deathDate
    }
    typealias CodingKeys = Columns

    public var id: Int64?
    public var fileId: Int64
    public var source: String
    public var asOf: Day
    public var idNumber: String
    public var idValid: Bool
    public var name: String
    public var gender: Gender
    public var birthDate: Day
    public var insuranceType: InsuranceType
    public var county: String
    public var retirementDate: Day
    public var contributionMonths: Int
    public var sscAccount: String
    public var approvalNo: String?
    public var approvedOn: Day?
    public var loanMode: LoanMode?
    public var loanBankCode: String?
    public var contractNo: String?
    public var basicPensionConsent: Bool?
    public var pensionStartMonth: YearMonth?
    public var pensionMonthly: Fen?
    public var pensionBasic: Fen?
    public var personalAccountBalance: Fen?
    public var deathDate: Day?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `coBorrower`: a `Loan/CoBorrower` of the residents' scheme.
public struct CoBorrowerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "coBorrower"
    /// The table's columns in its order.
    public enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, participantId, idNumber, name, relation
    }
    typealias CodingKeys = Columns

    public var id: Int64?
    public var participantId: Int64
    public var idNumber: String
    public var name: String
    public var relation: CoBorrowerRelation
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
