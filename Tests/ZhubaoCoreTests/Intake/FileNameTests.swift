import Testing
@testable import ZhubaoCore

@Suite struct FileNameTests {
    @Test(arguments: [
        ("TAX_RCPT_360700_20260115_001.xml.gz", "TAX", InputKind.receipts, true),
        ("TAX_RCPT_360700_20260115_002.xml", "TAX", .receipts, false),
        ("SI_PART_360700_20260107_001.xml", "SI", .participants, false),
        ("MZ_HARD_360700_20260131_001.csv", "MZ", .hardship, false),
        ("XC_HARD_340700_20260131_001.csv.gz", "XC", .hardship, true),
        ("JY_HARD_360700_20260131_999.csv", "JY", .hardship, false),
        ("B105_DEDU_360700_20260110_002.txt", "B105", .deductions, false),
        ("B313_DISB_360700_20260115_001.txt", "B313", .disbursements, false),
        ("B105_CLAIM_360700_20270112_001.txt.gz", "B105", .claims, true),
    ])
    func parsesValidNames(name: String, sender: String, kind: InputKind, gzip: Bool) throws {
        let parsed = try FileName.parse(name).get()
        #expect(parsed.sender.description == sender)
        #expect(parsed.kind == kind)
        #expect(parsed.gzip == gzip)
        #expect(parsed.raw == name)
    }

    @Test func readsEveryPart() throws {
        let parsed = try FileName.parse("B105_DEDU_360700_20260110_002.txt").get()
        #expect(parsed.sender.bankCode == "105")
        #expect(parsed.region == "360700")
        #expect(parsed.businessDate == Day(year: 2026, month: 1, day: 10))
        #expect(parsed.seq == 2)
    }

    @Test(arguments: [
        ("TAX_RCPT_360700_20260115_001", "扩展名"),            // no extension
        ("TAX_RCPT_360700_20260115.xml", "5 段"),              // a part missing
        ("TAX_RCPT_360700_20260115_001_x.xml", "5 段"),        // a part too many
        ("ABC_RCPT_360700_20260115_001.xml", "发送方"),         // unknown sender
        ("B10_DISB_360700_20260115_001.txt", "发送方"),         // bank code of 2 digits
        ("B1050_DISB_360700_20260115_001.txt", "发送方"),       // bank code of 4 digits
        ("BABC_DISB_360700_20260115_001.txt", "发送方"),        // bank code not digits
        ("tax_RCPT_360700_20260115_001.xml", "发送方"),         // lower case
        ("TAX_RECEIPT_360700_20260115_001.xml", "文件类型"),     // unknown kind
        ("TAX_PART_360700_20260115_001.xml", "不能发送"),        // kind of another sender
        ("MZ_DISB_360700_20260115_001.txt", "不能发送"),
        ("B105_HARD_360700_20260115_001.csv", "不能发送"),
        ("SI_RCPT_360700_20260115_001.xml", "不能发送"),
        ("TAX_RCPT_36070_20260115_001.xml", "地区代码"),         // region of 5 digits
        ("TAX_RCPT_36070A_20260115_001.xml", "地区代码"),
        ("TAX_RCPT_360700_20260230_001.xml", "业务日期"),        // 30 February
        ("TAX_RCPT_360700_2026011_001.xml", "业务日期"),
        ("TAX_RCPT_360700_20260115_000.xml", "序号"),           // SEQ starts at 001
        ("TAX_RCPT_360700_20260115_01.xml", "序号"),
        ("TAX_RCPT_360700_20260115_0001.xml", "序号"),
        ("TAX_RCPT_360700_20260115_001.csv", "扩展名"),          // wrong extension for the kind
        ("MZ_HARD_360700_20260115_001.xml", "扩展名"),
        ("B105_DISB_360700_20260115_001.TXT", "扩展名"),
        ("B105_DISB_360700_20260115_001.txt.zip", "扩展名"),
        ("B105_DISB_360700_20260115_001.gz", "扩展名"),          // .gz with no inner extension
    ])
    func rejectsInvalidNames(name: String, reasonMentions: String) {
        switch FileName.parse(name) {
        case .success: Issue.record("\(name) should not parse")
        case .failure(let error): #expect(error.reason.contains(reasonMentions), "\(name): \(error.reason)")
        }
    }

    @Test(arguments: ["x.part", "TAX_RCPT_360700_20260115_001.xml.part", "a.tmp", ".hidden", ".TAX_RCPT_360700_20260115_001.xml"])
    func ignoresNamesStillBeingWritten(_ name: String) {
        #expect(FileName.isIgnored(name))
    }

    @Test func doesNotIgnoreCompleteNames() {
        #expect(!FileName.isIgnored("TAX_RCPT_360700_20260115_001.xml"))
        #expect(!FileName.isIgnored("notes.txt"))
    }
}
