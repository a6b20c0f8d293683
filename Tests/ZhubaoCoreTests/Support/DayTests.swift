import Testing
@testable import ZhubaoCore

@Suite struct DayTests {
    @Test func roundTripsCivilDates() {
        for text in ["1970-01-01", "2000-02-29", "2026-01-15", "2024-12-31", "1966-01-07"] {
            #expect(Day(iso: text)?.iso == text)
        }
        #expect(Day(iso: "1970-01-02")?.ordinal == 1)
        #expect(Day(iso: "2026-03-01")! - Day(iso: "2026-02-01")! == 28)
        #expect(Day(iso: "2024-03-01")! - Day(iso: "2024-02-01")! == 29)
    }

    @Test func refusesImpossibleDates() {
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(compact: "20260431") == nil)
        #expect(Day(iso: "2026-1-05") == nil)
    }

    @Test(arguments: ["2026-01-05", "2026/01/05", "2026/1/5", "20260105"])
    func readsTheFourSpreadsheetSpellings(_ text: String) {
        #expect(Day(spreadsheet: text) == Day(year: 2026, month: 1, day: 5))
    }

    @Test(arguments: ["2026/12/31", "2026/12/1", "2026/1/31"])
    func readsSlashedDaysOfOneOrTwoDigits(_ text: String) {
        let parts = text.split(separator: "/").map { Int($0)! }
        #expect(Day(spreadsheet: text) == Day(year: parts[0], month: parts[1], day: parts[2]))
    }

    @Test(arguments: ["2026.01.05", "05/01/2026", "2026/001/5", "2026-1-5", "", "2026/1/", "2026//5", "2026/1/5/",
                      "2026/13/1", "2026/2/30", "202/01/05", "2026/1/005", "２０２６/1/5", "2026/1/5 ", " 20260105"])
    func refusesOtherSpellings(_ text: String) {
        #expect(Day(spreadsheet: text) == nil)
    }

    @Test func spellsDaysWithLeadingZeros() {
        #expect(Day(year: 1001, month: 2, day: 3)!.iso == "1001-02-03")
        #expect(Day(year: 2026, month: 12, day: 31)!.compact == "20261231")
        #expect(Day(year: 2026, month: 1, day: 5)!.description == "2026-01-05")
    }

    @Test func addsYearsWithTheLeapDayRule() {
        // rules.md §5: 29 February plus n years is 28 February in a common year.
        #expect(Day(iso: "2024-02-29")!.adding(years: 1).iso == "2025-02-28")
        #expect(Day(iso: "2024-02-29")!.adding(years: 4).iso == "2028-02-29")
        #expect(Day(iso: "2026-01-15")!.adding(years: 5).iso == "2031-01-15")
    }
}
