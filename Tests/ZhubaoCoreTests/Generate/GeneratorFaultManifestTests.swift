import Foundation
import Testing
@testable import ZhubaoCore
@testable import ZhubaoGenerate

@Suite struct GeneratorFaultManifestTests {
    @Test(arguments: [0, 1]) func everyApplicableFaultIsInjectedAndListed(_ index: Int) throws {
        let set = [GenFixture.ganzhou, GenFixture.tongling][index]
        let profile: GeneratorProfile = index == 0 ? .ganzhou2021 : .tongling2022
        let manifest = set.report.manifest
        #expect(manifest.unplaced.isEmpty)
        let listed = Swift.Set(manifest.faults.map(\.fault))
        for fault in GenFault.allCases where fault.applies(to: profile) {
            #expect(listed.contains(fault.rawValue), "\(fault.rawValue) missing")
            let codes = Swift.Set(manifest.faults.filter { $0.fault == fault.rawValue }.map(\.code))
            #expect(codes == Swift.Set(fault.codes), "\(fault.rawValue): \(codes)")
        }
        #expect(!listed.contains(where: { GenFault(rawValue: $0)?.applies(to: profile) == false }))
        // The manifest on disk is the report's.
        let data = try Data(contentsOf: set.directory.appendingPathComponent(CityGenerator.manifestName))
        let onDisk = try JSONDecoder().decode(FaultManifest.self, from: data)
        #expect(onDisk.faults == manifest.faults && onDisk.asOf == manifest.asOf)
    }

    @Test(arguments: [0, 1]) func entriesNameExistingFilesAndSubjects(_ index: Int) throws {
        let set = [GenFixture.ganzhou, GenFixture.tongling][index]
        let names = Swift.Set(GenTestFiles.names(set))
        for entry in set.report.manifest.faults {
            #expect(names.contains(entry.file), "\(entry.code) names \(entry.file)")
            let url = set.directory.appendingPathComponent(entry.file)
            switch entry.code {
            case .e001:
                #expect(set.report.files.first { $0.name == entry.file }?.fault == entry.fault)
            case .e003:
                let id = try #require(entry.idNumber)
                #expect(!IDNumber.isValid(id))
                #expect(try GenTestFiles.text(url).contains(id))
            case .e004:
                let key = try #require(entry.ticketNo ?? entry.txnNo ?? entry.loanNo ?? entry.idNumber)
                let here = try GenTestFiles.text(url).components(separatedBy: key).count - 1
                let kind = try FileName.parse(entry.file).get().kind
                let earlier = try set.report.files.filter { $0.fault == nil && $0.kind == kind.rawValue && $0.name < entry.file }
                    .reduce(0) { $0 + (try GenTestFiles.text(set.directory.appendingPathComponent($1.name)).components(separatedBy: key).count - 1) }
                #expect(here + earlier >= 2, "\(key) is not repeated")
            default:
                let subject = entry.loanNo ?? entry.ticketNo ?? entry.txnNo ?? entry.idNumber
                #expect(try subject.map { try GenTestFiles.text(url).contains($0) } ?? false, "\(entry.code) \(entry.file)")
            }
        }
    }

    @Test func withoutFaultsTheManifestIsEmpty() throws {
        let directory = GenFixture.temporaryDirectory("clean")
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = GeneratorOptions(profile: .tongling2022, borrowers: 20, from: Day(iso: "2023-01-01"), to: Day(iso: "2023-06-30"),
                                       gzip: .none, variety: false)
        let report = try CityGenerator(options: options).write(to: directory)
        #expect(report.manifest.faults.isEmpty && report.manifest.unplaced.isEmpty)
        #expect(report.files.allSatisfy { !$0.name.hasSuffix(".gz") && $0.fault == nil })
    }
}
