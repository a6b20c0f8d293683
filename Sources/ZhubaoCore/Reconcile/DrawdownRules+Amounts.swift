/// rules.md §7 E205, E206, E207 (第五条(四), ganzhou-2021): how much a contract may lend.
///
/// - E205: an annual-mode drawdown may not exceed the minimum annual contribution for flexible
///   employment of the year of its `coverFrom` = minimum monthly base × 20 % × 12 (reference.md);
///   where reference data has no base for that year, nothing is raised. Amount: the excess.
/// - E206: a contract's lump-sum drawdowns together may not exceed `lumpSumCap` (80,000.00).
///   One finding per contract; amount: the excess.
/// - E207: in order of disbursement date, then loanNo, an annual drawdown whose years
///   (`coverFrom` to `coverTo`) meet those of an earlier annual drawdown of the same contract
///   raises E207 with its own amount. The earlier one need not itself be clean: each drawdown is
///   compared with every annual drawdown before it.
///
/// Cancelled drawdowns are left out before any of this (rules.md §2).
extension DrawdownRules {
    /// Minimum annual contribution = base × 20 % × 12, in integer fen: base × 240 / 100.
    /// When that is not a whole fen it is rounded half up (+50 before the integer division by 100).
    /// Since 240 / 100 = 12 / 5 the fraction is always a multiple of 0.2 fen (0.2, 0.4 go down,
    /// 0.6, 0.8 go up) and an exact half cannot occur. Bases are positive (reference data).
    package static func minimumAnnualContribution(base: Fen) -> Fen {
        Fen((base.value * 240 + 50) / 100)
    }

    /// E205, for annual-mode drawdowns in order of disbursement date, then loanNo.
    static func annualAmountFindings(_ ledger: Ledger, _ drawdowns: [Drawdown]) -> [Finding] {
        var found: [Finding] = []
        for drawdown in drawdowns where drawdown.isAnnual {
            let year = drawdown.coverFrom.year
            guard let base = ReconcileContext.minimumBase(ledger.settings, year: year) else { continue }
            let minimum = minimumAnnualContribution(base: base)
            guard let finding = Finding.gap(.e205, .drawdown(drawdown), source: drawdown.source, actual: drawdown.amount,
                                            expected: minimum, acceptable: <=, detail: { excess in
                "按年放款 \(drawdown.amount.yuan) 元（起始所属期 \(drawdown.coverFrom.iso)），超过 \(year) 年灵活就业"
                    + "最低缴费额 \(minimum.yuan) 元（最低缴费基数 \(base.yuan) 元 × 20% × 12），超出 \(excess.yuan) 元"
            }) else { continue }
            found.append(finding)
        }
        return found
    }

    /// E206, one per contract whose lump-sum drawdowns exceed the cap in total. The subject is
    /// the contract and the person on its first lump-sum drawdown; the source is the drawdown that
    /// carried the running total past the cap.
    static func lumpSumFindings(_ ledger: Ledger, _ drawdowns: [Drawdown]) -> [Finding] {
        let cap = ledger.settings.lumpSumCap
        var found: [Finding] = []
        for (contract, lumps) in byContract(drawdowns.filter { $0.mode == .lump }) {
            var total = Fen.zero
            var crossing: Drawdown?
            for drawdown in lumps {
                total += drawdown.amount
                if crossing == nil, total > cap { crossing = drawdown }
            }
            guard let crossing, let first = lumps.first else { continue }
            let excess = total - cap
            found.append(Finding(
                code: .e206, subject: Finding.Subject(idNumber: first.idNumber, contractNo: contract),
                amount: excess, source: crossing.source,
                detail: "合同 \(contract) 的一次放款共 \(lumps.count) 笔，合计 \(total.yuan) 元，超过上限 \(cap.yuan) 元，"
                    + "超出 \(excess.yuan) 元（借据 \(crossing.loanNo) 使合计超过上限）"))
        }
        return found
    }

    /// E207, per contract, annual-mode drawdowns in order of disbursement date, then loanNo.
    static func overlappingYearFindings(_ ledger: Ledger, _ drawdowns: [Drawdown]) -> [Finding] {
        var found: [Finding] = []
        for (_, annual) in byContract(drawdowns.filter(\.isAnnual)) {
            var earlier: [Drawdown] = []
            for drawdown in annual {
                let years = coveredYears(drawdown)
                if let prior = earlier.first(where: { coveredYears($0).overlaps(years) }) {
                    found.append(Finding(
                        code: .e207, subject: .drawdown(drawdown), amount: drawdown.amount, source: drawdown.source,
                        detail: "按年放款覆盖\(yearsText(years))，与同一合同先前的借据 \(prior.loanNo)（放款日 "
                            + "\(prior.disbursedOn.iso)，覆盖\(yearsText(coveredYears(prior)))）重叠；本笔放款 "
                            + "\(drawdown.amount.yuan) 元"))
                }
                earlier.append(drawdown)
            }
        }
        return found
    }

    /// The contribution years a drawdown covers, `coverFrom` to `coverTo` (taken in either order).
    static func coveredYears(_ drawdown: Drawdown) -> ClosedRange<Int> {
        let (from, to) = (drawdown.coverFrom.year, drawdown.coverTo.year)
        return min(from, to)...max(from, to)
    }

    static func yearsText(_ years: ClosedRange<Int>) -> String {
        years.count == 1 ? " \(years.lowerBound) 年度" : " \(years.lowerBound)–\(years.upperBound) 年度"
    }

    /// Drawdowns grouped by contract, each group in the order given, the groups in order of their
    /// first drawdown.
    static func byContract(_ drawdowns: [Drawdown]) -> [(String, [Drawdown])] {
        var order: [ContractKey] = []
        var groups: [ContractKey: [Drawdown]] = [:]
        for drawdown in drawdowns {
            if groups[drawdown.keys.contract] == nil { order.append(drawdown.keys.contract) }
            groups[drawdown.keys.contract, default: []].append(drawdown)
        }
        return order.map { (groups[$0]![0].contractNo, groups[$0]!) }
    }
}
