import ZhubaoCore

/// Unique, valid identities for row i of a bulk file without remembering earlier rows:
/// i is mapped one-to-one onto (county, birth date, sequence) by an affine permutation.
struct BulkIdentities {
    let city: GenCity
    let counties: [String]
    let space: Int
    let offset: Int
    static let days = 19_000          // birth dates from 1950-01-01
    static let sequences = 499        // 3-digit sequence pairs (odd men, even women)
    static let multiplier = 1_000_003 // prime, coprime to the space

    init(profile: Profile, seed: UInt64) {
        city = GenCity(profile)
        counties = city.counties.map(\.0)
        space = counties.count * Self.days * Self.sequences
        offset = Int(seed % UInt64(space))
    }

    func person(_ i: Int, rng: inout GenRandom) -> GenPerson {
        let u = Int((Int64(i % space) * Int64(Self.multiplier) + Int64(offset)) % Int64(space))
        let sequence = u % Self.sequences
        let day = (u / Self.sequences) % Self.days
        let county = counties[u / Self.sequences / Self.days]
        let birth = GenCalendar.day(1950, 1, 1) + day
        let male = rng.chance(500)
        let seq = String(sequence * 2 + (male ? 1 : 2)).genPadded(3)
        let first17 = county + birth.compact + seq
        let id = first17 + String(IDNumber.checkCharacter(for: first17)!)
        return GenPerson(idNumber: id, name: GenNames.name(male: male, hakka: city.profile.hakkaFamilies, rng: &rng),
                         male: male, birth: birth, idCounty: county, county: county)
    }
}

/// The receipts of a bulk TAX file, the same on every pass (row i depends only on the seed
/// and i, and on the running total that decides the reversals).
struct BulkReceiptPlan {
    let options: BulkOptions
    /// The running total stays within a file control total's cap (formats.md: 14 integer digits).
    static let limit = Fen(Fen.maxTotal - Fen.maxAbsolute)

    func forEach(_ body: (GenReceipt) -> Void) {
        let ids = BulkIdentities(profile: options.profile, seed: options.seed)
        let city = ids.city
        let c = options.date.components
        let prefix = "3" + options.profile.defaultRegion.prefix(4) + "6" + String(c.year % 100).genPadded(2) + Day.pad(c.month)
        var total = Fen.zero
        var previous: GenReceipt?
        for i in 0..<options.rows {
            let ticket = prefix + String(i + 1).genPadded(8)
            var rng = GenRandom(seed: options.seed &+ 0x7A8, label: "bulk-receipt", i)
            let amountYear = c.year
            var base: Fen? = nil, amount: Fen
            let months = rng.int(1, 12)
            if options.profile.isGanzhou {
                let chosen = GenCalendar.scale(city.minimumBase(amountYear), Int64(rng.pick([100, 100, 120, 150, 200])), 100)
                base = Fen(chosen.value / 100 * 100)
                amount = Fen(base!.value * 20 * Int64(months) / 100)
            } else {
                amount = rng.weighted(Profile.residentTiers)
            }
            if let earlier = previous, total + amount > Self.limit {
                var reversal = earlier
                reversal.ticketNo = ticket
                reversal.paid.amount = -earlier.paid.amount
                reversal.reverses = earlier.ticketNo
                total += reversal.paid.amount
                previous = nil
                body(reversal)
                continue
            }
            let person = ids.person(i, rng: &rng)
            let paidOn = options.date - rng.below(3)
            let receipt = GenReceipt(ticketNo: ticket, idNumber: person.idNumber, name: person.name,
                                     insuranceType: options.profile.insuranceType,
                                     paid: GenContribution(periodFrom: YearMonth(year: amountYear, month: 1)!,
                                                           periodTo: YearMonth(year: amountYear, month: options.profile.isGanzhou ? months : 12)!,
                                                           base: base, amount: amount),
                                     paidOn: paidOn, loan: false, fileDate: options.date)
            total += amount
            previous = receipt
            body(receipt)
        }
    }
}
