import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

@Suite struct GeneratedFileTests {
    static let sets = [GenFixture.ganzhou, GenFixture.tongling]

    @Test(arguments: [0, 1]) func namesParse(_ index: Int) throws {
        let set = Self.sets[index]
        let badNames = Swift.Set(set.report.files.filter { $0.fault == GenFault.badName.rawValue }.map(\.name))
        #expect(badNames.count == 1)
        for name in GenTestFiles.names(set) where name != CityGenerator.manifestName {
            switch FileName.parse(name) {
            case .success(let parsed):
                #expect(!badNames.contains(name))
                #expect(parsed.region == set.report.manifest.region)
            case .failure:
                #expect(badNames.contains(name), "\(name) does not parse")
            }
        }
    }

    @Test(arguments: [0, 1]) func bankTrailersMatchTheirDetails(_ index: Int) throws {
        let set = Self.sets[index]
        var checked = 0
        for kind in ["DISB", "DEDU", "CLAIM"] {
            for url in GenTestFiles.goodFiles(set, kind: kind) {
                let lines = GenTestFiles.lines(try GenTestFiles.text(url))
                let header = lines[0].split(separator: "|", omittingEmptySubsequences: false)
                let name = try FileName.parse(url.lastPathComponent).get()
                #expect(header.count == 7 && header[0] == "H" && header[6] == "1.0")
                #expect(header[1] == name.sender.bankCode! && header[2] == name.region && header[3] == kind)
                #expect(header[4] == name.businessDate.compact)
                let trailer = lines[lines.count - 1].split(separator: "|").map(String.init)
                let details = lines.dropFirst().dropLast().map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
                #expect(details.allSatisfy { $0[0] == "D" && $0.count == (kind == "DISB" ? 14 : kind == "DEDU" ? 16 : 12) })
                let total = details.reduce(Int64(0)) { sum, d in
                    switch kind {
                    case "DISB": return sum + Fen(yuan: d[6])!.value
                    case "DEDU": return sum + Fen(yuan: d[9])!.value + Fen(yuan: d[10])!.value
                    default: return sum + Fen(yuan: d[11])!.value
                    }
                }
                #expect(trailer[0] == "T" && Int(trailer[1]) == details.count && Fen(yuan: trailer[2])?.value == total,
                        "\(url.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    @Test(arguments: [0, 1]) func xmlHeadersMatchTheirRecords(_ index: Int) throws {
        let set = Self.sets[index]
        for url in GenTestFiles.goodFiles(set, kind: "RCPT") {
            let text = try GenTestFiles.text(url)
            let amounts = GenTestFiles.values("Amount", in: text).map { Fen(yuan: $0)!.value }
            #expect(GenTestFiles.values("RecordCount", in: text) == [String(amounts.count)])
            #expect(GenTestFiles.values("TotalAmount", in: text).map { Fen(yuan: $0)!.value } == [amounts.reduce(0, +)])
            #expect(GenTestFiles.values("Region", in: text) == [set.report.manifest.region])
            #expect(GenTestFiles.values("TicketNo", in: text).allSatisfy { $0.count == 18 })
        }
        for url in GenTestFiles.goodFiles(set, kind: "PART") {
            let text = try GenTestFiles.text(url)
            let count = text.components(separatedBy: "<Participant>").count - 1
            #expect(GenTestFiles.values("RecordCount", in: text) == [String(count)])
        }
    }

    @Test(arguments: [0, 1]) func registerIdentitiesAreValidAndConsistent(_ index: Int) throws {
        let set = Self.sets[index]
        let tongling = index == 1
        var people = 0
        for url in GenTestFiles.goodFiles(set, kind: "PART") {
            for record in try GenTestFiles.text(url).components(separatedBy: "<Participant>").dropFirst() {
                let id = GenTestFiles.values("IdNumber", in: record)[0]
                let birth = Day(iso: GenTestFiles.values("BirthDate", in: record)[0])!
                let retirement = Day(iso: GenTestFiles.values("RetirementDate", in: record)[0])!
                let gender = GenTestFiles.values("Gender", in: record)[0]
                #expect(IDNumber.isValid(id), "\(id)")
                #expect(IDNumber.birthDate(id) == birth)
                let sequence = Int(id.dropFirst(14).prefix(3))!
                #expect((sequence % 2 == 1) == (gender == "1"), "\(id) gender \(gender)")
                #expect(id.last != "x")
                if tongling {
                    #expect(retirement == birth.adding(years: 60))
                } else {
                    let months = (retirement.year - birth.year) * 12 + retirement.month.month - birth.month.month
                    #expect((gender == "1" ? 720...756 : 660...696).contains(months), "\(id) retires at \(months) months")
                }
                people += 1
            }
        }
        #expect(people > 40)
    }

    @Test func hardshipFilesAreFullSnapshotsWithTheHeader() throws {
        let set = GenFixture.ganzhou
        let expectedInvalid = Swift.Set(set.report.manifest.faults.filter { $0.code == .e003 }.compactMap(\.idNumber))
        var rows = 0
        for url in GenTestFiles.goodFiles(set, kind: "HARD") {
            let lines = GenTestFiles.lines(try GenTestFiles.text(url))
            #expect(lines[0] == "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因")
            for line in lines.dropFirst() {
                let id = String(line.prefix(18))
                #expect(IDNumber.isValid(id) || expectedInvalid.contains(id), "\(url.lastPathComponent): \(line)")
                let date = line.contains("\"") ? nil : line.split(separator: ",", omittingEmptySubsequences: false)[4]
                if let date { #expect(Day(spreadsheet: date) != nil) }
                rows += 1
            }
        }
        #expect(rows > 500)
    }
}
