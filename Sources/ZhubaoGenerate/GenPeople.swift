import ZhubaoCore

/// A generated person: identity and the codes that belong to it.
struct GenPerson: Sendable {
    var idNumber: String
    var name: String
    var male: Bool
    var birth: Day
    /// The county in the ID number (possibly superseded) and the one in force.
    var idCounty: String
    var county: String
}

/// Makes unique, valid ID numbers (GB 11643-1999) and bank card numbers.
struct GenPeople {
    let city: GenCity
    private(set) var used: Set<String> = []

    init(city: GenCity) { self.city = city }

    mutating func person(born birth: Day, male: Bool, rng: inout GenRandom) -> GenPerson {
        var idCounty = rng.weighted(city.counties)
        var county = idCounty
        if let superseded = city.profile.supersededCounties.first(where: { $0.current == idCounty }),
           birth.year < 2000, rng.chance(700) {
            idCounty = superseded.old
            county = superseded.current
        }
        let id = idNumber(county: idCounty, birth: birth, male: male, rng: &rng)
        let name = GenNames.name(male: male, hakka: city.profile.hakkaFamilies, rng: &rng)
        return GenPerson(idNumber: id, name: name, male: male, birth: birth, idCounty: idCounty, county: county)
    }

    /// County + birth date + a 3-digit sequence (odd for men, even for women) + check character.
    mutating func idNumber(county: String, birth: Day, male: Bool, rng: inout GenRandom) -> String {
        var sequence = rng.below(499) * 2 + (male ? 1 : 2)
        while true {
            let seq = String(sequence)
            let first17 = county + birth.compact + String(repeating: "0", count: 3 - seq.count) + seq
            let id = first17 + String(IDNumber.checkCharacter(for: first17)!)
            if used.insert(id).inserted { return id }
            sequence = (sequence + 2) % 1000
            if sequence == 0 { sequence = 2 }
        }
    }

    /// The same number with a wrong check character (E003).
    static func corrupted(_ id: String) -> String {
        let expected = IDNumber.checkCharacter(for: id.prefix(17))!
        let options: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]
        let index = options.firstIndex(of: expected)!
        return String(id.prefix(17)) + String(options[(index + 3) % options.count])
    }

    /// A 19-digit bank card number with a Luhn check digit; the prefix is the bank's BIN.
    static func cardNumber(bank: String, rng: inout GenRandom) -> String {
        let bins = ["102": "622202", "103": "622848", "104": "621661", "105": "621700",
                    "301": "622260", "302": "621771", "313": "623058", "314": "621449",
                    "403": "621799", "305": "622622", "308": "621483", "309": "622909"]
        var digits = Array(bins[bank] ?? "621000").map { Int($0.asciiValue! - 48) }
        while digits.count < 18 { digits.append(rng.below(10)) }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 0 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        digits.append((10 - sum % 10) % 10)
        return digits.map(String.init).joined()
    }
}
