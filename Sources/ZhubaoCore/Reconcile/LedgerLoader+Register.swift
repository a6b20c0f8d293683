import GRDB

extension LedgerLoader {
    /// Every person's extracts known as of D, in order of `AsOf`; a second record of a person
    /// with the same `AsOf` repeats a unique key (E004) and the first stands.
    func loadRegister(_ db: Database, into history: inout LedgerHistory, unique: inout UniqueKeys) throws {
        let through = history.through
        var relations: [Int64: [String]] = [:]
        let coRows = try Row.fetchCursor(db, sql: """
            SELECT c.participantId, c.relation FROM coBorrower c
            JOIN participant p ON p.id = c.participantId JOIN inputFile f ON f.id = p.fileId
            WHERE f.status = 'IMPORTED' AND f.businessDate <= ?\(withinCutoff("f.id")) ORDER BY c.id
            """, arguments: [through.iso])
        while let row = try coRows.next() { relations[row["participantId"], default: []].append(row["relation"]) }
        let rows = try Row.fetchCursor(db, sql: recordsSQL("participant", order: "r.id"), arguments: [through.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], source: String = row["source"], id: String = row["idNumber"]
            let extractAsOf: String = row["asOf"], day = try row.day("fileDate")
            guard unique.admit(table: "participant", key: "\(id)|\(extractAsOf)", idValid: row["idValid"], idNumber: id,
                               file: file, day: day, source: source, subject: .init(idNumber: id, file: file)) else { continue }
            var loan: Participant.ApprovedLoan?
            if let contractNo = row["contractNo"] as String? {
                let consent: Bool = row["basicPensionConsent"] ?? false
                let participantId: Int64 = row["id"]
                loan = try Participant.ApprovedLoan(
                    approvalNo: row.string("approvalNo"), approvedOn: row.day("approvedOn"), mode: row.string("loanMode"),
                    bankCode: row.string("loanBankCode"), contractNo: contractNo, basicPensionConsent: consent,
                    coBorrowerRelations: relations[participantId] ?? [])
            }
            var pension: Participant.Pension?
            if let start = try row.optionalMonth("pensionStartMonth") {
                pension = Participant.Pension(startMonth: start, monthly: row.optionalFen("pensionMonthly") ?? .zero,
                                              basic: row.optionalFen("pensionBasic"))
            }
            let months: Int = row["contributionMonths"]
            try history.register.append(.init(day: day, value: Participant(
                asOf: row.day("asOf"), idNumber: id, name: row.string("name"), retirementDate: row.day("retirementDate"),
                contributionMonths: months, sscAccount: row.string("sscAccount"), loan: loan, pension: pension,
                personalAccountBalance: row.optionalFen("personalAccountBalance"), deathDate: row.optionalDay("deathDate"),
                source: source)))
        }
    }

    /// Each department's snapshots as of D: per date, the file with the highest SEQ (rules.md §3).
    func loadSnapshots(_ db: Database, into history: inout LedgerHistory) throws {
        let files = try Row.fetchAll(db, sql: """
            SELECT id, name, sender, businessDate, seq FROM inputFile
            WHERE status = 'IMPORTED' AND kind = 'HARD' AND businessDate <= ?\(withinCutoff("id"))
            ORDER BY sender, businessDate, seq
            """, arguments: [history.through.iso])
        var chosen: [String: (id: Int64, name: String, sender: String, date: String)] = [:]
        for file in files { chosen["\(file["sender"] as String)|\(file["businessDate"] as String)"] = (file["id"], file["name"], file["sender"], file["businessDate"]) }
        let ordered = chosen.values.sorted(by: { ($0.sender, $0.date) < ($1.sender, $1.date) })
        // Certification only ever matters for borrowers (rules.md §4, E410): rows of people with
        // no drawdown are not loaded, except those with an invalid ID, which raise E003. One
        // statement for all the files, so that SQLite builds the set of borrowers once.
        var rowsByFile: [Int64: [(line: Int, idNumber: String, idValid: Bool, row: HardshipSnapshot.Row)]] = [:]
        if ordered.isEmpty { return }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT fileId, line, idNumber, idValid, category, certifiedOn, endsOn, endReason FROM hardshipRow
            WHERE fileId IN (\(ordered.map { String($0.id) }.joined(separator: ",")))
            AND (idValid = 0 OR idNumber IN (SELECT idNumber FROM drawdown)) ORDER BY fileId, line
            """)
        while let row = try cursor.next() {
            let fileId: Int64 = row[0], line: Int = row[1], idNumber: String = row[2]
            let endsOn: String? = row[6], endReason: String? = row[7]
            let certifiedOn = try StoredValueError.day(row[5], column: "certifiedOn")
            rowsByFile[fileId, default: []].append((line, idNumber, row[3], HardshipSnapshot.Row(
                idNumber: idNumber, category: row[4], certifiedOn: certifiedOn,
                endsOn: try endsOn.map { try StoredValueError.day($0, column: "endsOn") }, revoked: endReason == "撤销", line: line)))
        }
        var unique = UniqueKeys()
        for file in ordered {
            let day = try StoredValueError.reading("inputFile") { try StoredValueError.day(file.date, column: "businessDate") }
            var rows: [HardshipSnapshot.Row] = []
            for candidate in rowsByFile[file.id] ?? [] {
                guard unique.validID(candidate.idValid, idNumber: candidate.idNumber, file: file.name, day: day,
                                     source: "\(file.name):\(candidate.line)") else { continue }
                rows.append(candidate.row)
            }
            history.snapshots.append(.init(day: day, value:
                HardshipSnapshot(department: file.sender, date: day, file: file.name, rows: rows)))
        }
        history.findings += unique.findings
    }
}
