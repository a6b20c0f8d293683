import Testing
@testable import ZhubaoCore

@Suite struct MoneyTests {
    @Test func parsesTwoDecimalYuanExactly() {
        #expect(Fen(yuan: "4800.00")?.value == 480_000)
        #expect(Fen(yuan: "-4452.00")?.value == -445_200)
        #expect(Fen(yuan: "0.10")!.value + Fen(yuan: "0.20")!.value == 30)
        #expect(Fen(yuan: "99999999.99")?.value == 9_999_999_999)
    }

    @Test(arguments: ["4800", "4800.0", "4800.000", "1e3.00", "+1.00", "100000000.00", "", "-", ".50", "00.50", "1,000.00", " 1.00"])
    func refusesOtherSpellings(_ text: String) {
        #expect(Fen(yuan: text) == nil)
    }

    @Test func formatsYuan() {
        #expect(Fen(5).yuan == "0.05")
        #expect(Fen(-445_200).yuan == "-4452.00")
        #expect(Fen(26044).yuan == "260.44")
    }
}
