/// The lines of the claim for the finance bureau (outputs.md `zhubao claim`): one per drawdown
/// with subsidised days in the year and one per bank claim line — a drawdown that has both is
/// one line — with approved = the lower of claimed and computed (0 where the bank claimed nothing).
package struct ClaimStatement {
    package struct Line: Sendable, Equatable {
        package var loanNo: String
        package var contractNo: String
        package var idNumber: String
        package var name: String
        package var bankCode: String
        package var subsidy: SubsidyLine?
        package var claim: ClaimLine?
        package var computed: Fen
        package var claimed: Fen?
        package var approved: Fen
        package var codes: [ExceptionCode]
        /// Why approved differs from claimed, in Chinese; empty when it does not.
        package var adjustment: String
        /// The line's account, step by step (`zhubao explain`, claims.html).
        package var account: SubsidyAccount? = nil
    }

    package let ledger: Ledger
    package let year: Int
    private let subsidy: Subsidy
    private let verdicts: [ClaimVerdict]

    package init(ledger: Ledger, year: Int) {
        self.ledger = ledger
        self.year = year
        let context = ReconcileContext(ledger: ledger)
        subsidy = context.subsidy
        verdicts = ClaimRules.verdicts(context).filter { $0.line.year == year }
    }

    /// Every bank with a line, sorted.
    package var banks: [String] {
        Set(subsidy.subsidies(year: year).map(\.bankCode) + verdicts.map(\.line.bankCode)).sorted()
    }

    /// The banks whose claim for the year is known (a CLAIM file with lines of the year), sorted:
    /// only these get a claim for the finance bureau — a bank that sent none gets no empty claim.
    package var claimingBanks: [String] {
        Set(verdicts.map(\.line.bankCode)).sorted()
    }

    package func lines(bank: String) -> [Line] {
        var lines: [String: Line] = [:]
        for s in subsidy.subsidies(year: year) where s.bankCode == bank {
            lines[s.loanNo] = Line(loanNo: s.loanNo, contractNo: s.contractNo, idNumber: s.idNumber, name: s.name,
                                   bankCode: bank, subsidy: s, claim: nil, computed: s.computed, claimed: nil,
                                   approved: .zero, codes: [], adjustment: "银行未申请，不予拨付")
        }
        for verdict in verdicts where verdict.line.bankCode == bank {
            let c = verdict.line
            var line = lines[c.loanNo] ?? Line(loanNo: c.loanNo, contractNo: c.contractNo, idNumber: c.idNumber, name: c.name,
                                               bankCode: bank, subsidy: verdict.subsidy, claim: nil, computed: verdict.computed,
                                               claimed: nil, approved: .zero, codes: [], adjustment: "")
            line.claim = c
            line.claimed = (line.claimed ?? .zero) + c.claimed
            line.approved = verdict.approved
            line.codes = verdict.codes
            line.adjustment = verdict.findings.first?.message ?? ""
            lines[c.loanNo] = line
        }
        // A bank that is not a partner of the city: every line of a known drawdown shows its E203.
        if !ledger.settings.partnerBanks.contains(bank) {
            for key in lines.keys where !lines[key]!.codes.contains(.e504) {
                lines[key]!.codes = ([.e203] + lines[key]!.codes).sorted()
            }
        }
        return lines.values.sorted { $0.loanNo < $1.loanNo }.map { line in
            var line = line
            line.account = subsidy.account(loanNo: line.loanNo, year: year)
            line.account?.verdict = .init(claimed: line.claimed, approved: line.approved, codes: line.codes,
                                          reason: line.adjustment)
            return line
        }
    }

    /// The line of a loanNo, whichever bank it is under; nil where the loanNo has no subsidised
    /// day in the year and no bank claimed for it.
    package func line(loanNo: String) -> Line? {
        let candidates = [subsidy.line(loanNo: loanNo, year: year)?.bankCode]
            + verdicts.filter { $0.line.loanNo == loanNo }.map(\.line.bankCode)
        for bank in Set(candidates.compactMap { $0 }).sorted() {
            if let line = lines(bank: bank).first(where: { $0.loanNo == loanNo }) { return line }
        }
        return nil
    }

    /// The account of a loanNo for the year: its claim line's, else the subsidy's alone.
    package func account(loanNo: String) -> SubsidyAccount {
        line(loanNo: loanNo)?.account ?? subsidy.account(loanNo: loanNo, year: year)
    }
}
