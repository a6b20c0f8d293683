import GRDB

/// A row of `participant`: one `Participant` of an SI_PART extract (formats.md §2), the whole
/// record of a person as of the extract's `AsOf`.
package struct ParticipantRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "participant"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, fileId, source, asOf, idNumber, idValid, name, gender, birthDate, insuranceType, county
        case retirementDate, contributionMonths, sscAccount, approvalNo, approvedOn, loanMode, loanBankCode
        case contractNo, basicPensionConsent, pensionStartMonth, pensionMonthly, pensionBasic
        case personalAccountBalance, deathDate
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64
    package var source: String
    package var asOf: Day
    package var idNumber: String, idValid: Bool, name: String
    package var gender: Gender
    package var birthDate: Day
    package var insuranceType: InsuranceType
    package var county: String
    package var retirementDate: Day
    package var contributionMonths: Int
    package var sscAccount: String
    /// Its `Loan`, once approved.
    package var approvalNo: String?, approvedOn: Day?, loanMode: LoanMode?, loanBankCode: String?, contractNo: String?
    package var basicPensionConsent: Bool?
    /// Its `Pension`, once drawn.
    package var pensionStartMonth: YearMonth?, pensionMonthly: Fen?, pensionBasic: Fen?
    package var personalAccountBalance: Fen?
    package var deathDate: Day?
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `coBorrower`: a `Loan/CoBorrower` of the residents' scheme.
package struct CoBorrowerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "coBorrower"
    package enum Columns: String, CodingKey, ColumnExpression, CaseIterable {
        case id, participantId, idNumber, name, relation
    }
    typealias CodingKeys = Columns

    package var id: Int64?, participantId: Int64
    package var idNumber: String, name: String
    package var relation: CoBorrowerRelation
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
