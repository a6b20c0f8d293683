import Foundation
import ZhubaoCore

/// The text changes that make a file break its contract (formats.md "Integrity", "Layout").
extension GenWorld {
    func corrupt(_ text: inout GenFileText, _ fault: GenFault, key: GenFileKey, format: inout GenFormat,
                 rng: inout GenRandom) {
        var lines = text.lines
        let bank = key.kind.isBankFile
        let details = bank ? Array(1..<(lines.count - 1)) : []
        func replaceFirst(_ old: String, _ new: String) {
            if let i = lines.firstIndex(where: { $0.contains(old) }) {
                lines[i] = lines[i].genReplacingFirst(old, with: new)
            }
        }
        func bankFields(_ i: Int, _ change: (inout [String]) -> Void) {
            var fields = lines[i].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            change(&fields)
            lines[i] = fields.joined(separator: "|")
        }
        let amountField = key.kind == .disbursements ? 6 : key.kind == .deductions ? 8 : 11
        let nameField = key.kind == .deductions ? 5 : 4
        switch fault {
        case .regionMismatch:
            if bank { bankFields(0) { $0[2] = profile.foreignRegion } }
            else { replaceFirst("<Region>\(profile.defaultRegion)</Region>", "<Region>\(profile.foreignRegion)</Region>") }
        case .wrongCount:
            if bank { bankFields(lines.count - 1) { $0[1] = String(Int($0[1])! + 1) } }
            else if let i = lines.firstIndex(where: { $0.contains("<RecordCount>") }) {
                let count = text.records
                lines[i] = lines[i].genReplacingFirst("<RecordCount>\(count)<", with: "<RecordCount>\(count + 1)<")
            }
        case .wrongTotal:
            if bank { bankFields(lines.count - 1) { $0[2] = (Fen(yuan: $0[2])! + Fen(100)).yuan } }
            else if let i = lines.firstIndex(where: { $0.contains("<TotalAmount>") }) {
                let value = lines[i].genBetween("<TotalAmount>", "</TotalAmount>")
                lines[i] = lines[i].genReplacingFirst(value, with: (Fen(yuan: value)! + Fen(100)).yuan)
            }
        case .threeDecimals:
            if bank { bankFields(details[0]) { $0[amountField] += "0" } }
            else if let i = lines.firstIndex(where: { $0.contains("<Amount>") }) {
                let value = lines[i].genBetween("<Amount>", "</Amount>")
                lines[i] = lines[i].genReplacingFirst("<Amount>\(value)<", with: "<Amount>\(value)0<")
            }
        case .invalidGB18030:
            text.marked = true
            if bank {
                bankFields(details[0]) { $0[nameField] = String($0[nameField].prefix(1)) + "\u{FFFF}" + String($0[nameField].dropFirst()) }
            } else if let i = lines.indices.dropFirst().first(where: { !lines[$0].contains("\"") }) ?? (lines.count > 1 ? 1 : nil) {
                let comma = lines[i].firstIndex(of: ",")!
                lines[i].insert("\u{FFFF}", at: lines[i].index(comma, offsetBy: 2))
            } else {
                let person = people.person(born: GenCalendar.day(1970, 5, 5), male: true, rng: &rng)
                let name = "\(person.name.prefix(1))\u{FFFF}\(person.name.dropFirst())"
                lines.append("\(person.idNumber),\(name),特困人员,\(person.county),2024-01-01,,")
            }
        case .truncatedGzip:
            format.gzip = true
            format.members = 1
        case .dataAfterTrailer:
            format.finalNewline = true
            lines.append(rng.chance(500) ? "" : lines[details[details.count - 1]])
        case .secondHeader:
            lines.insert(lines[0], at: details[0] + 1)
        case .foreignCategory:
            let department = HardshipDepartment(rawValue: key.sender)!
            let birth = GenCalendar.day(rng.int(1955, 1990), rng.int(1, 12), rng.int(1, 28))
            let person = people.person(born: birth, male: rng.chance(500), rng: &rng)
            let row = GenHardshipRow(idNumber: person.idNumber, name: person.name, category: department.foreignCategory,
                                     county: person.county, certifiedOn: key.date - rng.int(5, 200),
                                     dateStyle: department.preferredDateStyle)
            lines.insert(GenRender.hardship(row), at: min(lines.count, 1 + rng.below(max(1, lines.count - 1))))
        default: break
        }
        text.lines = lines
    }
}

extension String {
    func genReplacingFirst(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }

    func genBetween(_ start: String, _ end: String) -> String {
        guard let a = range(of: start), let b = range(of: end, range: a.upperBound..<endIndex) else { return "" }
        return String(self[a.upperBound..<b.lowerBound])
    }
}
