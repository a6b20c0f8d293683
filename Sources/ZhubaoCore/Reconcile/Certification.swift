/// rules.md §3, hardship certification. From the snapshots known as of D (one per department
/// and date, the highest SEQ), for each department, person and category: a certification is
/// valid on day x when some run of consecutive snapshots of that department contains the person
/// and category and x lies in `[认定日期, end)`. `认定日期` comes from the run's latest row (two
/// rows of one person and category in one snapshot: the later row); `end` is the earliest of
/// that row's `终止日期` and the date of the first snapshot after the run, and there is no end
/// when the run reaches the latest snapshot (formats.md §3: absent from the next snapshot, the
/// certification stops on that snapshot's date).
///
/// A certification that any snapshot marks `撤销` (revoked) is void for that person, category
/// and department: it was never valid, on any day, including days already claimed (E505).
///
/// The intervals are built once; `认定日期` may lie before the first snapshot that lists the
/// person (a list published on 31 January certifies from the date it states).
package struct Certification: Sendable {
    /// One validity interval `[from, until)` of a person's category in a department's list.
    package struct Interval: Sendable, Equatable {
        package var department: String
        /// Category code (`TK`, `DB`, …).
        package var category: String
        package var from: Day
        /// Exclusive; nil: no end known as of D.
        package var until: Day?

        package func contains(_ day: Day) -> Bool {
            day >= from && (until.map { day < $0 } ?? true)
        }
    }

    /// The valid intervals per ID number, sorted by start, department, category.
    package let intervals: [String: [Interval]]

    package init(ledger: Ledger) {
        self.init(snapshots: ledger.snapshots)
    }

    /// `snapshots`: per department, one snapshot per date, in order of date.
    package init(snapshots: [String: [HardshipSnapshot]]) {
        var intervals: [String: [Interval]] = [:]
        for department in snapshots.keys.sorted() {
            for (key, interval) in Self.intervals(of: department, snapshots[department] ?? []) {
                intervals[key.idNumber, default: []].append(interval)
            }
        }
        for id in intervals.keys {
            intervals[id]!.sort { ($0.from, $0.department, $0.category) < ($1.from, $1.department, $1.category) }
        }
        self.intervals = intervals
    }

    struct Key: Hashable {
        var idNumber: String
        var category: HardshipCategory
    }

    /// The valid intervals of one department's snapshots: runs of consecutive snapshots per
    /// person and category, less every person and category that any snapshot marks revoked.
    static func intervals(of department: String, _ snapshots: [HardshipSnapshot]) -> [(Key, Interval)] {
        let ordered = snapshots.sorted { $0.date < $1.date }
        // The open run of each person and category: its last snapshot index and its latest row.
        var runs: [Key: (last: Int, row: HardshipSnapshot.Row)] = [:]
        var revoked: Set<Key> = []
        var found: [(Key, Interval)] = []

        func close(_ key: Key, last: Int, row: HardshipSnapshot.Row) {
            let next = last + 1 < ordered.count ? ordered[last + 1].date : nil
            let until: Day?
            switch (row.endsOn, next) {
            case let (ends?, next?): until = min(ends, next)
            case let (ends, next): until = ends ?? next
            }
            if let until, until <= row.certifiedOn { return }
            found.append((key, Interval(department: department, category: row.category.rawValue,
                                        from: row.certifiedOn, until: until)))
        }

        for (index, snapshot) in ordered.enumerated() {
            // The later row of a person and category repeated within one snapshot.
            var latest: [Key: HardshipSnapshot.Row] = [:]
            for row in snapshot.rows {
                let key = Key(idNumber: row.idNumber, category: row.category)
                if row.revoked { revoked.insert(key) }
                if let kept = latest[key], kept.line > row.line { continue }
                latest[key] = row
            }
            for (key, row) in latest {
                if let run = runs[key], run.last != index - 1 {
                    close(key, last: run.last, row: run.row)
                }
                runs[key] = (index, row)
            }
        }
        for (key, run) in runs { close(key, last: run.last, row: run.row) }
        return found.filter { !revoked.contains($0.0) }
    }

    /// Whether the person holds a valid certification (any department, any category) on a day.
    package func isCertified(_ idNumber: String, on day: Day) -> Bool {
        intervals[idNumber]?.contains { $0.contains(day) } ?? false
    }

    /// The category codes the person holds on a day, sorted, without repeats (for the claim).
    package func categories(of idNumber: String, on day: Day) -> [String] {
        Array(Set(held(by: idNumber, on: day).map(\.category))).sorted()
    }

    /// The intervals valid on a day: the certifications that make the person eligible then
    /// (`zhubao explain` lists them), in order of start, department, category.
    package func held(by idNumber: String, on day: Day) -> [Interval] {
        intervals[idNumber]?.filter { $0.contains(day) } ?? []
    }
}
