import Foundation

/// The range engine on a thread of its own (docs/engine-plan.md §3, step 5): while `rerun`
/// writes date k — the lifecycle, the five reports, the store's rows — the engine computes
/// the dates after it, at most `ahead` of them, in order. The machine's two cores each take one
/// side. Dates are taken in the order given; `stop` ends the thread early (a write that failed).
final class RangeFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [DailyReport.Computed] = []
    private var stopped = false
    private let ahead: Int
    /// Component evaluations so far (`RangeEngine.DateResult.recomputed`), and the components.
    private var evaluations = 0
    let components: Int

    /// Starts computing `days` (increasing) with `engine`.
    init(engine: RangeEngine, days: [Day], ahead: Int = 2) {
        self.ahead = ahead
        components = engine.parts.partitions.count
        guard !days.isEmpty else { return }
        let thread = Thread { [self] in
            var engine = engine
            let reports = engine.reports
            for day in days {
                let result = engine.compute(asOf: day)
                let computed = DailyReport.Computed(asOf: day, result, reports: reports)
                condition.lock()
                evaluations += result.recomputed
                while ready.count >= ahead && !stopped { condition.wait() }
                if stopped { condition.unlock(); return }
                ready.append(computed)
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.name = "zhubao.rerun.engine"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next date's computation, waiting for it.
    func next() -> DailyReport.Computed {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty { condition.wait() }
        let computed = ready.removeFirst()
        condition.broadcast()
        return computed
    }

    /// Component evaluations of the dates computed so far.
    var recomputed: Int {
        condition.lock()
        defer { condition.unlock() }
        return evaluations
    }

    /// Lets the thread end without computing the dates left.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
