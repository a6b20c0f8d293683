import GRDB

/// A row of `participant`: one `Participant` of an SI_PART extract (formats.md §2), the whole
/// record of a person as of the extract's `AsOf`.
package struct ParticipantRecord: RowIDRecord {
    package static let databaseTableName = "participant"
    package enum Columns: String, RecordColumn {
        case id, fileId, source, asOf, idNumber, idValid, name, gender, birthDate, insuranceType, county
        case retirementDate, contributionMonths, sscAccount, approvalNo, approvedOn, loanMode, loanBankCode
        case contractNo, basicPensionConsent, pensionStartMonth, pensionMonthly, pensionBasic
        case personalAccountBalance, deathDate
    }
    typealias CodingKeys = Columns

    package var id: Int64?, fileId: Int64
    /// `FILE:/xpath` of the element, and the extract's `AsOf`.
    package var source: String, asOf: Day
    package var idNumber: String, idValid: Bool, name: String
    package var gender: Gender, birthDate: Day
    package var insuranceType: InsuranceType, county: String
    package var retirementDate: Day, contributionMonths: Int
    package var sscAccount: String
    /// Its `Loan`, once approved.
    package var approvalNo: String?, approvedOn: Day?, loanMode: LoanMode?, loanBankCode: String?, contractNo: String?
    package var basicPensionConsent: Bool?
    /// Its `Pension`, once drawn.
    package var pensionStartMonth: YearMonth?, pensionMonthly: Fen?, pensionBasic: Fen?
    package var personalAccountBalance: Fen?
    package var deathDate: Day?
}

/// A row of `coBorrower`: a `Loan/CoBorrower` of the residents' scheme.
package struct CoBorrowerRecord: RowIDRecord {
    package static let databaseTableName = "coBorrower"
    package enum Columns: String, RecordColumn {
        case id, participantId, idNumber, name, relation
    }
    typealias CodingKeys = Columns

    package var id: Int64?, participantId: Int64
    package var idNumber: String, name: String
    package var relation: CoBorrowerRelation
}
