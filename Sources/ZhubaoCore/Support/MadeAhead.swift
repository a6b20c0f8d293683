import Foundation

/// Values made in order on a thread of their own, at most `ahead` before the one the caller
/// takes: while the caller works on one, the next are made (the intake's inbox entries,
/// `Prefetch`; `rerun`'s dates, `RangeFeed`). Memory stays bounded by `ahead` values.
final class MadeAhead<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [T] = []
    private var stopped = false
    private var finished = false

    /// Starts making `count` values, `make(index)` each, in order of `index`.
    init(count: Int, ahead: Int, name: String, make: @escaping (Int) -> T) {
        let work = ThreadBox(make)
        let thread = Thread { [self] in
            for index in 0..<count {
                condition.lock()
                while ready.count >= ahead && !stopped { condition.wait() }
                let stop = stopped
                condition.unlock()
                if stop { break }
                let value = work.value(index)
                condition.lock()
                ready.append(value)
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = 8 << 20  // like a main thread
        thread.start()
    }

    /// The next value, in order, waiting for it; nil once every value was taken (or after `stop`).
    func next() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    /// Stops making values, waits for the thread to end, and hands back the values made and
    /// not taken. Once is enough; later calls return nothing.
    @discardableResult
    func stop() -> [T] {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        let left = ready
        ready = []
        condition.unlock()
        return left
    }
}
