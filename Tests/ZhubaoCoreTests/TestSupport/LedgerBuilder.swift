@testable import ZhubaoCore

/// Builds ledgers by hand for rule tests: every record with sensible defaults, so that a test
/// states only what it is about. Amounts are yuan strings ("8904.00"), dates ISO strings.
///
/// The records go into a `LedgerHistory`, and the ledger a rule sees is `history.ledger(asOf:)`
/// — the selection the loader's ledgers go through (cancelled drawdowns, reversed receipts,
/// transactions of live drawdowns only) — so a rule test sees what the daily run would.
struct LedgerBuilder {
    var history: LedgerHistory
    var asOf: Day

    init(asOf: String, profile: Profile = .ganzhou2021) throws {
        self.asOf = d(asOf)
        history = LedgerHistory(through: Self.through, settings: try Settings.defaults(profile: profile))
    }

    /// Every record counts from `counts` on (the business date of its file), so that the same
    /// records can be read as of any date up to `through`.
    static let counts = d("2000-01-01"), through = d("2099-12-31")

    /// The ledger as of the builder's date, selected as the daily run selects it.
    var ledger: Ledger { history.ledger(asOf: asOf) }

    static let borrower = "360702196703150030"
    static let otherPerson = "360731196908221041"

    @discardableResult
    mutating func drawdown(_ loanNo: String, contract: String = "C1", id: String = borrower, bank: String = "105",
                           mode: DrawdownMode = .annual, amount: String = "8904.00", rate: String = "3.0000",
                           disbursed: String = "2026-01-15", matures: String = "2027-01-14",
                           cover: (String, String) = ("2026-01", "2026-12"), account: String = "36070001199000000001",
                           cancelled: Bool = false, source: String? = nil) -> Drawdown {
        let drawdown = Drawdown(loanNo: loanNo, contractNo: contract, idNumber: id, bankCode: bank, mode: mode,
                                amount: fen(amount), rate: Rate(percent: rate)!, disbursedOn: d(disbursed),
                                maturesOn: d(matures), coverFrom: YearMonth(iso: cover.0)!, coverTo: YearMonth(iso: cover.1)!,
                                account: account, cancelled: false, source: source ?? "B\(bank)_DISB.txt:2", name: "刘建国")
        history.drawdowns.append(.init(day: Self.counts, value: drawdown))
        // A cancelled drawdown is a DISB line of status N and one of status C (formats.md §4).
        if cancelled { history.cancellations.append(.init(day: Self.counts, value: loanNo)) }
        var result = drawdown
        result.cancelled = cancelled
        return result
    }

    mutating func receipt(_ ticketNo: String, contract: String? = "C1", id: String = borrower, amount: String = "8904.00",
                          paid: String = "2026-01-15", channel: ReceiptChannel = .loan, status: ReceiptStatus = .normal,
                          reverses: String? = nil, base: String? = "3710.00", insurance: InsuranceType = .employees,
                          period: (String, String) = ("2026-01", "2026-12")) {
        history.receipts.append(.init(day: Self.counts, value: Receipt(
            ticketNo: ticketNo, idNumber: id, name: "刘建国", insuranceType: insurance,
            periodFrom: YearMonth(iso: period.0)!, periodTo: YearMonth(iso: period.1)!, base: base.map(fen),
            amount: fen(amount), paidOn: d(paid), channel: channel, contractNo: contract, bankCode: "105",
            status: status, reversesTicketNo: reverses, reversed: false, source: "TAX_RCPT.xml:/x")))
    }

    mutating func transaction(_ txnNo: String, loan: String, contract: String = "C1", id: String = borrower,
                              date: String, kind: TransactionKind = .pensionDeduction, due: String? = nil, principal: String = "0.00",
                              interest: String = "0.00", result: TransactionResult = .succeeded, pension: String? = nil,
                              basic: String? = nil, balanceAfter: String = "0.00",
                              account: String = "6217002030001234567", source: String = "B105_DEDU.txt:2") {
        let collected = fen(principal) + fen(interest)
        history.transactions.append(.init(day: Self.counts, value: Transaction(
            txnNo: txnNo, loanNo: loan, contractNo: contract, idNumber: id, txnDate: d(date), kind: kind,
            due: due.map(fen) ?? collected, principalPaid: fen(principal), interestPaid: fen(interest), result: result,
            pension: pension.map(fen), basicPension: basic.map(fen), balanceAfter: fen(balanceAfter),
            account: account, source: source)))
    }

    mutating func participant(_ id: String = borrower, asOf: String = "2026-01-07", contract: String? = "C1",
                              bank: String = "105", retirement: String = "2027-06-15", months: Int = 148,
                              account: String = "6217002030001234567", pensionStart: String? = nil,
                              pension: String = "1386.50", basic: String? = nil, consent: Bool = false,
                              coBorrowers: [String] = [], personalAccount: String? = nil, death: String? = nil) {
        let loan = contract.map {
            Participant.ApprovedLoan(approvalNo: "ZB1", approvedOn: d("2026-01-06"), mode: .annual, bankCode: bank,
                                     contractNo: $0, basicPensionConsent: consent,
                                     coBorrowerRelations: coBorrowers.map { CoBorrowerRelation(rawValue: $0)! })
        }
        let pensionValue = pensionStart.map {
            Participant.Pension(startMonth: YearMonth(iso: $0)!, monthly: fen(pension), basic: basic.map(fen))
        }
        history.register.append(.init(day: Self.counts, value: Participant(
            asOf: d(asOf), idNumber: id, name: "刘建国", retirementDate: d(retirement), contributionMonths: months,
            sscAccount: account, loan: loan, pension: pensionValue, personalAccountBalance: personalAccount.map(fen),
            deathDate: death.map(d), source: "SI_PART.xml:/x")))
    }

    /// A hardship snapshot: rows of (id, category, certified, ends, revoked).
    mutating func snapshot(_ department: String = "MZ", date: String,
                           _ rows: [(id: String, category: String, certified: String, ends: String?, revoked: Bool)]) {
        let snapshot = HardshipSnapshot(department: department, date: d(date), file: "\(department)_HARD_\(date).csv",
                                        rows: rows.enumerated().map { index, row in
            .init(idNumber: row.id, category: HardshipCategory(rawValue: row.category)!, certifiedOn: d(row.certified),
                  endsOn: row.ends.map(d), revoked: row.revoked, line: index + 2)
        })
        // The loader's order: by department, then date.
        history.snapshots.append(.init(day: Self.counts, value: snapshot))
        history.snapshots.sort { ($0.value.department, $0.value.date) < ($1.value.department, $1.value.date) }
    }

    mutating func claim(_ loanNo: String, contract: String = "C1", id: String = borrower, year: Int = 2026,
                        from: String = "2026-01-15", to: String = "2026-12-31", days: Int = 351,
                        accumulated: String = "3125304.00", rate: String = "3.0000", claimed: String, bank: String = "105") {
        history.claimLines.append(.init(day: Self.counts, value: ClaimLine(
            bankCode: bank, loanNo: loanNo, contractNo: contract, idNumber: id, name: "刘建国", year: year,
            from: d(from), to: d(to), days: days, accumulated: fen(accumulated), rate: Rate(percent: rate)!,
            claimed: fen(claimed), file: "B\(bank)_CLAIM_360700_20270112_001.txt", source: "B\(bank)_CLAIM_360700_20270112_001.txt:2")))
    }
}

func d(_ iso: String) -> Day { Day(iso: iso)! }
func fen(_ yuan: String) -> Fen { Fen(yuan: yuan)! }

extension Array where Element == Finding {
    func codes() -> [ExceptionCode] { map(\.code) }
    func only(_ code: ExceptionCode) -> [Finding] { filter { $0.code == code } }
}
