import Foundation
import GRDB
import Testing
@testable import ZhubaoCore

/// SI_PART documents for the tests: a header on lines 3–8, then one participant per line from 10.
enum PartXML {
    static let name = "SI_PART_360700_20260107_001.xml"
    static let tonglingName = "SI_PART_340700_20260210_001.xml"

    /// A valid ID number born on `birth` (YYYYMMDD) in `area`.
    static func id(_ area: String, _ birth: String, _ serial: String = "123") -> String {
        let first17 = area + birth + serial
        return first17 + String(IDNumber.checkCharacter(for: first17)!)
    }

    static func participant(id: String = "360702196703150030", name: String = "刘建国", insurance: String = "110",
                            county: String = "360702", birth: String = "1967-03-15", loan: String? = standardLoan,
                            more: String = "") -> String {
        "<Participant><IdNumber>\(id)</IdNumber><Name>\(name)</Name><Gender>1</Gender><BirthDate>\(birth)</BirthDate>"
            + "<InsuranceType>\(insurance)</InsuranceType><County>\(county)</County><RetirementDate>2027-06-15</RetirementDate>"
            + "<ContributionMonths>148</ContributionMonths><SscAccount>6217002030001234567</SscAccount>"
            + (loan.map { "<Loan>\($0)</Loan>" } ?? "") + more + "</Participant>"
    }

    static let standardLoan = "<ApprovalNo>ZB3607022026000017</ApprovalNo><ApprovedOn>2026-01-06</ApprovedOn><Mode>ANNUAL</Mode>"
        + "<BankCode>105</BankCode><ContractNo>GZ105-2026-000017</ContractNo>"

    static func document(_ participants: [String], count: Int? = nil, region: String = "360700", asOf: String = "2026-01-07",
                         namespace: String = "urn:zhubao:participant:1") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ParticipantRegister xmlns="\(namespace)" version="1.0">
          <Header>
            <ExtractNo>SI3607002026010700001</ExtractNo>
            <Region>\(region)</Region>
            <AsOf>\(asOf)</AsOf>
            <RecordCount>\(count ?? participants.count)</RecordCount>
          </Header>
          <Participants>
        \(participants.map { "    " + $0 }.joined(separator: "\n"))
          </Participants>
        </ParticipantRegister>

        """
    }
}

@Suite struct ParticipantImportTests {
    static let first = "/ParticipantRegister/Participants/Participant[1]"

    @Test func importsTheSampleWithItsStoredValues() throws {
        let name = "SI_PART_360700_20260107_001.xml"
        let (outcome, rows) = try ImportProbe().importFile(name, bytes: try SampleFiles.bytes(name), as: ParticipantRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(outcome.diagnostics.items.isEmpty && outcome.recordCount == 3)
        #expect(rows.map(\.name) == ["刘建国", "钟淑堃", "赖福生"])
        #expect(rows.map(\.source) == (1...3).map { "\(name):/ParticipantRegister/Participants/Participant[\($0)]" })
        #expect(rows.allSatisfy { $0.asOf.iso == "2026-01-07" && $0.idValid && $0.insuranceType == .employees })
        let liu = rows[0]
        #expect(liu.contractNo == "GZ105-2026-000017" && liu.approvalNo == "ZB3607022026000017" && liu.approvedOn?.iso == "2026-01-06")
        #expect(liu.loanMode == .annual && liu.loanBankCode == "105" && liu.basicPensionConsent == false)
        #expect(liu.gender == .male && liu.birthDate.iso == "1967-03-15" && liu.county == "360702")
        #expect(liu.retirementDate.iso == "2027-06-15" && liu.contributionMonths == 148 && liu.sscAccount == "6217002030001234567")
        #expect(liu.pensionStartMonth == nil && liu.pensionMonthly == nil && liu.deathDate == nil && liu.personalAccountBalance == nil)
        #expect(rows[1].loanMode == .lump && rows[1].contractNo == "GZ103-2026-000003")
        let lai = rows[2]
        #expect(lai.pensionStartMonth?.iso == "2026-04" && lai.pensionMonthly == Fen(138_650) && lai.pensionBasic == .zero)
        #expect(lai.contractNo == "GZ105-2024-000041" && lai.retirementDate.iso == "2026-03-07")
    }

    @Test func storesATonglingResidentWithConsentAndTwoCoBorrowers() throws {
        let id = PartXML.id("340702", "19600305")
        let child = PartXML.id("340702", "19880101"), guarantor = "340702197001010000"  // not checked: stored as sent
        let loan = "<ApprovalNo>TL1</ApprovalNo><ApprovedOn>2026-02-01</ApprovedOn><Mode>LUMP</Mode><BankCode>313</BankCode>"
            + "<ContractNo>TL313-2026-000001</ContractNo><BasicPensionConsent>true</BasicPensionConsent>"
            + "<CoBorrower><IdNumber>\(child)</IdNumber><Name>王小红</Name><Relation>CHILD</Relation></CoBorrower>"
            + "<CoBorrower><Relation>GUARANTOR</Relation><Name>李四</Name><IdNumber>\(guarantor)</IdNumber></CoBorrower>"
        let more = "<Pension><StartMonth>2026-03</StartMonth><Monthly>260.00</Monthly><Basic>203.00</Basic></Pension>"
            + "<PersonalAccountBalance>5123.45</PersonalAccountBalance>"
        let text = PartXML.document([PartXML.participant(id: id, name: "王秀英", insurance: "170", county: "340702",
                                                          birth: "1960-03-05", loan: loan, more: more)],
                                    region: "340700", asOf: "2026-02-10")
        let (outcome, rows, coRows) = try Self.importWithCoBorrowers(PartXML.tonglingName, bytes: Array(text.utf8),
                                                                     probe: try ImportProbe(profile: .tongling2022))
        #expect(!outcome.rejects && outcome.diagnostics.items.isEmpty, "\(outcome.reason)")
        let row = try #require(rows.first)
        #expect(row.name == "王秀英" && row.asOf.iso == "2026-02-10" && row.idValid)
        #expect(row.basicPensionConsent == true && row.insuranceType == .residents && row.loanBankCode == "313")
        #expect(row.pensionMonthly == Fen(26_000) && row.pensionBasic == Fen(20_300) && row.personalAccountBalance == Fen(512_345))
        #expect(coRows.map(\.idNumber) == [child, guarantor])
        #expect(coRows.map(\.name) == ["王小红", "李四"] && coRows.map(\.relation) == [.child, .guarantor])
        #expect(coRows.allSatisfy { $0.participantId == row.id })
    }

    /// Participants without co-borrowers take the bulk path, one with co-borrowers goes with
    /// them where the rows go: the rows keep the file's order and the co-borrower its participant.
    @Test func aParticipantWithCoBorrowersBetweenOthersKeepsTheFilesOrder() throws {
        let loan = { (n: Int, co: String) in
            "<ApprovalNo>TL\(n)</ApprovalNo><ApprovedOn>2026-02-01</ApprovedOn><Mode>LUMP</Mode><BankCode>313</BankCode>"
                + "<ContractNo>TL313-2026-00000\(n)</ContractNo><BasicPensionConsent>true</BasicPensionConsent>" + co
        }
        let child = PartXML.id("340702", "19880101")
        let co = "<CoBorrower><IdNumber>\(child)</IdNumber><Name>王小红</Name><Relation>CHILD</Relation></CoBorrower>"
        let people = [(1, "19600305", ""), (2, "19610406", co), (3, "19620507", "")].map { n, birth, co in
            PartXML.participant(id: PartXML.id("340702", birth), name: "王\(n)", insurance: "170", county: "340702",
                                birth: "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))", loan: loan(n, co))
        }
        let text = PartXML.document(people, region: "340700", asOf: "2026-02-10")
        let (outcome, rows, coRows) = try Self.importWithCoBorrowers(PartXML.tonglingName, bytes: Array(text.utf8),
                                                                     probe: try ImportProbe(profile: .tongling2022))
        #expect(!outcome.rejects, "\(outcome.reason)")
        let ordered = rows.sorted { $0.id! < $1.id! }
        #expect(ordered.map(\.name) == ["王1", "王2", "王3"])
        #expect(coRows.map(\.participantId) == [ordered[1].id!] && coRows.map(\.idNumber) == [child])
    }

    /// Imports into one in-memory store and reads back the participants and the co-borrowers.
    static func importWithCoBorrowers(_ name: String, bytes: [UInt8], probe: ImportProbe) throws
        -> (ImportOutcome, [ParticipantRecord], [CoBorrowerRecord]) {
        let (outcome, store) = try probe.importIntoStore(name, bytes: bytes, receivedOn: "2026-02-10")
        let (people, coBorrowers) = try store.database.read { db in
            (try ParticipantRecord.fetchAll(db), try CoBorrowerRecord.fetchAll(db))
        }
        return (outcome, people, coBorrowers)
    }

    @Test func anAsOfOtherThanTheNamesDateIsAcceptedAndConsentDefaultsToFalse() throws {
        let text = PartXML.document([PartXML.participant(), PartXML.participant(id: PartXML.id("360702", "19700101"), loan: nil)],
                                    asOf: "2026-01-05")
        let (outcome, rows) = try ImportProbe().importFile(PartXML.name, bytes: Array(text.utf8), as: ParticipantRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.map(\.asOf.iso) == ["2026-01-05", "2026-01-05"])
        #expect(rows[0].basicPensionConsent == false && rows[1].basicPensionConsent == nil && rows[1].contractNo == nil)
    }

    /// Each E001 reason of the register, with the element and line it names (participant k on line 9 + k).
    @Test(arguments: [
        (PartXML.document([PartXML.participant()], count: 2), "记录数 2 与 Participant 元素个数 1 不符", "/ParticipantRegister/Header/RecordCount", 7),
        (PartXML.document([PartXML.participant()], region: "360800"), "Header/Region“360800”与文件名中的地区代码“360700”不一致", "/ParticipantRegister/Header/Region", 5),
        (PartXML.document([PartXML.participant()], asOf: "2026-02-30"), "日期“2026-02-30”不是有效的 YYYY-MM-DD 日期", "/ParticipantRegister/Header/AsOf", 6),
        (PartXML.document([PartXML.participant()], namespace: "urn:zhubao:tax-receipt:1"), "根元素的命名空间应为“urn:zhubao:participant:1”", "/ParticipantRegister", 2),
        (PartXML.document([PartXML.participant(birth: "1967-02-29")]), "日期“1967-02-29”不是有效的 YYYY-MM-DD 日期", first + "/BirthDate", 10),
        (PartXML.document([PartXML.participant(loan: PartXML.standardLoan.replacingOccurrences(of: "<ContractNo>GZ105-2026-000017</ContractNo>", with: ""))]),
         "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:participant:1}Loan': Missing child element(s).", first + "/Loan", 10),
        (PartXML.document([PartXML.participant(loan: PartXML.standardLoan + "<CoBorrower><IdNumber/><Name>甲</Name><Relation>SPOUSE</Relation></CoBorrower>")]),
         "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:participant:1}Relation': [facet 'enumeration'] The value 'SPOUSE'", first + "/Loan/CoBorrower[1]/Relation", 10),
        (PartXML.document([PartXML.participant(more: "<Pension><StartMonth>2026-04</StartMonth><Monthly>1386.5</Monthly></Pension>")]),
         "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:participant:1}Monthly'", first + "/Pension/Monthly", 10),
        (PartXML.document([PartXML.participant(more: "<DeathDate>2026-13-01</DeathDate>")]), "日期“2026-13-01”不是有效的 YYYY-MM-DD 日期", first + "/DeathDate", 10),
        (PartXML.document([PartXML.participant(), "<Participant/>"]), "不符合 XML 架构，拒收（libxml2：Element '{urn:zhubao:participant:1}Participant': Missing child element(s).",
         "/ParticipantRegister/Participants/Participant[2]", 11),
    ] as [(String, String, String?, Int)])
    func rejectsWithTheReasonAndPlace(text: String, message: String, xpath: String?, line: Int) throws {
        let report = try ImportProbe().validate(PartXML.name, bytes: Array(text.utf8))
        #expect(report.rejected)
        #expect(report.hasError(message, xpath: xpath, line: line), "\(report.errors.map { "\($0.location) \($0.location.line ?? 0) \($0.message)" })")
    }

    @Test func keepsAParticipantWithAnInvalidIDAndWarnsE003() throws {
        let text = PartXML.document([PartXML.participant(id: "36070219670315003x")])
        let (outcome, rows) = try ImportProbe().importFile(PartXML.name, bytes: Array(text.utf8), as: ParticipantRecord.self)
        #expect(!outcome.rejects)
        #expect(rows.count == 1 && rows[0].idValid == false && rows[0].idNumber == "36070219670315003X")
        #expect(outcome.diagnostics.items.map(\.code) == [.e003])
        #expect(outcome.diagnostics.items.first?.location.xpath == Self.first + "/IdNumber")
    }

    @Test func aRejectedRegisterStoresNeitherParticipantsNorCoBorrowers() throws {
        let loan = PartXML.standardLoan + "<CoBorrower><IdNumber>x</IdNumber><Name>甲</Name><Relation>CHILD</Relation></CoBorrower>"
        let text = PartXML.document([PartXML.participant(loan: loan)], count: 5)
        let (outcome, people, coBorrowers) = try Self.importWithCoBorrowers(PartXML.name, bytes: Array(text.utf8), probe: try ImportProbe())
        #expect(outcome.rejects && people.isEmpty && coBorrowers.isEmpty)
    }
}

/// Regression (review of the third session): ContributionMonths is an `xs:nonNegativeInteger`,
/// so `+148`, `0000000148` and ` 148 ` are valid and mean 148 — they were rejected as not a
/// non-negative integer. A spelling the XSD refuses is still refused.
@Suite struct ContributionMonthsSpellingTests {
    @Test(arguments: [("+148", 148), ("0000000148", 148), (" 148\n", 148), ("-0", 0), ("0", 0)])
    func readsEverySpellingTheXSDAccepts(_ spelling: String, _ months: Int) throws {
        let text = PartXML.document([PartXML.participant()])
            .replacingOccurrences(of: "<ContributionMonths>148<", with: "<ContributionMonths>\(spelling)<")
        let (outcome, rows) = try ImportProbe().importFile(PartXML.name, bytes: Array(text.utf8), as: ParticipantRecord.self)
        #expect(!outcome.rejects, "\(outcome.reason)")
        #expect(rows.map(\.contributionMonths) == [months])
    }

    @Test(arguments: ["-1", "1.0", "&#xA0;148", "1234567890"])
    func refusesWhatTheXSDOrTheRangeRefuses(_ spelling: String) throws {
        let text = PartXML.document([PartXML.participant()])
            .replacingOccurrences(of: "<ContributionMonths>148<", with: "<ContributionMonths>\(spelling)<")
        let report = try ImportProbe().validate(PartXML.name, bytes: Array(text.utf8))
        #expect(!report.errors.isEmpty)
    }
}

/// `XSDInteger`: the spellings of `xs:nonNegativeInteger` libxml2 accepts, read as numbers.
@Suite struct XSDIntegerTests {
    @Test func readsTheNumberOfEachSpelling() {
        #expect(XSDInteger.nonNegative("+007") == "7")
        #expect(XSDInteger.nonNegative(" \t3\r\n") == "3")
        #expect(XSDInteger.nonNegative("-0") == "0" && XSDInteger.nonNegative("-000") == "0")
        #expect(XSDInteger.nonNegative("000") == "0")
        #expect(XSDInteger.nonNegative(String(repeating: "9", count: 24)) == String(repeating: "9", count: 24))
        #expect(XSDInteger.nonNegative("000" + String(repeating: "9", count: 24)) == String(repeating: "9", count: 24))
    }

    @Test(arguments: ["", " ", "+", "-1", "1 2", "1.0", "\u{A0}3", "3\u{3000}", "0x10", String(repeating: "1", count: 25)])
    func refusesWhatTheXSDRefuses(_ text: String) {
        #expect(XSDInteger.nonNegative(text) == nil)
    }
}
