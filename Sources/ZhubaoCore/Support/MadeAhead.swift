import Foundation

/// Values made in order on a thread of their own, at most `ahead` before the one the caller
/// takes: while the caller works on one, the next are made (the intake's inbox entries,
/// `Prefetch`; `rerun`'s dates, `RangeFeed`). Memory stays bounded by `ahead` values, and,
/// given a `weight`, by a `budget` of their weights (one value over it is made all the same).
final class MadeAhead<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [(value: T, weight: Int)] = []
    private var readyWeight = 0
    private var stopped = false
    private var finished = false

    /// Starts making `count` values, `make(index)` each, in order of `index`.
    init(count: Int, ahead: Int, budget: Int = .max, weight: @escaping (T) -> Int = { _ in 0 }, name: String,
         make: @escaping (Int) -> T) {
        let work = ThreadBox((make, weight))
        let thread = Thread { [self] in
            for index in 0..<count {
                condition.lock()
                while (ready.count >= ahead || (!ready.isEmpty && readyWeight >= budget)) && !stopped { condition.wait() }
                let stop = stopped
                condition.unlock()
                if stop { break }
                let value = work.value.0(index), weight = work.value.1(value)
                condition.lock()
                ready.append((value, weight))
                readyWeight += weight
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
        let first = ready.removeFirst()
        readyWeight -= first.weight
        return first.value
    }

    /// Stops making values, waits for the thread to end, and hands back the values made and
    /// not taken. Once is enough; later calls return nothing.
    @discardableResult
    func stop() -> [T] {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        let left = ready.map(\.value)
        ready = []
        readyWeight = 0
        condition.unlock()
        return left
    }
}
