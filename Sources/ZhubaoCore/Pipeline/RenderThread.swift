import Foundation

/// `rerun` renders each date's five outputs on a thread of its own (`DailyReport.render`) while
/// the main thread records the next date's lifecycle, and the range engine computes the dates
/// after it (`RangeFeed`): three threads on the machine's two cores, none waiting on another's
/// work. At most `ahead` dates wait to be rendered. A render that fails stops the rerun: its
/// error is thrown by the next `submit` or by `finish`.
final class RenderThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [DailyReport.Result] = []
    private var failure: (any Error)?
    private var closed = false, done = false
    private let ahead: Int

    init(report: DailyReport, ahead: Int = 8) {
        self.ahead = ahead
        let thread = Thread { [self] in
            while true {
                condition.lock()
                while waiting.isEmpty && !closed { condition.wait() }
                guard !waiting.isEmpty, failure == nil else {
                    done = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                let result = waiting[0]
                condition.unlock()
                var error: (any Error)?
                do { try report.render(result) } catch let failed { error = failed }
                condition.lock()
                waiting.removeFirst()
                if let error, failure == nil { failure = error }
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.name = "zhubao.rerun.render"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Hands a recorded date over, waiting while `ahead` dates are waiting.
    func submit(_ result: DailyReport.Result) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= ahead && failure == nil { condition.wait() }
        if let failure { throw failure }
        waiting.append(result)
        condition.broadcast()
    }

    /// Waits for every date handed over to be rendered; throws the first failure.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        if let failure { throw failure }
    }
}
