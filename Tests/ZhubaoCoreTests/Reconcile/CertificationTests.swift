import Testing
@testable import ZhubaoCore

/// rules.md §3: validity intervals from runs of consecutive snapshots; revocation voids.
@Suite struct CertificationTests {
    let person = LedgerBuilder.borrower
    let other = LedgerBuilder.otherPerson

    @Test func absentFromTheNextSnapshotEndsOnThatSnapshotsDate() throws {
        // MZ lists the person on 01-31 (since 2024-03-01) and 02-28 (a corrected 认定日期
        // 2024-03-05), and not on 03-31. One run of two snapshots; its latest row says
        // 2024-03-05; it ends on the date of the first snapshot after it: [2024-03-05, 2026-03-31).
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.certify(since: "2024-03-01", listedOn: "2026-01-31")
        b.certify(since: "2024-03-05", listedOn: "2026-02-28")
        b.snapshot("MZ", date: "2026-03-31", [LedgerBuilder.row(other, since: "2025-01-01")])
        let certification = Certification(ledger: b.ledger)

        #expect(!certification.isCertified(person, on: d("2024-03-04")))   // the run's latest row decides
        #expect(certification.isCertified(person, on: d("2024-03-05")))
        #expect(certification.isCertified(person, on: d("2026-03-30")))
        #expect(!certification.isCertified(person, on: d("2026-03-31")))   // removed from this date
        #expect(certification.intervals[person] == [
            .init(department: "MZ", category: "DB", from: d("2024-03-05"), until: d("2026-03-31")),
        ])
        // The other person's run reaches the latest snapshot: no end.
        #expect(certification.isCertified(other, on: d("2030-01-01")))
    }

    @Test func anEarlierEndDateOfTheRowWins() throws {
        // The latest snapshot states 终止日期 2026-02-10 (exclusive): valid through 02-09.
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.certify(since: "2025-01-01", listedOn: "2026-01-31")
        b.certify(since: "2025-01-01", listedOn: "2026-02-28", ends: "2026-02-10")
        let certification = Certification(ledger: b.ledger)

        #expect(certification.isCertified(person, on: d("2026-02-09")))
        #expect(!certification.isCertified(person, on: d("2026-02-10")))
        #expect(!certification.isCertified(person, on: d("2026-03-15")))
    }

    @Test func aGapMakesTwoRuns() throws {
        // Listed 01-31 (since 2025-01-01), absent 02-28, listed again 03-31 (since 2026-03-15).
        // First run: [2025-01-01, 2026-02-28). Second run reaches the latest: [2026-03-15, ∞).
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.certify(since: "2025-01-01", listedOn: "2026-01-31")
        b.snapshot("MZ", date: "2026-02-28", [])
        b.certify(since: "2026-03-15", listedOn: "2026-03-31")
        let certification = Certification(ledger: b.ledger)

        #expect(certification.isCertified(person, on: d("2026-02-27")))
        #expect(!certification.isCertified(person, on: d("2026-02-28")))
        #expect(!certification.isCertified(person, on: d("2026-03-14")))
        #expect(certification.isCertified(person, on: d("2026-03-15")))
        #expect(certification.isCertified(person, on: d("2031-12-31")))
    }

    @Test func twoRowsInOneSnapshotTakeTheLaterRow() throws {
        // Same person and category twice in one list: the later row (since 2025-06-01, ending
        // 2025-12-31) decides, not the earlier one (since 2025-01-01, no end).
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.snapshot("MZ", date: "2026-01-31", [
            LedgerBuilder.row(since: "2025-01-01"),
            LedgerBuilder.row(since: "2025-06-01", ends: "2025-12-31"),
        ])
        let certification = Certification(ledger: b.ledger)

        #expect(!certification.isCertified(person, on: d("2025-03-01")))
        #expect(certification.isCertified(person, on: d("2025-06-01")))
        #expect(certification.isCertified(person, on: d("2025-12-30")))
        #expect(!certification.isCertified(person, on: d("2025-12-31")))
    }

    @Test func aRevocationVoidsThePastOfThatCategoryAndDepartmentOnly() throws {
        // MZ certified DB and TK since 2025-01-01 on 01-31; on 02-28 MZ marks DB 撤销. DB is
        // void on every day, also the days of January that were valid before. TK stays, and so
        // does XC's TP (another department).
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.snapshot("MZ", date: "2026-01-31", [LedgerBuilder.row(since: "2025-01-01"),
                                              LedgerBuilder.row(person, "TK", since: "2025-01-01")])
        b.snapshot("MZ", date: "2026-02-28", [LedgerBuilder.row(since: "2025-01-01", ends: "2026-02-20", revoked: true),
                                              LedgerBuilder.row(person, "TK", since: "2025-01-01")])
        b.certify(person, "TP", since: "2025-07-01", listedOn: "2026-01-31", department: "XC")
        b.certify(other, "DB", since: "2025-01-01", listedOn: "2026-02-28", revoked: true)
        let certification = Certification(ledger: b.ledger)

        #expect(certification.categories(of: person, on: d("2025-06-01")) == ["TK"])
        #expect(certification.categories(of: person, on: d("2026-01-15")) == ["TK", "TP"])
        #expect(!certification.isCertified(other, on: d("2025-06-01")))
        #expect(certification.intervals[person]?.contains { $0.category == "DB" } == false)
    }

    @Test func categoriesAreSortedWithoutRepeats() throws {
        // DB from MZ and XG from JY, both since 2025-01-01, and DB again in a second MZ run:
        // listed 01-31, absent 02-28, listed 03-31 (since 2026-03-01).
        var b = try LedgerBuilder(asOf: "2026-04-30")
        b.snapshot("MZ", date: "2026-01-31", [LedgerBuilder.row(since: "2025-01-01"),
                                              LedgerBuilder.row(person, "TK", since: "2026-01-01")])
        b.snapshot("MZ", date: "2026-02-28", [LedgerBuilder.row(person, "TK", since: "2026-01-01")])
        b.snapshot("MZ", date: "2026-03-31", [LedgerBuilder.row(since: "2026-03-01"),
                                              LedgerBuilder.row(person, "TK", since: "2026-01-01")])
        b.certify(person, "XG", since: "2025-01-01", listedOn: "2026-01-31", department: "JY")
        let certification = Certification(ledger: b.ledger)

        #expect(certification.categories(of: person, on: d("2026-01-15")) == ["DB", "TK", "XG"])
        #expect(certification.categories(of: person, on: d("2026-02-28")) == ["TK", "XG"])
        #expect(certification.categories(of: person, on: d("2026-03-01")) == ["DB", "TK", "XG"])
        #expect(certification.categories(of: other, on: d("2026-03-01")).isEmpty)
    }
}
