/// rules.md §5: the rate a drawdown's contract rate must not exceed.
package struct RateCap: Sendable {
    package let settings: Settings

    package init(settings: Settings) { self.settings = settings }

    /// The term of a drawdown: "up to n years" means `maturesOn` on or before the disbursement
    /// date plus n years (29 February plus n years is 28 February in a common year).
    package enum Term: Sendable, Equatable {
        case upTo1Year, upTo5Years, over5Years
    }

    package static func term(disbursedOn: Day, maturesOn: Day) -> Term {
        if maturesOn <= disbursedOn.adding(years: 1) { return .upTo1Year }
        if maturesOn <= disbursedOn.adding(years: 5) { return .upTo5Years }
        return .over5Years
    }

    /// The PBoC benchmark lending rate for a term.
    package func benchmark(_ term: Term) -> Rate {
        let reference = settings.reference
        switch term {
        case .upTo1Year: return reference.benchmarkUpTo1Year
        case .upTo5Years: return reference.benchmarkUpTo5Years
        case .over5Years: return reference.benchmarkOver5Years
        }
    }

    /// The cap and a short explanation of where it comes from, for messages.
    package func cap(disbursedOn: Day, maturesOn: Day) -> (rate: Rate, basis: String) {
        let term = Self.term(disbursedOn: disbursedOn, maturesOn: maturesOn)
        let termText: String
        switch term {
        case .upTo1Year: termText = "1 年以内"
        case .upTo5Years: termText = "1 至 5 年"
        case .over5Years: termText = "5 年以上"
        }
        if settings.profile.rateCap == .lpr, let fixing = settings.reference.lprFixing(on: disbursedOn) {
            // ganzhou-2021: the 1-year LPR for a maturity at most 5 years after disbursement.
            if term == .over5Years {
                return (fixing.fiveYear, "\(fixing.from.iso) 起的 5 年期以上 LPR")
            }
            return (fixing.oneYear, "\(fixing.from.iso) 起的 1 年期 LPR")
        }
        // tongling-2022, or no LPR fixing in force on a ganzhou disbursement date.
        return (benchmark(term), "人民银行贷款基准利率（\(termText)）")
    }
}
