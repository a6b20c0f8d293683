import Foundation
import ZhubaoSystem

extension ParticipantFields {
    /// Checks the participant read, adds its diagnostics and, when it has no error, stores it
    /// and then its co-borrowers (whose ID numbers are not checked, formats.md "Layout").
    func check(xml: XMLImport, xpath: String, asOf: String, mentioned: [(name: Substring, line: Int?)],
               into sink: inout some RecordSink) throws {
        var r = FieldReader(location: Location(file: xml.file, xpath: xpath))
        let p = person
        let (id, idValid) = r.idNumber(p[Field.idNumber], p.label(Field.idNumber))
        let personName = r.required(p[Field.name], p.label(Field.name))
        let gender = r.code(p[Field.gender], p.label(Field.gender), allowed: Self.genders)
        let birthDate = r.isoDay(p[Field.birthDate], p.label(Field.birthDate))
        let insurance = r.code(p[Field.insuranceType], p.label(Field.insuranceType), allowed: ReceiptFields.insuranceTypes)
        let county = r.digits(p[Field.county], p.label(Field.county), count: 6)
        let retirementDate = r.isoDay(p[Field.retirementDate], p.label(Field.retirementDate))
        let months = r.nonNegativeInteger(p[Field.contributionMonths], p.label(Field.contributionMonths))
        let sscAccount = r.required(p[Field.sscAccount], p.label(Field.sscAccount))
        let balance = r.optionalAmount(p[Field.personalAccountBalance], p.label(Field.personalAccountBalance))
        let deathDate = r.optional(p[Field.deathDate]).map { r.isoDay($0, p.label(Field.deathDate)).iso }

        var record = ParticipantRecord(
            id: nil, fileId: sink.fileId, source: "\(xml.file):\(xpath)", asOf: asOf, idNumber: id, idValid: idValid,
            name: personName, gender: gender, birthDate: birthDate.iso, insuranceType: insurance, county: county,
            retirementDate: retirementDate.iso, contributionMonths: months, sscAccount: sscAccount,
            approvalNo: nil, approvedOn: nil, loanMode: nil, loanBankCode: nil, contractNo: nil,
            basicPensionConsent: nil, pensionStartMonth: nil, pensionMonthly: nil, pensionBasic: nil,
            personalAccountBalance: balance?.value, deathDate: deathDate)
        if hasLoan {
            let l = loan
            record.approvalNo = r.required(l[LoanField.approvalNo], l.label(LoanField.approvalNo))
            record.approvedOn = r.isoDay(l[LoanField.approvedOn], l.label(LoanField.approvedOn)).iso
            record.loanMode = r.code(l[LoanField.mode], l.label(LoanField.mode), allowed: Self.modes)
            record.loanBankCode = r.digits(l[LoanField.bankCode], l.label(LoanField.bankCode), count: 3)
            record.contractNo = r.required(l[LoanField.contractNo], l.label(LoanField.contractNo))
            record.basicPensionConsent = Self.consent(l[LoanField.basicPensionConsent], l.label(LoanField.basicPensionConsent), &r)
        }
        if hasPension {
            let q = pension
            record.pensionStartMonth = r.isoMonth(q[PensionField.startMonth], q.label(PensionField.startMonth)).iso
            record.pensionMonthly = r.amount(q[PensionField.monthly], q.label(PensionField.monthly)).value
            record.pensionBasic = r.optionalAmount(q[PensionField.basic], q.label(PensionField.basic))?.value
        }
        var coRows: [CoBorrowerRecord] = []
        for c in coBorrowers {
            let coName = r.required(c[CoBorrowerField.name], c.label(CoBorrowerField.name))
            let relation = r.code(c[CoBorrowerField.relation], c.label(CoBorrowerField.relation), allowed: Self.relations)
            coRows.append(CoBorrowerRecord(id: nil, participantId: 0, idNumber: c[CoBorrowerField.idNumber] ?? "",
                                           name: coName, relation: relation))
        }
        xml.report(r, xpath: xpath, fields: self, mentioned: mentioned)
        guard r.isValid else { return }
        try sink.insert(&record)
        for var row in coRows {
            row.participantId = record.id ?? 0  // 0 only where nothing is stored (validate)
            try sink.insert(&row)
        }
    }

    static let genders = ["1", "2"], modes = ["ANNUAL", "LUMP"], relations = ["CHILD", "GUARANTOR"]

    /// `BasicPensionConsent`: `true`/`false` (or the XSD's `1`/`0`); absent means false.
    static func consent(_ text: String?, _ label: String, _ r: inout FieldReader) -> Bool {
        switch collapsed(text) {
        case nil, "", "false", "0": return false
        case "true", "1": return true
        case let other?:
            r.fail(label, "值\(InputQuote.quoted(other))应为 true 或 false")
            return false
        }
    }

    /// A value of an XSD type that collapses whitespace (booleans): XML's four whitespace
    /// characters around it go, nothing else.
    static func collapsed(_ text: String?) -> String? {
        text.map { String(XSDInteger.collapsed($0)) }
    }
}
