import ZhubaoCore

/// Planning a borrower's life story within [from, to]: loan mode, drawdown days, retirement
/// and pension, death, hardship certifications and repayment habits.
extension GenWorld {
    func planBorrower(index: Int, shape: GenShape) -> GenBorrower? {
        for attempt in 0..<16 {
            var rng = rng("borrower.\(attempt)", index)
            if let borrower = tryPlan(index: index, shape: shape, rng: &rng) { return borrower }
        }
        return nil
    }

    private func tryPlan(index: Int, shape: GenShape, rng: inout GenRandom) -> GenBorrower? {
        let annual: Bool
        switch shape.mode {
        case .annual: annual = true
        case .lump: annual = false
        case .any: annual = shape.young || rng.chance(profile.isGanzhou ? 600 : 550)
        }
        let male = rng.chance(550)
        let earliest = from + 7, last = lastDrawdownDay
        guard earliest <= last else { return nil }
        var early = shape.claimYear
        if case .early = shape.pension { early = true }
        var latest = last
        if early { latest = min(last, earliest + 45) }
        else if annual { latest = min(last, from.month.month <= 2 ? GenCalendar.day(from.year, 3, 31) : earliest + 60) }
        let d1 = GenCalendar.businessDay(onOrAfter: earliest + rng.below(max(1, latest - earliest + 1)))
        guard d1 <= last, !shape.claimYear || claimYears.contains(d1.year) else { return nil }

        // Retirement: pick an interval for the shape, then a birth date that lands in it.
        let soon = (d1 + 20, GenCalendar.add(months: -3, to: to))
        let later = (max(to + 60, d1 + (annual ? 400 : 30)), d1.adding(years: 8) - 30)
        var intervals: [((Day, Day), Int)]
        switch (annual, shape.pension) {
        case _ where shape.young: intervals = [((d1.adding(years: 8) + 40, d1.adding(years: 9)), 1)]
        case (true, .none), (false, .none): intervals = [(later, 1)]
        case (true, .early(let k)): intervals = [((d1 + 20, GenCalendar.add(months: -(k + 2), to: to)), 1)]
        case (true, .any): intervals = [(soon, 35), (later, 65)]
        case (false, .early): intervals = [((d1.adding(years: -6), d1 - 30), 1)]
        case (false, .any): intervals = [((d1.adding(years: -6), d1 - 30), 60), ((d1 + 30, d1.adding(years: 2)), 25), (later, 15)]
        }
        intervals = intervals.filter { $0.0.0 <= $0.0.1 }
        guard !intervals.isEmpty else { return nil }
        let (lo, hi) = rng.weighted(intervals)
        let target = lo + rng.below(hi - lo + 1)
        let birth = birthDate(retiringAbout: target, male: male)
        let retirement = GenCalendar.retirement(birth: birth, male: male, insurance: profile.insuranceType)
        guard retirement >= lo - 45, retirement <= hi + 45 else { return nil }
        // 第二条: within 8 years of retirement, with a margin; the E202 fault clearly outside.
        guard shape.young ? retirement > d1.adding(years: 8) + 20 : retirement <= d1.adding(years: 8) - 20 else { return nil }
        let retired = retirement < d1
        if annual, retirement <= d1 { return nil }

        var b = GenBorrower(index: index, person: people.person(born: birth, male: male, rng: &rng),
                            insuranceType: profile.insuranceType, retirement: retirement, initialMonths: 0,
                            ssc: GenPeople.cardNumber(bank: rng.weighted(city.partnerBanks), rng: &rng),
                            annual: annual, bank: "", approvalBank: "", approvedOn: max(from, d1 - rng.int(2, 12)))
        b.bank = rng.weighted(city.partnerBanks)
        b.approvalBank = b.bank
        b.plan = annual ? annualPlan(d1: d1, retirement: retirement, rng: &rng)
            : [lumpPlan(d1: d1, retirement: retirement, rng: &rng)]
        guard !b.plan.isEmpty else { return nil }
        let backPay = annual ? 0 : GenCalendar.months(from: b.plan[0].coverFrom, to: b.plan[0].coverTo) + 1
        b.initialMonths = retired ? rng.int(max(0, 180 - backPay), 179)
            : rng.int(max(12, 180 - GenCalendar.months(from: d1.month, to: retirement.month) - 30), 178)

        planPension(&b, retired: retired, rng: &rng)
        switch shape.pension {
        case .none: if b.pensionAwardedOn != nil { return nil }
        case .early(let k): if deductionMonths(b) < k { return nil }
        case .any: break
        }
        if shape.death || (shape.hardship != .eligible && rng.chance(12)) {
            let (lo, hi) = (d1 + 30, to - 40)
            if lo <= hi { b.death = lo + rng.below(hi - lo + 1) } else if shape.death { return nil }
        }
        if let death = b.death {
            b.deathReportedOn = min(to, death + rng.int(2, 6))
            b.plan.removeAll { $0.date >= death }
            if let start = b.pensionStartDay, start >= death { b.pensionAwardedOn = nil; b.pensionStart = nil }
            if b.plan.isEmpty { return nil }
        }
        switch shape.hardship {
        case .never: break
        case .eligible:
            let department = rng.weighted([(HardshipDepartment.civilAffairs, 5), (.ruralRevitalisation, 4), (.employment, 1)])
            b.certs = [GenCertification(department: department, category: rng.weighted(department.categories),
                                        certifiedOn: d1 - rng.int(60, 1500), exit: .none,
                                        dateStyle: rng.chance(800) ? department.preferredDateStyle : rng.below(4))]
        case .random:
            if b.death == nil, rng.chance(profile.isGanzhou ? 400 : 250) {
                b.certs = randomCerts(firstDay: d1, allowRevoked: false, rng: &rng)
            }
        }
        if !profile.isGanzhou { planCoBorrowers(&b, rng: &rng) }
        if b.certs.isEmpty, b.death == nil {
            if rng.chance(50), d1 + 30 <= to - 1 { b.voluntaryOn = d1 + rng.int(30, to - 1 - d1) }
            if rng.chance(30), d1 + 40 <= to - 1 {
                let payoff = d1 + rng.int(40, to - 1 - d1)
                if b.voluntaryOn.map({ $0 < payoff }) ?? true { b.payoffOn = payoff }
            }
        }
        b.selfPays = retirement > to && rng.chance(150)
        if rng.chance(20), b.plan[0].date + 4 <= last { b.plan[0].cancelledAndRedone = true }
        return b
    }

    /// A birth date whose statutory retirement date falls close to `target`.
    func birthDate(retiringAbout target: Day, male: Bool) -> Day {
        let insurance = profile.insuranceType
        let baseAge = insurance == "170" ? 60 : (male ? 60 : 55)
        let guess = GenCalendar.add(months: -baseAge * 12, to: target)
        let delay = GenCalendar.months(from: GenCalendar.add(months: baseAge * 12, to: guess).month,
                                       to: GenCalendar.retirement(birth: guess, male: male, insurance: insurance).month)
        return GenCalendar.add(months: -delay, to: guess)
    }

    /// Months with a pension deduction day (the 10th) from the pension start to `to`.
    func deductionMonths(_ b: GenBorrower) -> Int {
        guard let start = b.pensionStart else { return 0 }
        var month = start, count = 0
        while GenCalendar.day(month.year, month.month, 10) <= to {
            if let death = b.death, GenCalendar.day(month.year, month.month, 10) >= death { break }
            count += 1
            month = GenCalendar.add(months: 1, to: month)
        }
        return count
    }

    func planPension(_ b: inout GenBorrower, retired: Bool, rng: inout GenRandom) {
        let awarded = retired ? b.plan[0].date + rng.int(12, 40) : b.retirement + rng.int(1, 5)
        guard awarded <= to else { return }
        b.pensionAwardedOn = awarded
        b.pensionStart = GenCalendar.add(months: 1, to: (retired ? awarded : b.retirement).month)
        if profile.isGanzhou {
            b.pensionMonthly = Fen(115_000 + Int64(rng.below(2_200)) * 50)
            b.pensionBasic = Fen.zero
        } else {
            let basic = Profile.residentBasic(awarded.year)
            b.pensionBasic = basic
            b.pensionMonthly = basic + Fen(8_000 + Int64(rng.below(700)) * 50)
        }
    }

    func planCoBorrowers(_ b: inout GenBorrower, rng: inout GenRandom) {
        b.consent = rng.chance(400)
        for _ in 0..<(rng.chance(800) ? 1 : 2) {
            let child = rng.chance(750)
            let birth = child ? b.person.birth.adding(years: rng.int(22, 35)) + rng.below(300)
                : GenCalendar.day(rng.int(1965, 1995), rng.int(1, 12), rng.int(1, 28))
            let person = people.person(born: birth, male: rng.chance(500), rng: &rng)
            b.coBorrowers.append(GenCoBorrower(idNumber: person.idNumber, name: person.name,
                                               relation: child ? "CHILD" : "GUARANTOR"))
        }
    }
}
