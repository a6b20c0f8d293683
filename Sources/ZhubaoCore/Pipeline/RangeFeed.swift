import Foundation

/// The range engine on a thread of its own (docs/engine-plan.md §3, step 5): while `rerun`
/// writes date k — the lifecycle, the five reports, the store's rows — the engine computes
/// the dates after it, at most `ahead` of them, in order. The machine's two cores each take one
/// side. Dates are taken in the order given; `stop` ends the thread early (a write that failed).
final class RangeFeed: @unchecked Sendable {
    private let made: MadeAhead<DailyReport.Computed>
    /// Component evaluations so far (`RangeEngine.DateResult.recomputed`), and the components.
    private let evaluations = Evaluations()
    let components: Int

    /// Starts computing `days` (increasing) with `engine`. Eight ahead, not two: the dates'
    /// computations are uneven (a day of files, a month's end, a new year recompute more of the
    /// city) and so is the rendering; with two in each queue a third of the two cores sat idle
    /// (the rerun of 365 dates 58.9 → 47.8 s at the same peak memory, docs/benchmarks.md).
    init(engine: RangeEngine, days: [Day], ahead: Int = 8) {
        components = engine.parts.partitions.count
        var engine = engine
        let reports = engine.reports, evaluations = evaluations
        made = MadeAhead(count: days.count, ahead: ahead, name: "zhubao.rerun.engine") { index in
            let result = engine.compute(asOf: days[index])
            evaluations.add(result.recomputed)
            return DailyReport.Computed(asOf: days[index], result, reports: reports)
        }
    }

    /// The next date's computation, waiting for it (one for each of the days given).
    func next() -> DailyReport.Computed {
        guard let computed = made.next() else { preconditionFailure("more dates taken than given") }
        return computed
    }

    /// Component evaluations of the dates computed so far.
    var recomputed: Int { evaluations.count }

    /// Ends the thread without computing the dates left (once the date it computes is done).
    func stop() { made.stop() }

    private final class Evaluations: @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0
        func add(_ n: Int) { lock.withLock { total += n } }
        var count: Int { lock.withLock { total } }
    }
}
