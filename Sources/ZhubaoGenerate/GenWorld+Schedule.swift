import ZhubaoCore

/// Drawdown schedules (annual and lump-sum) and hardship certifications.
extension GenWorld {
    /// One drawdown each contribution year, early in the year, until the retirement year.
    func annualPlan(d1: Day, retirement: Day, rng: inout GenRandom) -> [GenPlannedDrawdown] {
        let tier = !profile.isGanzhou ? rng.weighted(Profile.residentTiers) : nil
        let shortTerm = rng.chance(300)
        var plan: [GenPlannedDrawdown] = []
        var date = d1
        while date <= lastDrawdownDay, date < retirement {
            let year = date.year
            let lastMonth = year == retirement.year ? retirement.components.month - 1 : 12
            guard lastMonth >= 1 else { break }
            let coverFrom = YearMonth(year: year, month: 1)!, coverTo = YearMonth(year: year, month: lastMonth)!
            var pieces: [GenPlannedDrawdown.Piece]
            if let tier {
                pieces = [.init(periodFrom: coverFrom, periodTo: coverTo, base: nil, amount: tier)]
            } else {
                let base = city.minimumBase(year)
                let split = lastMonth >= 2 && rng.chance(120) ? lastMonth / 2 : lastMonth
                pieces = [.init(periodFrom: coverFrom, periodTo: YearMonth(year: year, month: split)!, base: base,
                                amount: city.minimumContribution(year, months: split))]
                if split < lastMonth {
                    pieces.append(.init(periodFrom: YearMonth(year: year, month: split + 1)!, periodTo: coverTo, base: base,
                                        amount: city.minimumContribution(year, months: lastMonth - split)))
                }
            }
            let matures = shortTerm ? date.adding(years: 1) - 1
                : max(date.adding(years: 1) - 1, GenCalendar.add(months: 36, to: retirement))
            plan.append(GenPlannedDrawdown(date: date, coverFrom: coverFrom, coverTo: coverTo, pieces: pieces,
                                           maturesOn: matures,
                                           rate: city.contractRate(disbursed: date, matures: matures, rng: &rng),
                                           toSSC: rng.chance(100)))
            date = GenCalendar.businessDay(onOrAfter: GenCalendar.day(year + 1, 1, 5) + rng.below(60))
        }
        return plan
    }

    /// One drawdown that back-pays an interrupted period of several years (≤ 80,000.00).
    func lumpPlan(d1: Day, retirement: Day, rng: inout GenRandom) -> GenPlannedDrawdown {
        let lastYear = min(d1.year, retirement.year) - 1 - rng.below(4)
        var pieces: [GenPlannedDrawdown.Piece] = []
        if !profile.isGanzhou {
            let tier = rng.weighted(Profile.residentTiers)
            let years = min(rng.int(3, 15), Int(8_000_000 / tier.value))
            let first = YearMonth(year: lastYear - years + 1, month: 1)!, last = YearMonth(year: lastYear, month: 12)!
            if rng.chance(500) {
                pieces = [.init(periodFrom: first, periodTo: last, base: nil, amount: Fen(tier.value * Int64(years)))]
            } else {
                pieces = (first.year...lastYear).map {
                    .init(periodFrom: YearMonth(year: $0, month: 1)!, periodTo: YearMonth(year: $0, month: 12)!, base: nil, amount: tier)
                }
            }
        } else {
            var year = lastYear, total = Fen.zero
            let wanted = rng.int(2, 9)
            while pieces.count < wanted {
                let amount = city.minimumContribution(year, months: 12)
                if (total + amount).value > 8_000_000 { break }
                total += amount
                pieces.insert(.init(periodFrom: YearMonth(year: year, month: 1)!, periodTo: YearMonth(year: year, month: 12)!,
                                    base: city.minimumBase(year), amount: amount), at: 0)
                year -= 1
            }
        }
        let matures = d1.adding(years: rng.int(3, 8)) - 1
        return GenPlannedDrawdown(date: d1, coverFrom: pieces[0].periodFrom, coverTo: pieces[pieces.count - 1].periodTo,
                                  pieces: pieces, maturesOn: matures,
                                  rate: city.contractRate(disbursed: d1, matures: matures, rng: &rng),
                                  toSSC: rng.chance(100))
    }

    /// One or two certifications with a realistic life cycle: certified long ago, newly
    /// certified during the range, or leaving it (with an end date, silently, or revoked).
    func randomCerts(firstDay: Day, allowRevoked: Bool, rng: inout GenRandom) -> [GenCertification] {
        var certs: [GenCertification] = []
        var departments: [(HardshipDepartment, Int)] = profile.isGanzhou
            ? [(.civilAffairs, 45), (.ruralRevitalisation, 40), (.employment, 15)]
            : [(.civilAffairs, 60), (.ruralRevitalisation, 20), (.employment, 20)]
        for _ in 0..<(rng.chance(100) ? 2 : 1) {
            let department = rng.weighted(departments)
            departments.removeAll { $0.0 == department }
            var cert = GenCertification(department: department, category: rng.weighted(department.categories),
                                        certifiedOn: firstDay - rng.int(30, 2000), exit: .none,
                                        dateStyle: rng.chance(800) ? department.preferredDateStyle : rng.below(4))
            let roll = rng.below(100)
            let dates = snapshots.list(department)
            if roll < 15, !dates.isEmpty {
                cert.certifiedOn = GenSnapshots.certifiedBefore(rng.pick(dates), rng: &rng)
            } else if roll < (allowRevoked ? 42 : 35), to - from > 40 {
                let end = from + rng.int(20, to - from)
                if allowRevoked, roll >= 35 { cert.exit = .revoked(end) }
                else { cert.exit = rng.chance(600) ? .endDateRow(end) : .silentDrop(end) }
            }
            certs.append(cert)
        }
        return certs
    }

    /// People on the lists who borrow nothing.
    func planNoise() {
        let count = options.borrowers * options.hardshipNoisePerBorrower
        var rng = rng("noise")
        for _ in 0..<count {
            let birth = GenCalendar.day(rng.int(1950, 2002), rng.int(1, 12), rng.int(1, 28))
            let person = people.person(born: birth, male: rng.chance(500), rng: &rng)
            let certs = randomCerts(firstDay: from, allowRevoked: true, rng: &rng)
            var listedName = person.name, listedID = person.idNumber
            if options.edgeCases, rng.chance(15) { listedName = GenNames.withComma(person.name) }
            if options.edgeCases, listedID.hasSuffix("X"), rng.chance(300) { listedID = String(listedID.dropLast()) + "x" }
            noise.append(GenHardshipPerson(person: person, certs: certs, listedName: listedName, listedID: listedID))
        }
    }
}
