import GRDB

extension LedgerLoader {
    private enum ParticipantColumn: Int, LoadedColumn {
        case fileId, fileName, fileDate, id, source, idNumber, idValid, asOf, name, retirementDate, contributionMonths
        case sscAccount, approvalNo, approvedOn, loanMode, loanBankCode, contractNo, basicPensionConsent
        case pensionStartMonth, pensionMonthly, pensionBasic, personalAccountBalance, deathDate
    }

    /// Every person's extracts known as of D, in order of `AsOf`; a second record of a person
    /// with the same `AsOf` repeats a unique key (E004) and the first stands.
    func loadRegister(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        typealias C = ParticipantColumn
        let relations = try coBorrowerRelations(db, through: history.through)
        var seen: Set<PairKey<String, Day>> = []
        try eachRecord(db, "participant", C.self, order: "r.id", through: history.through) { row, file in
            let source: String = row[C.source], id: String = row[C.idNumber], asOf = try row.day(C.asOf)
            guard unique.admit(PairKey(first: id, second: asOf), in: &seen, idValid: row[C.idValid], idNumber: id,
                               file: file, source: source, subject: .init(idNumber: id, file: file.name)) else { return }
            var loan: Participant.ApprovedLoan?
            if let contractNo = row[C.contractNo] as String? {
                loan = try Participant.ApprovedLoan(
                    approvalNo: row.string(C.approvalNo), approvedOn: row.day(C.approvedOn), mode: row.code(C.loanMode),
                    bankCode: row.string(C.loanBankCode), contractNo: contractNo,
                    basicPensionConsent: row[C.basicPensionConsent] as Bool? ?? false,
                    coBorrowerRelations: relations[row[C.id] as Int64] ?? [])
            }
            var pension: Participant.Pension?
            if let start = try row.optionalMonth(C.pensionStartMonth) {
                pension = Participant.Pension(startMonth: start, monthly: row.optionalFen(C.pensionMonthly) ?? .zero,
                                              basic: row.optionalFen(C.pensionBasic))
            }
            try history.register.append(.init(day: file.day, value: Participant(
                asOf: asOf, idNumber: id, name: row.string(C.name), retirementDate: row.day(C.retirementDate),
                contributionMonths: row[C.contributionMonths], sscAccount: row.string(C.sscAccount), loan: loan,
                pension: pension, personalAccountBalance: row.optionalFen(C.personalAccountBalance),
                deathDate: row.optionalDay(C.deathDate), source: source)))
        }
    }

    private enum CoBorrowerColumn: Int, LoadedColumn { case participantId, relation }

    /// The relations of each participant's co-borrowers (by the participant's row id), in order of entry.
    private func coBorrowerRelations(_ db: Database, through: Day) throws -> [Int64: [CoBorrowerRelation]] {
        var relations: [Int64: [CoBorrowerRelation]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.participantId, c.relation FROM coBorrower c
            JOIN participant p ON p.id = c.participantId JOIN inputFile f ON f.id = p.fileId
            WHERE f.status = 'IMPORTED' AND f.businessDate <= ?\(withinCutoff("f.id")) ORDER BY c.id
            """, arguments: [through.iso])
        while let row = try rows.next() {
            try relations[row[CoBorrowerColumn.participantId], default: []].append(row.code(CoBorrowerColumn.relation))
        }
        return relations
    }
}
