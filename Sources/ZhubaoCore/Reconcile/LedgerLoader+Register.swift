import GRDB

extension LedgerLoader {
    /// Every person's extracts known as of D, in order of `AsOf`; a second record of a person
    /// with the same `AsOf` repeats a unique key (E004) and the first stands.
    func loadRegister(_ db: Database, asOf: Day, unique: inout UniqueKeys) throws -> ([String: [Participant]], [Finding]) {
        var relations: [Int64: [String]] = [:]
        let coRows = try Row.fetchCursor(db, sql: """
            SELECT c.participantId, c.relation FROM coBorrower c
            JOIN participant p ON p.id = c.participantId JOIN inputFile f ON f.id = p.fileId
            WHERE f.status = 'IMPORTED' AND f.businessDate <= ? ORDER BY c.id
            """, arguments: [asOf.iso])
        while let row = try coRows.next() { relations[row["participantId"], default: []].append(row["relation"]) }
        var register: [String: [Participant]] = [:]
        let rows = try Row.fetchCursor(db, sql: Self.recordsSQL("participant", order: "r.id"), arguments: [asOf.iso])
        while let row = try rows.next() {
            let file: String = row["fileName"], source: String = row["source"], id: String = row["idNumber"]
            let extractAsOf: String = row["asOf"]
            guard unique.admit(table: "participant", key: "\(id)|\(extractAsOf)", idValid: row["idValid"], idNumber: id,
                               file: file, source: source, subject: .init(idNumber: id, file: file)) else { continue }
            var loan: Participant.ApprovedLoan?
            if let contractNo = row["contractNo"] as String? {
                let consent: Bool = row["basicPensionConsent"] ?? false
                let participantId: Int64 = row["id"]
                loan = Participant.ApprovedLoan(
                    approvalNo: row.string("approvalNo"), approvedOn: row.day("approvedOn"), mode: row.string("loanMode"),
                    bankCode: row.string("loanBankCode"), contractNo: contractNo, basicPensionConsent: consent,
                    coBorrowerRelations: relations[participantId] ?? [])
            }
            var pension: Participant.Pension?
            if let start = row.optionalMonth("pensionStartMonth") {
                pension = Participant.Pension(startMonth: start, monthly: row.optionalFen("pensionMonthly") ?? .zero,
                                              basic: row.optionalFen("pensionBasic"))
            }
            let months: Int = row["contributionMonths"]
            register[id, default: []].append(Participant(
                asOf: row.day("asOf"), idNumber: id, name: row.string("name"), retirementDate: row.day("retirementDate"),
                contributionMonths: months, sscAccount: row.string("sscAccount"), loan: loan, pension: pension,
                personalAccountBalance: row.optionalFen("personalAccountBalance"), deathDate: row.optionalDay("deathDate"),
                source: source))
        }
        for id in register.keys { register[id]!.sort { $0.asOf < $1.asOf } }
        return (register, [])
    }

    /// Each department's snapshots as of D: per date, the file with the highest SEQ (rules.md §3).
    func loadSnapshots(_ db: Database, into ledger: inout Ledger) throws {
        let files = try Row.fetchAll(db, sql: """
            SELECT id, name, sender, businessDate, seq FROM inputFile
            WHERE status = 'IMPORTED' AND kind = 'HARD' AND businessDate <= ?
            ORDER BY sender, businessDate, seq
            """, arguments: [ledger.asOf.iso])
        var chosen: [String: (id: Int64, name: String, sender: String, date: String)] = [:]
        for file in files { chosen["\(file["sender"] as String)|\(file["businessDate"] as String)"] = (file["id"], file["name"], file["sender"], file["businessDate"]) }
        var snapshots: [String: [HardshipSnapshot]] = [:]
        var unique = UniqueKeys()
        for file in chosen.values.sorted(by: { ($0.sender, $0.date) < ($1.sender, $1.date) }) {
            var rows: [HardshipSnapshot.Row] = []
            // Certification only ever matters for borrowers (rules.md §4, E410): rows of people with
            // no drawdown are not loaded, except those with an invalid ID, which raise E003.
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT * FROM hardshipRow WHERE fileId = ?
                AND (idValid = 0 OR idNumber IN (SELECT idNumber FROM drawdown)) ORDER BY line
                """, arguments: [file.id])
            while let row = try cursor.next() {
                let line: Int = row["line"]
                guard unique.admit(table: "hardship\(file.id)|\(line)", key: "", idValid: row["idValid"], idNumber: row["idNumber"],
                                   file: file.name, source: "\(file.name):\(line)", subject: .init()) else { continue }
                rows.append(.init(idNumber: row["idNumber"], category: row["category"],
                                  certifiedOn: Day(iso: row["certifiedOn"] as String)!,
                                  endsOn: (row["endsOn"] as String?).flatMap { Day(iso: $0) },
                                  revoked: (row["endReason"] as String?) == "撤销", line: line))
            }
            snapshots[file.sender, default: []].append(
                HardshipSnapshot(department: file.sender, date: Day(iso: file.date)!, file: file.name, rows: rows))
        }
        ledger.snapshots = snapshots
        ledger.intakeFindings += unique.findings
    }
}
