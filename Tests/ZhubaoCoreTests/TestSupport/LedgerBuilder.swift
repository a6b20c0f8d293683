@testable import ZhubaoCore

/// Builds ledgers by hand for rule tests: every record with sensible defaults, so that a test
/// states only what it is about. Amounts are yuan strings ("8904.00"), dates ISO strings.
struct LedgerBuilder {
    var ledger: Ledger

    init(asOf: String, profile: Profile = .ganzhou2021) throws {
        ledger = Ledger(asOf: d(asOf), settings: try Settings.defaults(profile: profile))
    }

    static let borrower = "360702196703150030"
    static let otherPerson = "360731196908221041"

    @discardableResult
    mutating func drawdown(_ loanNo: String, contract: String = "C1", id: String = borrower, bank: String = "105",
                           mode: String = "A", amount: String = "8904.00", rate: String = "3.0000",
                           disbursed: String = "2026-01-15", matures: String = "2027-01-14",
                           cover: (String, String) = ("2026-01", "2026-12"), account: String = "36070001199000000001",
                           cancelled: Bool = false, source: String? = nil) -> Drawdown {
        let drawdown = Drawdown(loanNo: loanNo, contractNo: contract, idNumber: id, bankCode: bank, mode: mode,
                                amount: fen(amount), rate: Rate(percent: rate)!, disbursedOn: d(disbursed),
                                maturesOn: d(matures), coverFrom: YearMonth(iso: cover.0)!, coverTo: YearMonth(iso: cover.1)!,
                                account: account, cancelled: cancelled, source: source ?? "B\(bank)_DISB.txt:2", name: "刘建国")
        ledger.drawdowns.append(drawdown)
        return drawdown
    }

    mutating func receipt(_ ticketNo: String, contract: String? = "C1", id: String = borrower, amount: String = "8904.00",
                          paid: String = "2026-01-15", channel: String = "LOAN", status: String = "NORMAL",
                          reverses: String? = nil, base: String? = "3710.00", insurance: String = "110",
                          period: (String, String) = ("2026-01", "2026-12")) {
        ledger.receipts.append(Receipt(
            ticketNo: ticketNo, idNumber: id, name: "刘建国", insuranceType: insurance,
            periodFrom: YearMonth(iso: period.0)!, periodTo: YearMonth(iso: period.1)!, base: base.map(fen),
            amount: fen(amount), paidOn: d(paid), channel: channel, contractNo: contract, bankCode: "105",
            status: status, reversesTicketNo: reverses, reversed: false, source: "TAX_RCPT.xml:/x"))
        // rules.md §6: a reversal known as of D cancels its target.
        if status == "REVERSAL", let reverses {
            for i in ledger.receipts.indices where ledger.receipts[i].ticketNo == reverses { ledger.receipts[i].reversed = true }
        }
    }

    mutating func transaction(_ txnNo: String, loan: String, contract: String = "C1", id: String = borrower,
                              date: String, kind: String = "P", due: String? = nil, principal: String = "0.00",
                              interest: String = "0.00", result: String = "S", pension: String? = nil,
                              basic: String? = nil, balanceAfter: String = "0.00",
                              account: String = "6217002030001234567", source: String = "B105_DEDU.txt:2") {
        let collected = fen(principal) + fen(interest)
        ledger.transactions.append(Transaction(
            txnNo: txnNo, loanNo: loan, contractNo: contract, idNumber: id, txnDate: d(date), kind: kind,
            due: due.map(fen) ?? collected, principalPaid: fen(principal), interestPaid: fen(interest), result: result,
            pension: pension.map(fen), basicPension: basic.map(fen), balanceAfter: fen(balanceAfter),
            account: account, source: source))
    }

    mutating func participant(_ id: String = borrower, asOf: String = "2026-01-07", contract: String? = "C1",
                              bank: String = "105", retirement: String = "2027-06-15", months: Int = 148,
                              account: String = "6217002030001234567", pensionStart: String? = nil,
                              pension: String = "1386.50", basic: String? = nil, consent: Bool = false,
                              coBorrowers: [String] = [], personalAccount: String? = nil, death: String? = nil) {
        let loan = contract.map {
            Participant.ApprovedLoan(approvalNo: "ZB1", approvedOn: d("2026-01-06"), mode: "ANNUAL", bankCode: bank,
                                     contractNo: $0, basicPensionConsent: consent, coBorrowerRelations: coBorrowers)
        }
        let pensionValue = pensionStart.map {
            Participant.Pension(startMonth: YearMonth(iso: $0)!, monthly: fen(pension), basic: basic.map(fen))
        }
        ledger.register[id, default: []].append(Participant(
            asOf: d(asOf), idNumber: id, name: "刘建国", retirementDate: d(retirement), contributionMonths: months,
            sscAccount: account, loan: loan, pension: pensionValue, personalAccountBalance: personalAccount.map(fen),
            deathDate: death.map(d), source: "SI_PART.xml:/x"))
        ledger.register[id]!.sort { $0.asOf < $1.asOf }
    }

    /// A hardship snapshot: rows of (id, category, certified, ends, revoked).
    mutating func snapshot(_ department: String = "MZ", date: String,
                           _ rows: [(id: String, category: String, certified: String, ends: String?, revoked: Bool)]) {
        let snapshot = HardshipSnapshot(department: department, date: d(date), file: "\(department)_HARD_\(date).csv",
                                        rows: rows.enumerated().map { index, row in
            .init(idNumber: row.id, category: row.category, certifiedOn: d(row.certified),
                  endsOn: row.ends.map(d), revoked: row.revoked, line: index + 2)
        })
        ledger.snapshots[department, default: []].append(snapshot)
        ledger.snapshots[department]!.sort { $0.date < $1.date }
    }

    mutating func claim(_ loanNo: String, contract: String = "C1", id: String = borrower, year: Int = 2026,
                        from: String = "2026-01-15", to: String = "2026-12-31", days: Int = 351,
                        accumulated: String = "3125304.00", rate: String = "3.0000", claimed: String, bank: String = "105") {
        ledger.claimLines.append(ClaimLine(
            bankCode: bank, loanNo: loanNo, contractNo: contract, idNumber: id, name: "刘建国", year: year,
            from: d(from), to: d(to), days: days, accumulated: fen(accumulated), rate: Rate(percent: rate)!,
            claimed: fen(claimed), file: "B\(bank)_CLAIM_360700_20270112_001.txt", source: "B\(bank)_CLAIM_360700_20270112_001.txt:2"))
    }
}

func d(_ iso: String) -> Day { Day(iso: iso)! }
func fen(_ yuan: String) -> Fen { Fen(yuan: yuan)! }

extension Array where Element == Finding {
    func codes() -> [String] { map(\.code) }
    func only(_ code: String) -> [Finding] { filter { $0.code == code } }
}
