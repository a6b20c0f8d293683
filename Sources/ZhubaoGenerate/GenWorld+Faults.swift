import ZhubaoCore

/// Business faults, part 1: the life story each fault needs, and its effect on the loan, the
/// drawdowns and the receipts. Each fault is given to its own borrower.
extension GenWorld {
    func shape(for fault: GenFault) -> GenShape {
        var shape = GenShape()
        switch fault {
        case .noApproval: shape.pension = .none
        case .tooYoung: shape.mode = .annual; shape.young = true; shape.pension = .none
        case .annualAboveMinimum, .annualYearOverlap, .baseAboveMinimum: shape.mode = .annual
        case .lumpAboveCap: shape.mode = .lump
        case .subsistenceBreach, .deductionFailed, .basicPensionTaken, .balanceWrong, .wrongAccount, .duplicateTxn:
            shape.pension = .early(months: 2)
        case .failedThree: shape.pension = .early(months: 5)
        case .deductionBeforePension: shape.pension = .early(months: 1); shape.hardship = .never
        case .interestOvercharged: shape.hardship = .never
        case .deathUnsettled: shape.death = true; shape.hardship = .never; shape.pension = .none
        case .deathShortfall: shape.death = true; shape.hardship = .eligible; shape.pension = .none
        case .overClaim, .underClaim: shape.hardship = .eligible; shape.claimYear = true; shape.pension = .none
        case .claimNotDue: shape.hardship = .never; shape.claimYear = true
        case .claimCancelled: shape.claimYear = true
        default: break
        }
        return shape
    }

    /// Adjusts a freshly planned borrower for its fault; false when the plan cannot carry it.
    func applyPlanFault(_ b: inout GenBorrower, rng: inout GenRandom) -> Bool {
        guard let fault = b.fault else { return true }
        switch fault {
        case .noApproval: b.approved = false
        case .nonPartnerBank: b.bank = rng.pick(Profile.nonPartnerBanks); b.approvalBank = b.bank
        case .bankDiffers: b.approvalBank = rng.pick(city.partnerCodes.filter { $0 != b.bank })
        case .noCoBorrower: b.coBorrowers = []
        case .basicPensionTaken: b.consent = false
        case .claimCancelled:
            guard b.plan[0].date + 4 <= lastDrawdownDay else { return false }
            b.plan[0].cancelledAndRedone = true
        case .annualAboveMinimum, .baseAboveMinimum:
            guard (2021...2026).contains(b.plan[0].coverFrom.year), b.plan[0].coverTo.month == 12 else { return false }
            let year = b.plan[0].coverFrom.year
            let base = city.minimumBase(year) + Fen(fault == .annualAboveMinimum ? 50_000 : 30_000)
            let amount = fault == .annualAboveMinimum ? Fen(base.value * 20 * 12 / 100)
                : city.minimumContribution(year, months: 12)
            b.plan[0].pieces = [.init(periodFrom: b.plan[0].coverFrom, periodTo: b.plan[0].coverTo, base: base, amount: amount)]
        case .lumpAboveCap:
            var year = b.plan[0].pieces[0].periodFrom.year - 1
            while b.plan[0].amount.value <= 8_000_000 {
                b.plan[0].pieces.insert(.init(periodFrom: YearMonth(year: year, month: 1)!, periodTo: YearMonth(year: year, month: 12)!,
                                              base: city.minimumBase(year),
                                              amount: city.minimumContribution(year, months: 12)), at: 0)
                year -= 1
            }
            b.plan[0].coverFrom = b.plan[0].pieces[0].periodFrom
        case .annualYearOverlap:
            let again = GenCalendar.businessDay(onOrAfter: b.plan[0].date + rng.int(20, 40))
            guard again <= lastDrawdownDay, b.plan.count < 2 || again < b.plan[1].date - 15 else { return false }
            var second = b.plan[0]
            second.date = again
            second.cancelledAndRedone = false
            b.plan.insert(second, at: 1)
        case .interestOvercharged:
            guard b.plan[0].date + 40 <= to - 1 else { return false }
            b.death = nil
            b.payoffOn = b.plan[0].date + rng.int(40, to - 1 - b.plan[0].date)
            if let v = b.voluntaryOn, v >= b.payoffOn! { b.voluntaryOn = nil }
        case .deathShortfall:
            guard let death = b.death, b.plan[0].date < death else { return false }
        default: break
        }
        if fault != .interestOvercharged, fault.codes.contains(where: { $0.rawValue.hasPrefix("E4") || $0.rawValue.hasPrefix("E2") }) {
            b.payoffOn = nil
        }
        return true
    }

    /// E201–E208 and E601: faults that show on every drawdown of the contract (or the first).
    func applyDrawdownFault(_ b: inout GenBorrower) {
        guard let fault = b.fault else { return }
        let t = target(b)
        let live = b.drawdowns.filter(\.isLive)
        func each(_ code: ExceptionCode, amount: (GenDrawdown) -> Fen?) {
            for d in live {
                record(fault, code: code, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo,
                       loanNo: d.loanNo, amount: amount(d))
            }
        }
        switch fault {
        case .noApproval: each(.e201) { $0.amount }
        case .nonPartnerBank: each(.e203) { $0.amount }
        case .bankDiffers: each(.e208) { _ in nil }
        case .noCoBorrower: each(.e601) { $0.amount }
        case .tooYoung:
            record(fault, code: .e202, key: disbKey(b.drawdowns[t]), idNumber: b.person.idNumber,
                   contractNo: b.contractNo, loanNo: b.drawdowns[t].loanNo, amount: b.drawdowns[t].amount)
        case .rateAboveCap:
            let d = b.drawdowns[t]
            b.drawdowns[t].rate = Rate(units: city.cap(disbursed: d.disbursedOn, matures: d.maturesOn).units + 5_000)
            b.ledgers[t] = GenLedger(amount: d.amount, start: d.disbursedOn, rate: b.drawdowns[t].rate)
            record(fault, code: .e204, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo)
        case .annualAboveMinimum:
            let d = b.drawdowns[t]
            record(fault, code: .e205, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo,
                   amount: d.amount - city.minimumContribution(d.coverFrom.year, months: 12))
        case .lumpAboveCap:
            let d = b.drawdowns[t]
            record(fault, code: .e206, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo,
                   amount: d.amount - Fen(8_000_000))
        case .annualYearOverlap:
            let d = live[1]
            record(fault, code: .e207, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo, loanNo: d.loanNo,
                   amount: d.amount)
        default: break
        }
    }
}
