import Testing
@testable import ZhubaoCore

@Suite struct NoteMaskingTests {
    let masking = NoteMasking(names: ["刘建国", "欧阳建国", "王五"])

    @Test func namesAndIDNumbersTypedIntoANoteAreMasked() {
        #expect(masking.mask("已电话联系刘建国（360702196703150030），本人确认") == "已电话联系刘*国（360702********0030），本人确认")
        // Checked or not: a mistyped check digit is still an ID number to a reader.
        #expect(masking.mask("身份证 360702196703150031") == "身份证 360702********0031")
        #expect(masking.mask("欧阳建国与王五") == "欧**国与王*")
        #expect(masking.mask("账户 6222020200112233445 已冻结") == "账户 ***************3445 已冻结")
        #expect(masking.mask("15位老证 360702670315003") == "15位老证 360702*****5003")
    }

    @Test func otherTextIsLeftAlone() {
        #expect(masking.mask("合同 GZ105-2026-000017 已于 2027-01-21 更正，金额 260.44") == "合同 GZ105-2026-000017 已于 2027-01-21 更正，金额 260.44")
    }
}
