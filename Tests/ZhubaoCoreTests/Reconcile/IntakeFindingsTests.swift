import Foundation
import Testing
@testable import ZhubaoCore

/// E001–E003 decided once (issue 13, "one decision, one place"): the code a delivery raises is
/// `InputFileRecord.Status.exceptionCode`, which the loader's findings and the reason file in
/// `quarantine/` both give; the wording of an invalid ID number is `IDNumber.invalidReason`,
/// which the import's warning and the loader's E003 both carry.
@Suite struct IntakeFindingsTests {
    @Test func theStatusSaysTheCode() {
        #expect(InputFileRecord.Status.imported.exceptionCode == nil)
        #expect(InputFileRecord.Status.rejected.exceptionCode == .e001)
        #expect(InputFileRecord.Status.conflict.exceptionCode == .e002)
    }

    @Test func theLoaderAndTheReasonFileGiveTheSameCodes() throws {
        let ws = try TemporaryWorkspace()
        let good = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L000001")
        try ws.deliver(good.name, text: good.text)
        try ws.deliver("B105_DISB_360700_20260115_002.txt", text: "not a bank file\n")
        _ = try ws.intake(asOf: "2026-01-15")
        // The same name again with other bytes: a conflict.
        try ws.deliver(good.name, text: good.text.replacingOccurrences(of: "Liu", with: "Wang"))
        let (_, store) = try ws.intake(asOf: "2026-01-16")
        let ledger = try LedgerLoader(store: store).load(asOf: Day(iso: "2026-01-31")!, settings: ws.settings)
        let found = ledger.intakeFindings.map { "\($0.code) \($0.subject.file ?? "")" }
        #expect(found == ["E001 B105_DISB_360700_20260115_002.txt", "E002 \(good.name)"])
        let reasons = ws.files(in: ws.workspace.quarantine).filter { $0.hasSuffix(".reason.txt") }
        #expect(reasons.count == 2)
        for name in reasons {
            let text = try String(contentsOf: ws.workspace.quarantine.appendingPathComponent(name), encoding: .utf8)
            let code = name.hasPrefix("B105_DISB_360700_20260115_002") ? ExceptionCode.e001 : .e002
            #expect(text.contains("异常代码: \(code)"), "\(name): \(text)")
        }
    }

    @Test func anInvalidIDReadsTheSameAtImportAndInTheLedger() throws {
        for (id, reason) in [("360702196703150031", "身份证号校验不通过（GB 11643-1999）"), ("", "身份证号为空")] {
            let ws = try TemporaryWorkspace()
            let file = SampleFiles.disbursement(date: "20260115", seq: 1, loan: "L000001")
            let text = file.text.replacingOccurrences(of: "|360702196703150030|", with: "|\(id)|")
            try ws.deliver(file.name, text: text)
            let (intake, store) = try ws.intake(asOf: "2026-01-15")
            #expect(intake.count(.imported) == 1)
            let warning = try #require(try Validator(context: ImportContext(settings: ws.settings, schemaDirectory: SchemaLocator.directory()))
                .validate(ws.workspace.archive.appendingPathComponent("2026/01/\(file.name)")).diagnostics.first { $0.code == .e003 })
            let ledger = try LedgerLoader(store: store).load(asOf: Day(iso: "2026-01-31")!, settings: ws.settings)
            let finding = try #require(ledger.intakeFindings.first { $0.code == .e003 })
            #expect(warning.message == reason)
            #expect(finding.detail == reason)
        }
    }
}
