import Foundation
import ZhubaoSystem

extension ParticipantFields {
    /// Checks the participant read, adds its diagnostics and, when it has no error, stores it
    /// and then its co-borrowers (whose ID numbers are not checked, formats.md "Layout").
    func check(xml: XMLImport, xpath: String, asOf: Day?, mentioned: [(name: Substring, line: Int?)],
               into sink: inout some RecordSink) throws {
        var r = FieldReader(location: Location(file: xml.file, xpath: xpath))
        let p = person
        let (id, idValid) = r.idNumber(p[Field.idNumber], p.label(Field.idNumber))
        let personName = r.required(p[Field.name], p.label(Field.name))
        let gender: Gender? = r.code(p[Field.gender], p.label(Field.gender))
        let birthDate = r.isoDay(p[Field.birthDate], p.label(Field.birthDate))
        let insurance: InsuranceType? = r.code(p[Field.insuranceType], p.label(Field.insuranceType))
        let county = r.digits(p[Field.county], p.label(Field.county), count: 6)
        let retirementDate = r.isoDay(p[Field.retirementDate], p.label(Field.retirementDate))
        let months = r.nonNegativeInteger(p[Field.contributionMonths], p.label(Field.contributionMonths))
        let sscAccount = r.required(p[Field.sscAccount], p.label(Field.sscAccount))
        let balance = r.optionalAmount(p[Field.personalAccountBalance], p.label(Field.personalAccountBalance))
        let deathDate = r.optional(p[Field.deathDate]).map { r.isoDay($0, p.label(Field.deathDate)) }
        var loan: (approvalNo: String, approvedOn: Day, mode: LoanMode?, bankCode: String, contractNo: String,
                   consent: Bool)?
        if hasLoan {
            let l = self.loan
            loan = (r.required(l[LoanField.approvalNo], l.label(LoanField.approvalNo)),
                    r.isoDay(l[LoanField.approvedOn], l.label(LoanField.approvedOn)),
                    r.code(l[LoanField.mode], l.label(LoanField.mode)),
                    r.digits(l[LoanField.bankCode], l.label(LoanField.bankCode), count: 3),
                    r.required(l[LoanField.contractNo], l.label(LoanField.contractNo)),
                    Self.consent(l[LoanField.basicPensionConsent], l.label(LoanField.basicPensionConsent), &r))
        }
        var pension: (startMonth: YearMonth, monthly: Fen, basic: Fen?)?
        if hasPension {
            let q = self.pension
            pension = (r.isoMonth(q[PensionField.startMonth], q.label(PensionField.startMonth)),
                       r.amount(q[PensionField.monthly], q.label(PensionField.monthly)),
                       r.optionalAmount(q[PensionField.basic], q.label(PensionField.basic)))
        }
        var coRows: [(idNumber: String, name: String, relation: CoBorrowerRelation?)] = []
        for c in coBorrowers {
            let coName = r.required(c[CoBorrowerField.name], c.label(CoBorrowerField.name))
            coRows.append((c[CoBorrowerField.idNumber] ?? "", coName, r.code(c[CoBorrowerField.relation], c.label(CoBorrowerField.relation))))
        }
        xml.report(r, xpath: xpath, fields: self, mentioned: mentioned)
        // An unreadable `AsOf` rejects the file (its header's diagnostic): nothing to store.
        guard r.isValid, let asOf, let gender, let insurance else { return }
        let record = ParticipantRecord(
            id: nil, fileId: sink.fileId, source: "\(xml.file):\(xpath)", asOf: asOf, idNumber: id, idValid: idValid,
            name: personName, gender: gender, birthDate: birthDate, insuranceType: insurance, county: county,
            retirementDate: retirementDate, contributionMonths: months, sscAccount: sscAccount,
            approvalNo: loan?.approvalNo, approvedOn: loan?.approvedOn, loanMode: loan?.mode, loanBankCode: loan?.bankCode,
            contractNo: loan?.contractNo, basicPensionConsent: loan?.consent, pensionStartMonth: pension?.startMonth,
            pensionMonthly: pension?.monthly, pensionBasic: pension?.basic, personalAccountBalance: balance,
            deathDate: deathDate)
        let coBorrowers = coRows.compactMap { row in row.relation.map { (row.idNumber, row.name, $0) } }
        // (each has its relation: the record is valid)
        guard !coBorrowers.isEmpty else { return try sink.insertRow(record) }
        // The co-borrowers need the participant's row id: inserted together where the rows go,
        // after every row handed over before them, without the reading waiting for the id.
        try sink.whereRowsGo { sink in
            var participant = record
            try sink.insert(&participant)
            for (idNumber, name, relation) in coBorrowers {
                var coBorrower = CoBorrowerRecord(id: nil, participantId: participant.id ?? 0, idNumber: idNumber,
                                                  name: name, relation: relation)
                try sink.insert(&coBorrower)
            }
        }
    }

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
