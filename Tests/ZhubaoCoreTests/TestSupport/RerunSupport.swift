import Foundation
@testable import ZhubaoCore
@testable import ZhubaoGenerate

extension Workspace {
    /// Every file of every daily folder, by "date/name".
    func dailyOutputs() throws -> [String: Data] {
        let daily = root.appendingPathComponent("out/daily")
        var bytes: [String: Data] = [:]
        for day in try FileManager.default.contentsOfDirectory(atPath: daily.path) {
            let folder = daily.appendingPathComponent(day)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                bytes["\(day)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
        }
        return bytes
    }
}

extension TemporaryWorkspace {
    /// Delivers a generated ganzhou city with every fault and its edge cases (`borrowers`, the
    /// dates of 2026 from `from` to `to`), and beside it a drawdown LTEST1 lent on 2026-02-10 and
    /// cancelled on 2026-05-12, and a receipt TTEST1 paid on 2026-02-10 and reversed on 2026-06-15.
    func deliverCityWithLateChanges(borrowers: Int, from: String, to: String) throws {
        let staging = root.appendingPathComponent("generated")
        let options = GeneratorOptions(profile: .ganzhou2021, borrowers: borrowers, from: Day(iso: from)!,
                                       to: Day(iso: to)!, faults: .all, edgeCases: true)
        let report = try CityGenerator(options: options).write(to: staging)
        for file in report.files {
            try FileManager.default.moveItem(at: staging.appendingPathComponent(file.name),
                                             to: workspace.inbox.appendingPathComponent(file.name))
        }
        for (date, status) in [("20260210", "N"), ("20260512", "C")] {
            try deliver("B105_DISB_360700_\(date)_009.txt", try ImportProbe.gb18030("""
                H|105|360700|DISB|\(date)|B9|1.0
                D|LTEST1|CTEST1|360702196703150030|刘建国|A|8904.00|3.0000|20260210|20270209|202602|202701|ACC|\(status)
                T|1|8904.00

                """))
        }
        try deliver("TAX_RCPT_360700_20260210_009.xml", text: TaxXML.document(
            [TaxXML.receipt(ticket: "TTEST1", contract: "CTEST1")], date: "2026-02-10"))
        try deliver("TAX_RCPT_360700_20260615_009.xml", text: TaxXML.document(
            [TaxXML.receipt(ticket: "TTEST2", amount: "-8904.00", contract: "CTEST1", status: "REVERSAL", reverses: "TTEST1")],
            date: "2026-06-15"))
    }

    /// The header of a hardship list (formats.md §3).
    static let hardshipHeader = "身份证号,姓名,人员类别,行政区划,认定日期,终止日期,终止原因"

    /// The borrower of LTEST1 certified on 1 March, the certification revoked on 2 May.
    func deliverCertificationOfLTEST1() throws {
        for (date, end) in [("20260301", ","), ("20260502", "2026-05-02,撤销")] {
            try deliver("MZ_HARD_360700_\(date)_009.csv", try ImportProbe.gb18030(
                "\(Self.hardshipHeader)\r\n360702196703150030,刘建国,最低生活保障对象,360702,2024-03-01,\(end)\r\n"))
        }
    }
}
